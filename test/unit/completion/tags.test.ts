import * as assert from 'node:assert/strict';
import { formatMessage } from '../../../src/core/completion';
import type { SiteIndex } from '../../../src/core/index/siteIndex';
import { accept, buildIndex, complete, find, labels, post } from './support';

describe('front-matter completion: tags', () => {
  let index: SiteIndex;
  before(async () => {
    index = await buildIndex();
  });

  it('offers the site\'s tags most used first, with the count, as the first item of `[]`', () => {
    const items = complete(index, '---\ntitle: x\ntags: [|]\n---\n');
    assert.deepEqual(labels(items), ['副业', 'AI赚钱', '咖啡', '读书, 笔记', '随笔', '草稿标签']);
    assert.equal(formatMessage(find(items, '副业').detail!), '3 posts');
    assert.equal(formatMessage(find(items, '随笔').detail!), '1 post');
    assert.deepEqual(find(items, '副业').range.start, { line: 2, character: 7 });
    assert.equal(accept(index, '---\ntitle: x\ntags: [|]\n---\n', '副业'), post('title: x\ntags: [副业]', ''));
  });

  it('leaves out tags the post already has, before or after the cursor', () => {
    assert.deepEqual(labels(complete(index, '---\ntags: [副业, |, 随笔]\n---\n')), ['AI赚钱', '咖啡', '读书, 笔记', '草稿标签']);
    assert.deepEqual(labels(complete(index, '---\ntags:\n  - 随笔\n  - |\n  - "副业"\n---\n')), ['AI赚钱', '咖啡', '读书, 笔记', '草稿标签']);
  });

  it('offers tags only drafts use after every published one (Hexo does not count them), marked unpublished', () => {
    const items = complete(index, '---\ntags: [|]\n---\n');
    assert.equal(labels(items).at(-1), '草稿标签');
    assert.equal(formatMessage(find(items, '草稿标签').detail!), 'Unpublished: 1 post');
    assert.ok(!labels(complete(index, '---\ntags: [草稿标签, |]\n---\n')).includes('草稿标签'));
  });

  it('does not offer a draft\'s own tags back to it', () => {
    const items = complete(index, '---\ntags: [|]\n---\n', { path: '/b/source/_drafts/draft-only.md', kind: 'draft' });
    assert.ok(!labels(items).includes('草稿标签'), labels(items).join(', '));
  });

  it('adds the space after a comma typed without one', () => {
    assert.equal(accept(index, '---\ntags: [副业,|]\n---\n', '随笔'), post('tags: [副业, 随笔]', ''));
    assert.equal(accept(index, '---\ntags: [副业,AI|]\n---\n', 'AI赚钱'), post('tags: [副业, AI赚钱]', ''));
  });

  it('replaces the whole word being typed, including what follows the cursor', () => {
    const item = find(complete(index, '---\ntags: [副业, A|I赚, 随笔]\n---\n'), 'AI赚钱');
    assert.deepEqual([item.range.start.character, item.range.end.character], [11, 14]);
    assert.equal(accept(index, '---\ntags: [副业, A|I赚, 随笔]\n---\n', 'AI赚钱'), post('tags: [副业, AI赚钱, 随笔]', ''));
  });

  it('puts a new item in front of the first when the cursor is right before it', () => {
    assert.equal(accept(index, '---\ntags: [|随笔]\n---\n', '副业'), post('tags: [副业, 随笔]', ''));
    assert.ok(!labels(complete(index, '---\ntags: [|随笔]\n---\n')).includes('随笔'));
  });

  it('completes block list items, adding the space after a bare `-`', () => {
    assert.equal(accept(index, '---\ntags:\n  - 副业\n  - |\n---\n', '随笔'), post('tags:\n  - 副业\n  - 随笔', ''));
    assert.equal(accept(index, '---\ntags:\n  - 副业\n  -|\n---\n', '随笔'), post('tags:\n  - 副业\n  - 随笔', ''));
    assert.equal(accept(index, '---\ntags:\n- 副业\n- |\n---\n', '随笔'), post('tags:\n- 副业\n- 随笔', ''));
  });

  it('starts a new `- ` item on an indented empty line below the key', () => {
    assert.equal(accept(index, '---\ntags:\n  - 副业\n  |\n---\n', '随笔'), post('tags:\n  - 副业\n  - 随笔', ''));
    assert.equal(accept(index, '---\ntags:\n  |\ntitle: x\n---\n', '副业'), post('tags:\n  - 副业\ntitle: x', ''));
  });

  it('completes a single scalar `tags: |`, adding the space after a bare colon', () => {
    assert.equal(accept(index, '---\ntags: |\n---\n', '副业'), post('tags: 副业', ''));
    assert.equal(accept(index, '---\ntags:|\n---\n', '副业'), post('tags: 副业', ''));
    assert.equal(accept(index, '---\ntag: 副|\n---\n', '副业'), post('tag: 副业', ''), 'the `tag` alias too');
  });

  it('keeps the author\'s quotes when typing inside them, and closes them', async () => {
    assert.equal(accept(index, '---\ntags: ["AI|"]\n---\n', 'AI赚钱'), post('tags: ["AI赚钱"]', ''));
    assert.equal(accept(index, '---\ntags: [\'AI|]\n---\n', 'AI赚钱'), post('tags: [\'AI赚钱\']', ''));
    assert.equal(accept(index, '---\ntags:\n  - "|\n---\n', '读书, 笔记'), post('tags:\n  - "读书, 笔记"', ''));
    const own = await indexWithTag("it's");
    assert.equal(accept(own, '---\ntags: [\'it|\']\n---\n', "it's"), post("tags: ['it''s']", ''));
  });

  it('quotes a tag that YAML would misread, in the quote style the post already uses', () => {
    assert.equal(accept(index, '---\ntags: [副业, |]\n---\n', '读书, 笔记'), post('tags: [副业, "读书, 笔记"]', ''));
    assert.equal(accept(index, '---\ntitle: \'x\'\ntags: [|]\n---\n', '读书, 笔记'), post('title: \'x\'\ntags: [\'读书, 笔记\']', ''));
    assert.equal(accept(index, '---\ntags:\n  - |\n---\n', '读书, 笔记'), post('tags:\n  - "读书, 笔记"', ''));
  });

  it('finds Chinese tags by their pinyin and its initials', () => {
    const item = find(complete(index, '---\ntags: [|]\n---\n'), '副业');
    assert.match(item.filterText, /\bfuye\b/);
    assert.match(item.filterText, /\bfy\b/);
    assert.match(find(complete(index, '---\ntags: [|]\n---\n'), 'AI赚钱').filterText, /aizhuanqian/);
  });

  it('works in CRLF files, with ranges on the right line', () => {
    const text = '---\r\ntitle: x\r\ntags: [副业,|]\r\n---\r\nbody\r\n';
    const item = find(complete(index, text), '随笔');
    assert.deepEqual(item.range.start, { line: 2, character: 10 });
    assert.equal(accept(index, text, '随笔'), '---\r\ntitle: x\r\ntags: [副业, 随笔]\r\n---\r\nbody\r\n');
  });

  it('works while the YAML is broken: an unclosed list, an unclosed front matter', () => {
    assert.deepEqual(labels(complete(index, '---\ntags: [副业, |\ntitle: x\n---\n')), ['AI赚钱', '咖啡', '读书, 笔记', '随笔', '草稿标签']);
    assert.deepEqual(labels(complete(index, '---\ntitle: x\ntags: [副业, |')), ['AI赚钱', '咖啡', '读书, 笔记', '随笔', '草稿标签']);
    assert.ok(labels(complete(index, '---\ncategories: [技术, {\ntags: [|]\n---\n')).includes('副业'));
    assert.ok(labels(complete(index, '---\ntags:\n  - 副业\n  - [oops, |\ncategories: x\n---\n')).includes('随笔'));
  });

  it('completes tags over several lines of one flow list', () => {
    assert.deepEqual(labels(complete(index, '---\ntags: [\n  副业,\n  |\n]\n---\n')), ['AI赚钱', '咖啡', '读书, 笔记', '随笔', '草稿标签']);
  });

  it('offers at once a tag the index has just seen in another post, but not this post\'s own half-typed word', async () => {
    const own = await buildIndex({ '/b/source/_posts/new.md': post('tags: [副]'), '/b/source/_posts/other.md': post('tags: [新标签]') });
    const offered = labels(complete(own, '---\ntags: [副|]\n---\n'));
    assert.ok(offered.includes('新标签'));
    assert.ok(!offered.includes('副'));
  });

  it('offers nothing after a closed quote or outside the list', () => {
    assert.deepEqual(complete(index, '---\ntags: ["副业"|]\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntags: [副业] |\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntags: [副业] # a comment |\n---\n'), []);
  });

  it('quotes every tag in `;;;` JSON front matter', () => {
    assert.equal(accept(index, ';;;\n"tags": ["副业", |]\n;;;\n', '随笔'), ';;;\n"tags": ["副业", "随笔"]\n;;;\n');
    assert.equal(accept(index, ';;;\n"tags": ["副业", "AI|]\n;;;\n', 'AI赚钱'), ';;;\n"tags": ["副业", "AI赚钱"]\n;;;\n');
    assert.equal(accept(index, ';;;\n"title": "x",\n"tags": |\n;;;\n', '副业'), ';;;\n"title": "x",\n"tags": "副业"\n;;;\n');
  });
});

function indexWithTag(tag: string): Promise<SiteIndex> {
  return buildIndex({ '/b/source/_posts/q.md': post(`tags: ["${tag}"]`) });
}
