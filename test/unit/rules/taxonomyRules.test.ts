import * as assert from 'node:assert/strict';
import { fixed, none, only } from './support';

const post = (fields: string): string => `---\ntitle: A\ndate: 2026-01-01 10:00:00\n${fields}\n---\nBody\n`;

describe('rules: tags and categories (PC401–PC405)', () => {
  it('PC401 reports a map where a tag belongs', async () => {
    assert.deepEqual(await only(post('tags:\n  - a\n  - b: c'), 'PC401'), [5, 4, 5, 8, 'A tag cannot be a key: value map (b: c): Hexo names it "[object Object]".']);
    await none(post('categories:\n  - [技术, 前端]\n  - 随笔'), 'PC401');
  });

  it('PC402 reports an empty item and removes its line', async () => {
    const text = post('tags:\n  - a\n  -\n  - b');
    assert.deepEqual(await only(text, 'PC402'), [5, 0, 5, 3, 'Empty tag: Hexo skips it.']);
    assert.equal(await fixed(text, 'PC402'), post('tags:\n  - a\n  - b'));
    await none(post('tags: 随笔'), 'PC402');
  });

  it('PC403 reports a repeated tag and removes it, keeping the flow list and the comment', async () => {
    const text = post('tags: [Go, 后端, Go] # 技术');
    assert.deepEqual(await only(text, 'PC403'), [3, 15, 3, 17, 'The tag "Go" is written twice: Hexo counts this post twice under it.']);
    assert.equal(await fixed(text, 'PC403'), post('tags: [Go, 后端] # 技术'));
    const block = post('tags:\n  - Go\n  - Go\n  - 后端');
    assert.equal(await fixed(block, 'PC403'), post('tags:\n  - Go\n  - 后端'));
    await none(post('tags: [Go, go2]'), 'PC403');
  });

  it('PC404 reports a tag that differs from an existing one only in case or width, and uses the existing spelling', async () => {
    const text = post("tags: ['javascript', 新标签]");
    assert.deepEqual(await only(text, 'PC404'), [3, 7, 3, 19,
      'The tag "javascript" differs from the existing tag "JavaScript" only in case, width or spacing: readers see two tags for one, and their pages can collide.']);
    assert.equal(await fixed(text, 'PC404'), post("tags: ['JavaScript', 新标签]"));
    assert.equal(await fixed(post('tags: [ＪａｖａＳｃｒｉｐｔ]'), 'PC404'), post('tags: [JavaScript]'));
    await none(post('tags: [JavaScript]'), 'PC404');
  });

  it('PC404 compares categories under the same parent', async () => {
    assert.deepEqual((await only(post('categories: [技术, 后 端]'), 'PC404')).slice(0, 2), [3, 17]);
    await none(post('categories: [生活, 后 端]'), 'PC404');
  });

  it('PC405 suggests an existing tag for a new one a typo or pinyin homophone away', async () => {
    const text = post('tags: [前段, Kubernets]');
    const found = await only(post('tags: [前段]'), 'PC405');
    assert.deepEqual(found, [3, 7, 3, 9, 'New tag "前段": did you mean "前端" (used by 2 other posts)?']);
    assert.equal(await fixed(post('tags: [Kubernets]'), 'PC405'), post('tags: [Kubernetes]'));
    assert.ok(text);
    await none(post('tags: [后端, 随想, React]'), 'PC405');
  });
});
