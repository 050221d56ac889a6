import * as assert from 'node:assert/strict';
import type { SiteIndex } from '../../../src/core/index/siteIndex';
import { buildIndex, complete, labels } from './support';

/**
 * A flow map `{...}` where a value goes. Hexo reads tags and categories only as lists or scalars
 * (a map becomes the tag `[object Object]`), and nothing is known about a theme's own maps: nothing
 * is offered inside one, and what is around it completes as usual.
 */
describe('front-matter completion: flow maps', () => {
  let index: SiteIndex;
  before(async () => {
    index = await buildIndex();
  });

  it('offers nothing inside a theme key\'s map', () => {
    assert.deepEqual(complete(index, '---\nsticky: {|}\n---\n'), []);
    assert.deepEqual(complete(index, '---\nsticky: {top: |}\n---\n'), []);
    assert.deepEqual(complete(index, '---\nsticky: {\n  top: |\n}\n---\n'), []);
    assert.deepEqual(complete(index, '---\nsticky: {|'), []);
  });

  it('offers no tags or categories inside a map, where Hexo would not read them', () => {
    assert.deepEqual(complete(index, '---\ntags: {|}\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntags: {a: |}\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntags: [副业, {a: |}]\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntags:\n  - {a: |}\n---\n'), []);
    assert.deepEqual(complete(index, '---\ncategories: [[技术, {|}]]\n---\n'), []);
    assert.deepEqual(complete(index, ';;;\n"tags": {"a": |}\n;;;\n'), []);
  });

  it('completes the list around a map, and keys after it', () => {
    assert.ok(labels(complete(index, '---\ntags: [{a: b}, |]\n---\n')).includes('副业'));
    assert.ok(labels(complete(index, '---\nsticky: {top: 1}\n|\n---\n')).includes('title'));
    assert.ok(labels(complete(index, '---\nsticky: {\n  top: 1\n}\n|\n---\n')).includes('title'));
  });
});
