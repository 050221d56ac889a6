import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../src/core/edits';
import { planTaxonomyRename, renameCategoryEdits, renameTagEdits } from '../../../src/core/posts/renameTaxonomy';

const renameTag = (text: string, from: string, to: string): string => applyTextEdits(text, renameTagEdits(text, from, to));
const renameCategory = (text: string, from: string[], to: string[]): string => applyTextEdits(text, renameCategoryEdits(text, from, to));

describe('renaming a tag across posts', () => {
  it('changes only the item, in flow lists, block lists and scalars, keeping comments', () => {
    assert.equal(renameTag('---\ntags: [Go, 踩坑, 后端] # mine\n---\n踩坑', '踩坑', '排错'), '---\ntags: [Go, 排错, 后端] # mine\n---\n踩坑');
    assert.equal(renameTag('---\ntags:\n  - Go\n  - 踩坑\n---\n', '踩坑', '排错'), '---\ntags:\n  - Go\n  - 排错\n---\n');
    assert.equal(renameTag('---\ntags: 踩坑\n---\n', '踩坑', '排错'), '---\ntags: 排错\n---\n');
    assert.equal(renameTag('---\ntag: [a]\n---\n', 'a', 'b'), '---\ntag: [b]\n---\n', 'the singular alias');
  });

  it('keeps the author\'s quotes and quotes only when YAML needs it', () => {
    assert.equal(renameTag("---\ntags: ['a', \"b\"]\n---\n", 'a', "it's"), "---\ntags: ['it''s', \"b\"]\n---\n");
    assert.equal(renameTag('---\ntags: [a, b]\n---\n', 'a', 'x, y'), '---\ntags: ["x, y", b]\n---\n');
    assert.equal(renameTag('---\ntags: [2024]\n---\n', '2024', '2025'), '---\ntags: ["2025"]\n---\n');
    assert.equal(renameTag(';;;\n"tags": ["a", "b"]\n;;;\n', 'a', 'c'), ';;;\n"tags": ["c", "b"]\n;;;\n');
  });

  it('merges into a tag the post already has: the old item goes with its separator or line', () => {
    assert.equal(renameTag('---\ntags: [Hexo, 踩坑, 前端]\n---\n', '踩坑', 'Hexo'), '---\ntags: [Hexo, 前端]\n---\n');
    assert.equal(renameTag('---\ntags: [Hexo, 前端, 踩坑]\n---\n', '踩坑', 'Hexo'), '---\ntags: [Hexo, 前端]\n---\n');
    assert.equal(renameTag('---\ntags:\n  - a\n  - b\n  - c\n---\n', 'b', 'c'), '---\ntags:\n  - a\n  - c\n---\n');
    assert.equal(renameTag('---\ntags: [a, a, b]\n---\n', 'a', 'z'), '---\ntags: [z, b]\n---\n', 'a duplicate goes');
  });

  it('leaves posts without the tag, and broken front matter, alone', () => {
    assert.deepEqual(renameTagEdits('---\ntags: [a]\n---\n', 'b', 'c'), []);
    assert.deepEqual(renameTagEdits('---\ntags: [a\n---\n', 'a', 'c'), []);
    assert.deepEqual(planTaxonomyRename([{ path: '/p.md', text: '---\ntags: [x]\n---\n' }], { kind: 'tag', from: 'y', to: 'z' }), []);
  });
});

describe('renaming a category across posts', () => {
  it('renames a level in place in flat, nested and block hierarchies', () => {
    assert.equal(renameCategory('---\ncategories: [技术, 前端]\n---\n', ['技术', '前端'], ['技术', 'Web']), '---\ncategories: [技术, Web]\n---\n');
    assert.equal(renameCategory('---\ncategories:\n  - [技术, 前端]\n  - 副业\n---\n', ['技术'], ['Tech']), '---\ncategories:\n  - [Tech, 前端]\n  - 副业\n---\n');
    assert.equal(renameCategory('---\ncategories:\n  - 技术\n  - 后端\n---\n', ['技术', '后端'], ['技术', 'Backend']), '---\ncategories:\n  - 技术\n  - Backend\n---\n');
    assert.equal(renameCategory('---\ncategories: 生活\n---\n', ['生活'], ['Life']), '---\ncategories: Life\n---\n');
  });

  it('matches from the top only: a child of another parent is not renamed', () => {
    assert.equal(renameCategory('---\ncategories: [技术, 前端]\n---\n', ['前端'], ['Web']), '---\ncategories: [技术, 前端]\n---\n');
  });

  it('moves a category to another depth in the list\'s own style', () => {
    assert.equal(renameCategory('---\ncategories: [技术, 前端, Vue]\n---\n', ['技术', '前端'], ['前端']), '---\ncategories: [前端, Vue]\n---\n');
    assert.equal(renameCategory('---\ncategories:\n  - 技术\n  - 前端\n---\n', ['技术'], ['Code', 'Tech']), '---\ncategories:\n  - Code\n  - Tech\n  - 前端\n---\n');
    assert.equal(renameCategory('---\ncategories: 生活\n---\n', ['生活'], ['Life', 'Hangzhou']), '---\ncategories: [Life, Hangzhou]\n---\n');
    assert.equal(renameCategory('---\ncategories:\n  - [A, B]\n  - C\n---\n', ['C'], ['A', 'D']), '---\ncategories:\n  - [A, B]\n  - [A, D]\n---\n');
  });
});
