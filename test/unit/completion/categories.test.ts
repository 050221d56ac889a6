import * as assert from 'node:assert/strict';
import { formatMessage } from '../../../src/core/completion';
import type { SiteIndex } from '../../../src/core/index/siteIndex';
import { accept, buildIndex, complete, find, labels, post } from './support';

/** Site categories: 技术 (3) > 前端 (2), 后端 (1); 生活 (2) > 读书 (1). */
describe('front-matter completion: categories', () => {
  let index: SiteIndex;
  before(async () => {
    index = await buildIndex();
  });

  it('offers top-level categories first at the start of a list, then other names', () => {
    assert.deepEqual(labels(complete(index, '---\ncategories: [|]\n---\n')), ['技术', '生活', '前端', '后端', '读书']);
    assert.deepEqual(labels(complete(index, '---\ncategories: |\n---\n')), ['技术', '生活', '前端', '后端', '读书']);
  });

  it('reads a flat list as one hierarchy: after `技术` come its children, with their full path', () => {
    const items = complete(index, '---\ncategories: [技术, |]\n---\n');
    assert.deepEqual(labels(items), ['前端', '后端', '生活', '读书']);
    assert.equal(formatMessage(find(items, '前端').detail!), '技术 > 前端 · 2 posts');
    assert.equal(formatMessage(find(items, '读书').detail!), '生活 > 读书 · 1 post');
    assert.equal(formatMessage(find(items, '读书').documentation!), 'Written here, it becomes 技术 > 读书.');
    assert.equal(accept(index, '---\ncategories: [技术, |]\n---\n', '前端'), post('categories: [技术, 前端]', ''));
  });

  it('reads a flat block list as one hierarchy too', () => {
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  - 生活\n  - |\n---\n')).slice(0, 1), ['读书']);
  });

  it('completes each inner list of a list of lists on its own', () => {
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  - [生活, 读书]\n  - [技术, |]\n---\n')).slice(0, 2), ['前端', '后端']);
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  - [|]\n---\n')).slice(0, 2), ['技术', '生活']);
    assert.deepEqual(labels(complete(index, '---\ncategories: [[技术, 后端], [生活, |]]\n---\n')).slice(0, 1), ['读书']);
  });

  it('starts a new hierarchy next to a list: `- [A, B]` then `- |` is top level', () => {
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  - [技术, 前端]\n  - |\n---\n')).slice(0, 2), ['技术', '生活']);
    assert.deepEqual(labels(complete(index, '---\ncategories: [[技术, 前端], |]\n---\n')).slice(0, 2), ['技术', '生活']);
  });

  it('reads a block list under a bare `-` as one hierarchy, as Hexo does', () => {
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  -\n    - 技术\n    - |\n---\n')).slice(0, 2), ['前端', '后端']);
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  - [技术, 前端]\n  -\n    - 生活\n    - |\n---\n')).slice(0, 1), ['读书']);
    assert.equal(
      accept(index, '---\ncategories:\n  -\n    - 技术\n    -|\n---\n', '前端'),
      post('categories:\n  -\n    - 技术\n    - 前端', ''),
    );
  });

  it('reads a compact `- - A` item as one hierarchy too', () => {
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  - - 技术\n    - |\n---\n')).slice(0, 2), ['前端', '后端']);
    assert.deepEqual(labels(complete(index, '---\ncategories:\n- [技术, 前端]\n- - 生活\n  - |\n---\n')).slice(0, 1), ['读书']);
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  - - 生活\n    - 读|\n---\n')).slice(0, 1), ['读书']);
  });

  it('starts a new hierarchy after a block list item, at the items\' column', () => {
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  -\n    - 技术\n    - 前端\n  - |\n---\n')).slice(0, 2), ['技术', '生活']);
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  - - 技术\n    - 前端\n  |\n---\n')).slice(0, 2), ['技术', '生活']);
  });

  it('on an empty line, completes the list whose column the cursor is in', () => {
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  -\n    - 生活\n    |\n---\n')).slice(0, 1), ['读书']);
    assert.equal(
      accept(index, '---\ncategories:\n  -\n    - 生活\n    |\n---\n', '读书'),
      post('categories:\n  -\n    - 生活\n    - 读书', ''),
    );
    // Under a bare `-`, deeper: the first item of a new hierarchy, even after a flat item.
    assert.deepEqual(labels(complete(index, '---\ncategories:\n  - 技术\n  -\n    |\n---\n')).slice(0, 2), ['技术', '生活']);
  });

  it('offers nothing where a new `- ` would only continue the item above (`- 技术` then a deeper line)', () => {
    assert.deepEqual(complete(index, '---\ncategories:\n  - 技术\n    |\n---\n'), []);
    assert.deepEqual(complete(index, '---\ncategories:\n  - [技术, 前端]\n    |\n---\n'), []);
  });

  it('offers nothing in a list below the second level: Hexo joins it into one name', () => {
    assert.deepEqual(complete(index, '---\ncategories: [[技术, [|]]]\n---\n'), []);
    assert.deepEqual(complete(index, '---\ncategories: [[技术, [前端, |]]]\n---\n'), []);
    assert.deepEqual(complete(index, '---\ncategories:\n  -\n    - 技术\n    -\n      - |\n---\n'), []);
    assert.deepEqual(complete(index, '---\ncategories:\n  - - - |\n---\n'), []);
  });

  it('counts a list below the second level as the one name Hexo makes of it (`前端,后端`)', () => {
    const items = complete(index, '---\ncategories: [[技术, [前端, 后端], |]]\n---\n');
    assert.equal(formatMessage(find(items, '读书').documentation!), 'Written here, it becomes 技术 > 前端,后端 > 读书.');
  });

  it('does not offer a category already in the hierarchy being written', () => {
    assert.ok(!labels(complete(index, '---\ncategories: [技术, 前端, |]\n---\n')).includes('技术'));
  });

  it('finds categories by pinyin', () => {
    assert.match(find(complete(index, '---\ncategories: [|]\n---\n'), '技术').filterText, /jishu js/);
  });
});
