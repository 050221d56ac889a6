import * as assert from 'node:assert/strict';
import { formatMessage } from '../../../src/core/completion';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { loadJekyllSite } from '../../../src/core/generators/jekyll/jekyllSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { accept, complete, find, labels } from './support';

const SITE = {
  '/j/_config.yml': 'title: 慢慢写\ntimezone: Asia/Shanghai\ntheme: minima\ndefaults:\n  - scope: {path: "", type: posts}\n    values: {layout: article, author: 林一}\n',
  '/j/_layouts/article.html': '{{ content }}',
  '/j/_layouts/default.html': '{{ content }}',
  '/j/_layouts/post.html': '{{ content }}',
  // The theme gem as Debian's jekyll-theme-minima installs it; its `post` is shadowed by the site's.
  '/usr/share/rubygems-integration/all/gems/minima-2.5.1/_layouts/home.html': '{{ content }}',
  '/usr/share/rubygems-integration/all/gems/minima-2.5.1/_layouts/post.html': '{{ content }}',
  '/usr/share/rubygems-integration/all/gems/minima-2.0.0/_layouts/old.html': '{{ content }}',
  '/j/_posts/2026-01-01-a.md': '---\ntitle: A\ntags: [副业, Ruby, "Machine Learning"]\ncategories: 技术 随笔\n---\n',
  '/j/_posts/2026-01-02-b.md': '---\ntitle: B\ntags: 副业 Go\n---\n',
  '/j/news/_posts/2026-01-03-c.md': '---\ntitle: C\ntags: [副业, "#hash"]\n---\n',
};
const PATH = '/j/_posts/2026-02-01-new.md';

describe('front-matter completion on Jekyll sites', () => {
  let index: SiteIndex;
  before(async () => {
    const fs = new MemoryFileSystem(SITE);
    index = await SiteIndex.build(await loadJekyllSite(fs, '/j'), fs);
  });
  const at = (text: string, kind: 'post' | 'page' = 'post') => complete(index, text, { path: kind === 'page' ? '/j/about.md' : PATH, kind });

  it('offers tags by use in list form, and a word at a time in the string form Jekyll splits', () => {
    assert.deepEqual(labels(at('---\ntags: [|]\n---\n')), ['副业', '#hash', 'Go', 'Machine Learning', 'Ruby']);
    // `tags: Ruby |`: Ruby is written, a tag with a space or a `#` cannot be one word of the string.
    assert.deepEqual(labels(at('---\ntags: Ruby |\n---\n')), ['副业', 'Go']);
    assert.equal(accept(index, '---\ntags: Ruby G|\n---\n', 'Go', { path: PATH, kind: 'post' }), '---\ntags: Ruby Go\n---\n');
    // Only the word at the cursor is replaced, in quotes too, and nothing is quoted.
    assert.equal(accept(index, '---\ntags: Ru| Go\n---\n', 'Ruby', { path: PATH, kind: 'post' }), '---\ntags: Ruby Go\n---\n');
    assert.equal(accept(index, '---\ntags: "Go 副|"\n---\n', '副业', { path: PATH, kind: 'post' }), '---\ntags: "Go 副业"\n---\n');
    assert.equal(accept(index, '---\ntags:|\n---\n', 'Go', { path: PATH, kind: 'post' }), '---\ntags: Go\n---\n');
    // `tag` is one tag, never split: a tag with a space is fine there.
    assert.ok(labels(at('---\ntag: |\n---\n')).includes('Machine Learning'));
    // Categories: the folders above `_posts` count as categories of the site too.
    assert.deepEqual(labels(at('---\ncategories: 技术 |\n---\n')).sort(), ['news', '随笔'].sort());
  });

  it('offers the site\'s layouts and its installed theme\'s, the one the defaults give first', () => {
    const items = at('---\nlayout: |\n---\n');
    assert.deepEqual(labels(items), ['article', 'default', 'home', 'post', 'none']);
    assert.equal(formatMessage(find(items, 'article').detail!), 'Layout _layouts/article.html');
    assert.equal(formatMessage(find(items, 'article').documentation!), 'The site\'s defaults give this file layout: article');
    assert.equal(formatMessage(find(items, 'home').detail!), 'Layout /usr/share/rubygems-integration/all/gems/minima-2.5.1/_layouts/home.html');
    assert.equal(formatMessage(find(items, 'post').detail!), 'Layout _layouts/post.html', 'the site\'s layout wins over the theme\'s');
    assert.equal(formatMessage(find(items, 'none').detail!), 'Renders the post without a layout');
    // A page: no defaults for pages here, `null` is the value that leaves it without a layout.
    assert.deepEqual(labels(at('---\nlayout: |\n---\n', 'page')).slice(-1), ['null']);
  });

  it('writes dates in the form Jekyll reads in the site\'s zone, with the offset (no UTC surprise)', () => {
    // NOW is 09:32:05 UTC: 17:32:05 in Asia/Shanghai.
    assert.deepEqual(labels(at('---\ndate: |\n---\n')), ['2026-03-02 17:32:05 +0800']);
    assert.equal(accept(index, '---\nda|\n---\n', 'date', { path: PATH, kind: 'post' }), '---\ndate: 2026-03-02 17:32:05 +0800\n---\n');
  });

  it('offers the keys the site\'s defaults give, saying so', () => {
    const items = at('---\ntitle: x\n|\n---\n');
    assert.ok(labels(items).includes('author'));
    assert.equal(formatMessage(find(items, 'author').detail!), 'The site\'s defaults give this file author: "林一"');
    assert.equal(formatMessage(find(items, 'layout').documentation!), 'The site\'s defaults give this file layout: "article"');
    assert.ok(!labels(at('---\ntitle: x\n|\n---\n', 'page')).includes('author'), 'the defaults are for posts');
  });
});
