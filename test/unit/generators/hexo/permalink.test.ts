import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { formatMessage } from '../../../../src/core/completion';
import { applyTextEdits } from '../../../../src/core/edits';
import { completeHexoBody, prepareHexoBodyCompletion } from '../../../../src/core/generators/hexo/bodyCompletion';
import { hexoBodyLinks, hexoRenamedPostEdits } from '../../../../src/core/generators/hexo/bodyLinks';
import { HEXO_DEFAULT_CONFIG, readHexoConfig, type HexoConfig } from '../../../../src/core/generators/hexo/hexoConfig';
import { loadHexoSite } from '../../../../src/core/generators/hexo/hexoSite';
import { hexoPostPath, hexoUrlFor, type PermalinkInput } from '../../../../src/core/generators/hexo/permalink';
import { SiteIndex } from '../../../../src/core/index/siteIndex';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const config = (yaml: string): HexoConfig => readHexoConfig(yaml, '/b/_config.yml').config;
const post: PermalinkInput = {
  slug: 'hello-world', title: 'Hello, World!', titled: true, date: new Date('2024-01-02T03:04:05+08:00'), categories: [['技术', 'Web 前端']],
};

describe('Hexo permalinks', () => {
  it('fills the default :year/:month/:day/:title/ in the site\'s zone', () => {
    assert.equal(hexoPostPath(post, config('timezone: Asia/Shanghai')), '2024/01/02/hello-world/');
    // The same instant is still the 1st in Los Angeles.
    assert.equal(hexoPostPath(post, config('timezone: America/Los_Angeles')), '2024/01/01/hello-world/');
  });

  it('fills every placeholder Hexo documents', () => {
    const site = config('timezone: Asia/Shanghai\ncategory_map:\n  技术: tech\nfilename_case: 1\npermalink: ":i_month/:i_day/:hour:minute:second/:post_title/:category/:name-:timestamp"');
    assert.equal(hexoPostPath({ ...post, slug: 'notes/hello-world' }, site), '1/2/030405/hello-world/tech/web-前端/hello-world-1704135845');
    assert.equal(hexoPostPath({ ...post, categories: [] }, config('permalink: :category/:title/\ndefault_category: Misc Stuff')), 'Misc Stuff/hello-world/');
    assert.match(hexoPostPath(post, config('permalink: :hash/'))!, /^[0-9a-f]{12}\/$/);
  });

  it('reads front-matter fields, then permalink_defaults, and writes "undefined" as Hexo does without either', () => {
    const site = config('permalink: :lang/:id/:title/\npermalink_defaults:\n  lang: en');
    assert.equal(hexoPostPath({ ...post, fields: { id: '42', lang: 'fr' } }, site), 'fr/42/hello-world/');
    assert.equal(hexoPostPath({ ...post, fields: { id: '42' } }, site), 'en/42/hello-world/');
    assert.equal(hexoPostPath({ ...post, fields: { id: '42' } }, config('permalink: :lang/:id/')), 'undefined/42/');
  });

  it('knows no path where Hexo\'s is random or taken from the file: :id without an id, no date', () => {
    assert.equal(hexoPostPath(post, config('permalink: :id/')), undefined);
    assert.equal(hexoPostPath({ ...post, date: undefined }, HEXO_DEFAULT_CONFIG), undefined);
    assert.equal(hexoPostPath({ ...post, date: undefined }, config('permalink: :title.html')), 'hello-world.html');
  });

  it('takes a front-matter permalink as it is, rooted, with post_asset_folder\'s trailing slash', () => {
    assert.equal(hexoPostPath({ ...post, override: 'custom/page' }, HEXO_DEFAULT_CONFIG), '/custom/page');
    assert.equal(hexoPostPath({ ...post, override: 'custom/page' }, config('post_asset_folder: true')), '/custom/page/');
    assert.equal(hexoPostPath({ ...post, override: '/about.html' }, config('post_asset_folder: true')), '/about.html');
    assert.equal(hexoPostPath(post, config('permalink: :title\npost_asset_folder: true')), 'hello-world/');
  });

  it('links as url_for does: root (or url\'s path), encoded once, pretty_urls', () => {
    assert.equal(hexoUrlFor('2024/01/02/中文 标题/', HEXO_DEFAULT_CONFIG), '/2024/01/02/%E4%B8%AD%E6%96%87%20%E6%A0%87%E9%A2%98/');
    assert.equal(hexoUrlFor('a%20b/', HEXO_DEFAULT_CONFIG), '/a%20b/');
    assert.equal(hexoUrlFor('/x/', config('root: /blog')), '/blog/x/');
    assert.equal(hexoUrlFor('x/', config('url: https://example.com/sub/path')), '/sub/path/x/');
    assert.equal(hexoUrlFor('x/index.html', config('pretty_urls:\n  trailing_index: false')), '/x/');
    assert.equal(hexoUrlFor('x.html', config('pretty_urls:\n  trailing_html: false')), '/x');
    assert.equal(hexoUrlFor('x/index.html', config('pretty_urls:\n  trailing_html: false')), '/x/index.html');
  });

  it('reads names of Object\'s own properties as any other (a category named constructor)', () => {
    const site = config('permalink: :category/:constructor/:toString/\ncategory_map:\n  x: y');
    assert.equal(hexoPostPath({ ...post, categories: [['constructor', '__proto__']] }, site), 'constructor/proto/undefined/undefined/');
  });

  it('never throws, whatever the rule and the post', () => {
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    fc.assert(fc.property(text, text, text, fc.option(text), fc.integer({ min: -8.64e15, max: 8.64e15 }), (rule, slug, title, override, ms) => {
      const site = { ...HEXO_DEFAULT_CONFIG, permalink: `${rule}:title:year:category:post_title:hash:${rule}`, timezone: 'Nowhere/Zone' };
      const path = hexoPostPath({ slug, title, titled: true, date: new Date(ms), categories: [[title]], override: override ?? undefined }, site);
      if (path !== undefined) hexoUrlFor(path, site);
    }));
  });
});

const SITE = {
  '/b/_config.yml': 'title: B\ntimezone: Asia/Shanghai\n',
  '/b/source/_posts/hello-world.md': '---\ntitle: 你好世界\ndate: 2024-01-02 10:00:00\ntags: [副业]\n---\n',
  '/b/source/_posts/中文.md': '---\ntitle: Older\ndate: 2023-01-02 10:00:00\n---\n',
  '/b/source/_posts/fixed.md': '---\ntitle: Fixed\ndate: 2022-01-02 10:00:00\npermalink: about-me/\n---\n',
  '/b/source/about/index.md': '---\ntitle: About\n---\n',
  '/b/source/_posts/hidden.md': '---\ntitle: Hidden\ndate: 2025-01-02 10:00:00\npublished: false\n---\n',
};
const LINKING = '---\ntitle: Linking\ndate: 2021-01-01 10:00:00\n---\nSee [the old one](/2023/01/02/中文/).\n';

const filesOf = new WeakMap<SiteIndex, MemoryFileSystem>();

async function siteIndex(files: Record<string, string>): Promise<SiteIndex> {
  const fs = new MemoryFileSystem(files);
  const index = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
  filesOf.set(index, fs);
  return index;
}

/** Completion as the editor asks for it: what it must read first, then the items in their sort order. */
async function complete(index: SiteIndex, textWithCursor: string, path = '/b/source/_posts/new.md') {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  await prepareHexoBodyCompletion(text, offset, index, filesOf.get(index)!);
  return completeHexoBody(text, offset, index, { path, siteFiles: new Set(['/b/source/images/logo.svg', '/b/source/_posts/new/cat.png']) })
    .slice().sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
}

describe('completion of links to posts by their URL', () => {
  it('offers the site\'s posts by URL (those Hexo generates), newest first, by title, between its own files and the site\'s, where a post already links that way', async () => {
    const index = await siteIndex({ ...SITE, '/b/source/_posts/linking.md': LINKING });
    const items = await complete(index, 'Read [this](|');
    assert.deepEqual(items.map((item) => [item.label, item.insertText]), [
      ['你好世界', '/2024/01/02/hello-world/'],
      ['Older', '/2023/01/02/%E4%B8%AD%E6%96%87/'],
      ['Fixed', '/about-me/'],
      ['Linking', '/2021/01/01/linking/'],
      ['/images/logo.svg', '/images/logo.svg'],
    ]);
    assert.equal(formatMessage(items[0].detail!), 'Post: 你好世界');
    assert.equal(formatMessage(items[0].documentation!), 'Dated 2024-01-02; tags: 副业');
    assert.match(items[0].filterText, /nihaoshijie/);
    // The post's own files come first where hexo-renderer-marked resolves them.
    const withAssets = await siteIndex({ ...SITE, '/b/source/_posts/linking.md': LINKING, '/b/_config.yml': 'post_asset_folder: true\nmarked:\n  postAsset: true\n' });
    assert.deepEqual((await complete(withAssets, 'Read [this](|')).map((item) => item.label).slice(0, 2), ['cat.png', '你好世界']);
    // Not the post being written, and never in an image.
    assert.ok(!(await complete(index, 'Read [this](|', '/b/source/_posts/linking.md')).some((item) => item.label === 'Linking'));
    assert.ok(!(await complete(index, '![this](|')).some((item) => item.label === 'Older'));
  });

  it('offers them elsewhere only once `/` and the start of a post\'s URL are typed', async () => {
    const index = await siteIndex(SITE);
    assert.ok(!(await complete(index, 'Read [this](|')).some((item) => item.kind === 'post'));
    assert.ok(!(await complete(index, 'Read [this](/i|')).some((item) => item.kind === 'post'));
    assert.equal((await complete(index, 'Read [this](/20|')).filter((item) => item.kind === 'post').length, 3);
    assert.equal((await complete(index, 'Read [this](/2023/01/02/中|')).filter((item) => item.kind === 'post').length, 3);
    // A link to a file or to the post itself is no sign of linking by URL.
    const self = await siteIndex({ ...SITE, '/b/source/_posts/self.md': '---\ndate: 2021-01-01\n---\n[me](/2021/01/01/self/) ![](/images/logo.svg)\n' });
    assert.ok(!(await complete(self, 'Read [this](|')).some((item) => item.kind === 'post'));
  });
});

describe('Markdown links to a post by its URL', () => {
  it('open the post, however the link writes the URL, outside code', async () => {
    const index = await siteIndex(SITE);
    const text = '---\ntitle: x\n---\n[a](/2023/01/02/中文/) [b](/2023/01/02/%E4%B8%AD%E6%96%87) [c](/about-me/#top) [d](/2024/01/02/nope/)\n\n```\n[e](/about-me/)\n```\n';
    const links = hexoBodyLinks(text, '/b/source/_posts/x.md', index);
    assert.deepEqual(links.map((link) => [text.slice(link.range.startOffset, link.range.endOffset), link.target]), [
      ['/2023/01/02/中文/', '/b/source/_posts/中文.md'],
      ['/2023/01/02/%E4%B8%AD%E6%96%87', '/b/source/_posts/中文.md'],
      ['/about-me/#top', '/b/source/_posts/fixed.md'],
    ]);
    assert.equal(links[0].post?.title, 'Older');
  });
});

describe('links by URL kept when a Hexo post is renamed', () => {
  const text = '---\ntitle: x\n---\n[a](/2023/01/02/中文/) [b](/2023/01/02/%E4%B8%AD%E6%96%87/#part) [c](/about-me/)\n`[d](/2023/01/02/中文/)`\n';

  it('points links at the new URL when the permalink names the file, as each link wrote it, never in code', async () => {
    const index = await siteIndex(SITE);
    const edits = hexoRenamedPostEdits(text, '/b/source/_posts/中文.md', '/b/source/_posts/older-post.md', index.site, '/b/source/_posts/x.md', index);
    assert.equal(applyTextEdits(text, edits), '---\ntitle: x\n---\n[a](/2023/01/02/older-post/) [b](/2023/01/02/older-post/#part) [c](/about-me/)\n`[d](/2023/01/02/中文/)`\n');
  });

  it('leaves them alone when the URL does not follow the file: no :title, or a front-matter permalink', async () => {
    const byId = await siteIndex({ ...SITE, '/b/_config.yml': 'permalink: :year/:post_title/\n' });
    assert.deepEqual(hexoRenamedPostEdits(text, '/b/source/_posts/中文.md', '/b/source/_posts/older-post.md', byId.site, undefined, byId), []);
    const index = await siteIndex(SITE);
    assert.deepEqual(hexoRenamedPostEdits(text, '/b/source/_posts/fixed.md', '/b/source/_posts/moved.md', index.site, undefined, index), []);
  });
});
