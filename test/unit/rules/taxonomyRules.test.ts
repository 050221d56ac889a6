import * as assert from 'node:assert/strict';
import { parseFrontMatter } from '../../../src/core/frontMatter';
import { check, fixed, none, only } from './support';

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

  it('PC402 removes the only item of a flow list with its trailing comma, leaving YAML that parses (found by the fuzzer)', async () => {
    const text = post('tags: ["",  ]');
    const after = await fixed(text, 'PC402');
    assert.equal(after, post('tags: [  ]'));
    assert.ok(parseFrontMatter(after).valid);
    assert.equal(await fixed(post('categories: [ "" ]'), 'PC402'), post('categories: [  ]'));
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

/** What Hexo reads from the fixed text (and that it still parses). */
function readBack(text: string): Record<string, unknown> {
  const parsed = parseFrontMatter(text);
  assert.ok(parsed.valid, `does not parse: ${text}`);
  return parsed.data;
}

describe('rules: tag and category strings and pages (PC406–PC407)', () => {
  it('PC406 reports a comma-separated string, which Hexo reads as one tag, and writes it as a flow list', async () => {
    const text = post('tags: Go, 后端 ,踩坑  # 技术');
    assert.deepEqual(await only(text, 'PC406'), [3, 6, 3, 16,
      'Hexo reads "Go, 后端 ,踩坑" as one tag, separators included: write the list [Go, 后端, 踩坑] for 3 tags.']);
    const result = await fixed(text, 'PC406');
    assert.equal(result, post('tags: [Go, 后端, 踩坑]  # 技术'));
    assert.deepEqual(readBack(result).tags, ['Go', '后端', '踩坑']);
  });

  it('PC406 recognizes the full-width comma and the enumeration comma of Chinese input methods', async () => {
    assert.equal(await fixed(post('tags: 读书，笔记、随笔'), 'PC406'), post('tags: [读书, 笔记, 随笔]'));
    const categories = post('categories: 技术，前端');
    assert.deepEqual((await only(categories, 'PC406'))[4],
      'Hexo reads "技术，前端" as one category, separators included: the list [技术, 前端] files the post under 技术 > 前端.');
    assert.deepEqual(readBack(await fixed(categories, 'PC406')).categories, ['技术', '前端']);
    assert.equal(await fixed(post('category: a, b'), 'PC406'), post('category: [a, b]'));
  });

  it('PC406 quotes names that a flow list would misread, and is preferred but not part of fix-all', async () => {
    const text = post('tags: C#, true, 2026, [草稿]');
    const result = await fixed(text, 'PC406');
    assert.equal(result, post('tags: ["C#", "true", "2026", "[草稿]"]'));
    assert.deepEqual(readBack(result).tags, ['C#', 'true', '2026', '[草稿]']);
    const [diagnostic] = await check(text, 'PC406');
    assert.ok(diagnostic.fixes[0].preferred && !diagnostic.fixes[0].safe, 'it changes which tag pages Hexo builds');
  });

  it('PC406 leaves lists, quoted strings, single names and JSON front matter alone', async () => {
    await none(post('tags: [Go, 后端]'), 'PC406');
    await none(post('tags:\n  - Go\n  - 后端'), 'PC406');
    await none(post('tags: "读书, 笔记"'), 'PC406');
    await none(post("tags: '读书，笔记'"), 'PC406');
    await none(post('tags: 随笔'), 'PC406');
    await none(post('tags: a,'), 'PC406');
    await none(';;;\n"title": "A",\n"tags": "a, b"\n;;;\nBody\n', 'PC406');
  });

  const about = { path: '/b/source/about/index.md' };

  it('PC407 reports tags and categories on a page and removes the whole key', async () => {
    const text = '---\ntitle: 关于\ntags: [自我介绍]\ndate: 2026-01-01 10:00:00\n---\n你好\n';
    assert.deepEqual(await only(text, 'PC407', about), [2, 0, 2, 4, 'Hexo ignores "tags" on a page: only posts are listed under tags and categories.']);
    const result = await fixed(text, 'PC407', undefined, about);
    assert.equal(result, '---\ntitle: 关于\ndate: 2026-01-01 10:00:00\n---\n你好\n');
    assert.ok(readBack(result).title === '关于');
    const [diagnostic] = await check(text, 'PC407', about);
    assert.equal(diagnostic.fixes[0].safe, false);
  });

  it('PC407 removes a block list with all its items, keeping the keys around it', async () => {
    const text = '---\ntitle: 关于\ncategories:\n  - 生活\n  - 随笔\nlayout: page\n---\n';
    const result = await fixed(text, 'PC407', undefined, about);
    assert.equal(result, '---\ntitle: 关于\nlayout: page\n---\n');
    assert.deepEqual(readBack(result), { title: '关于', layout: 'page' });
    const last = '---\r\ntitle: 关于\r\ntag: 随笔\r\n---\r\n';
    assert.equal(await fixed(last, 'PC407', undefined, about), '---\r\ntitle: 关于\r\n---\r\n');
  });

  it('PC407 is silent on posts and on empty keys a page scaffold leaves', async () => {
    await none(post('tags: [自我介绍]'), 'PC407');
    await none('---\ntitle: 关于\ntags:\ncategories: []\n---\n', 'PC407', about);
  });
});
