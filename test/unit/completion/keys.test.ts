import * as assert from 'node:assert/strict';
import { formatMessage } from '../../../src/core/completion';
import type { SiteIndex } from '../../../src/core/index/siteIndex';
import { accept, buildIndex, complete, find, labels, post } from './support';

describe('front-matter completion: keys', () => {
  let index: SiteIndex;
  before(async () => {
    index = await buildIndex();
  });

  it('offers Hexo\'s fields and the keys the site uses, never a key the post already has', () => {
    const items = complete(index, '---\ntitle: 新文章\ntags: [副业]\n|\n---\n');
    const offered = labels(items);
    for (const key of ['layout', 'date', 'updated', 'comments', 'categories', 'permalink', 'excerpt', 'disableNunjucks', 'lang', 'published', 'author', 'mood']) {
      assert.ok(offered.includes(key), `${key} is offered`);
    }
    assert.ok(!offered.includes('title') && !offered.includes('tags'), 'present keys are left out');
    assert.ok(!offered.includes('tag'), 'an alias of a present key is left out too');
  });

  it('orders keys by how many posts of the site use them, with the count and Hexo\'s description', () => {
    const items = complete(index, '---\ntitle: x\n|\n---\n');
    const offered = labels(items);
    assert.deepEqual(offered.slice(0, 3), ['tags', 'categories', 'author']);
    assert.equal(formatMessage(find(items, 'author').detail!), 'Used in 2 posts of this site');
    assert.equal(formatMessage(find(items, 'mood').detail!), 'Used in 1 post of this site');
    assert.match(formatMessage(find(items, 'categories').detail!), /one hierarchy/);
    assert.equal(formatMessage(find(items, 'categories').documentation!), 'Used in 4 posts of this site');
  });

  it('replaces the word typed at the start of the line and inserts a value to fill in', () => {
    const items = complete(index, '---\ntitle: x\nca|\n---\n');
    const categories = find(items, 'categories');
    assert.deepEqual([categories.range.start, categories.range.end], [{ line: 2, character: 0 }, { line: 2, character: 2 }]);
    assert.equal(categories.insertText, 'categories: [$0]');
    assert.equal(categories.retrigger, true, 'the list opens and suggestions come back for its first item');
    assert.equal(accept(index, '---\ntitle: x\nco|\n---\n', 'comments'), post('title: x\ncomments: false', ''));
    assert.equal(accept(index, '---\ntitle: x\nda|\n---\n', 'date'), post('title: x\ndate: 2026-03-02 17:32:05', ''));
    assert.equal(find(items, 'lang').insertText, 'lang: ${1|zh-CN,en|}');
  });

  it('renames a key in place, keeping its value, when a colon already follows', () => {
    assert.equal(accept(index, '---\nti|tle: x\nta: [a]\n---\n', 'excerpt'), post('excerpt: x\nta: [a]', ''));
  });

  it('gives pages no tags or categories', () => {
    const offered = labels(complete(index, '---\ntitle: 关于\n|\n---\n', { kind: 'page' }));
    assert.ok(!offered.includes('tags') && !offered.includes('categories'));
    assert.ok(offered.includes('comments'));
  });

  it('does not suggest back a key this post alone has (the one being typed)', async () => {
    const own = await buildIndex({ '/b/source/_posts/new.md': post('title: x\nauth') });
    const offered = labels(complete(own, '---\ntitle: x\nauth|\n---\n'));
    assert.ok(!offered.includes('auth'));
    assert.ok(offered.includes('author'));
  });

  it('offers keys on an empty line in column 0 only, not inside a value or an indented line', () => {
    assert.ok(labels(complete(index, '---\ntitle: x\n\n|\n---\n')).includes('date'));
    assert.ok(labels(complete(index, '---\n|\n---\n')).includes('title'), 'in a front matter still empty');
    assert.deepEqual(complete(index, '---\ntitle: x\n  |\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntitle: x|\n---\n'), []);
    assert.deepEqual(complete(index, '---\n# a comment|\n---\n'), []);
  });

  it('gives an empty range at the very start of a front matter that begins with a blank line', () => {
    const item = find(complete(index, '|\ntitle: x\n---\n正文\n'), 'date');
    assert.deepEqual([item.range.startOffset, item.range.endOffset], [0, 0]);
  });

  it('works with Hexo\'s `;;;` JSON front matter, quoting keys and adding the commas JSON needs', () => {
    assert.equal(accept(index, ';;;\n"title": "x",\n"ca|\n;;;\n', 'categories'), ';;;\n"title": "x",\n"categories": []\n;;;\n');
    assert.equal(accept(index, ';;;\n"title": "x"\n|\n;;;\n', 'comments'), ';;;\n"title": "x",\ncomments\n;;;\n'.replace('comments', '"comments": false'));
    assert.equal(accept(index, ';;;\n|\n"title": "x"\n;;;\n', 'excerpt'), ';;;\n"excerpt": "",\n"title": "x"\n;;;\n');
    assert.ok(!labels(complete(index, ';;;\n"title": "x",\n|\n;;;\n')).includes('title'));
  });
});
