import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { categoriesOf, categoriesValue, tagsOf } from '../../../src/core/generators/hexo/taxonomy';
import { categoryNodesOf } from '../../../src/core/site/categoryPaths';

describe('taxonomy: tags as Hexo reads them', () => {
  it('turns a scalar tag into a one-item list', () => {
    assert.deepEqual(tagsOf({ tags: '随笔' }), ['随笔']);
  });
  it('keeps `tags: g, h` as one tag, since YAML reads it as one string', () => {
    assert.deepEqual(tagsOf({ tags: 'g, h' }), ['g, h']);
  });
  it('uses `tag` only when `tags` is absent', () => {
    assert.deepEqual(tagsOf({ tag: ['a'] }), ['a']);
    assert.deepEqual(tagsOf({ tag: ['a'], tags: ['b'] }), ['b']);
  });
  it('drops null and empty items and turns numbers into strings', () => {
    assert.deepEqual(tagsOf({ tags: [null, '', 3.1, 'x'] }), ['3.1', 'x']);
  });
  it('keeps case and keeps a repeated tag, which Hexo counts twice', () => {
    assert.deepEqual(tagsOf({ tags: ['Java', 'JAVA', 'Java'] }), ['Java', 'JAVA', 'Java']);
  });
  it('reads no tags from a missing or falsy value', () => {
    assert.deepEqual(tagsOf({}), []);
    assert.deepEqual(tagsOf({ tags: null }), []);
  });
});

describe('taxonomy: categories as Hexo reads them', () => {
  it('reads a flat list as ONE hierarchy', () => {
    assert.deepEqual(categoriesOf({ categories: ['Sports', 'Baseball'] }), [['Sports', 'Baseball']]);
  });
  it('reads a list holding lists as independent hierarchies', () => {
    assert.deepEqual(categoriesOf({ categories: [['Sports', 'Baseball'], 'Rivalries'] }), [['Sports', 'Baseball'], ['Rivalries']]);
  });
  it('reads a scalar as a one-level hierarchy and honours the `category` alias', () => {
    assert.deepEqual(categoriesOf({ categories: '技术' }), [['技术']]);
    assert.deepEqual(categoriesOf({ category: ['技术', '前端'] }), [['技术', '前端']]);
  });
  it('drops empty items while preserving hierarchies', () => {
    assert.deepEqual(categoriesOf({ categories: [['A', null, 'B'], '', null] }), [['A', 'B']]);
  });
  it('counts a post at every level, twice for a repeated parent', () => {
    assert.deepEqual(categoryNodesOf([['A', 'B'], ['A', 'C']]), [['A'], ['A', 'B'], ['A'], ['A', 'C']]);
  });
});

describe('taxonomy: picked categories written as Hexo reads them', () => {
  it('writes two top-level picks as two lists, so they stay siblings', () => {
    const value = categoriesValue([['技术'], ['生活']]);
    assert.deepEqual(value, [['技术'], ['生活']]);
    assert.deepEqual(categoriesOf({ categories: value }), [['技术'], ['生活']]);
  });
  it('writes one picked child path flat, as one hierarchy', () => {
    const value = categoriesValue([['技术', '前端']]);
    assert.deepEqual(value, ['技术', '前端']);
    assert.deepEqual(categoriesOf({ categories: value }), [['技术', '前端']]);
  });
  it('writes a child path and a top-level pick as two hierarchies, and nothing for no pick', () => {
    assert.deepEqual(categoriesValue([['生活', '杭州'], ['随笔']]), [['生活', '杭州'], ['随笔']]);
    assert.deepEqual(categoriesValue([]), []);
  });
  it('is read back by categoriesOf as the hierarchies picked, whatever they are', () => {
    const name = fc.constantFrom('技术', '生活', '前端', 'Go', 'a b');
    fc.assert(fc.property(fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { maxLength: 4 }), (picks) => {
      assert.deepEqual(categoriesOf({ categories: categoriesValue(picks) }), picks);
    }));
  });
});
