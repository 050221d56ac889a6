import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadHexoSite } from '../../src/core/generators/hexo/hexoSite';
import { hexoUrlFor } from '../../src/core/generators/hexo/permalink';
import { hexoRenamedPostEdits } from '../../src/core/generators/hexo/bodyLinks';
import { applyTextEdits } from '../../src/core/edits';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { nodeFileSystem, toCorePath } from '../../src/cli/nodeFileSystem';
import { repo, scratchSite } from './scratchSite';
import { hexoPermalinkOf } from '../../src/core/generators/hexo/postRecord';

/**
 * Hexo is the oracle: for every post of the permalink fixture (run once per permalink setting below)
 * and of the sample blog, the path Postcraft computes is Hexo's `post.path`, and the link Postcraft
 * makes of it is what Hexo's `url_for` gives. Hexo runs with TZ set to the site's zone, where the
 * site's dates are read and written (Postcraft formats the permalink's date in the site's zone).
 */
const fixture = join(repo, 'test', 'fixtures', 'sites', 'permalinks');
const sampleBlog = join(repo, 'examples', 'hexo-blog');

/** Settings that replace the fixture's own in `_config.yml`. */
const variants: ReadonlyArray<{ name: string; config: string }> = [
  { name: 'the default :year/:month/:day/:title/', config: '' },
  { name: ':category/:title.html without trailing .html, filename_case 1', config: 'permalink: :category/:title.html\npretty_urls:\n  trailing_html: false\nfilename_case: 1' },
  { name: 'every date part, :post_title, use_slug_as_post_title', config: 'permalink: :year/:i_month/:i_day/:hour/:minute/:second/:post_title/\nuse_slug_as_post_title: true' },
  { name: ':lang/:name with permalink_defaults, post_asset_folder, root /blog/, no trailing index', config: 'permalink: :lang/:name\npermalink_defaults:\n  lang: en\npost_asset_folder: true\nroot: /blog/\npretty_urls:\n  trailing_index: false' },
  { name: ':hash and :timestamp, dated file names, render_drafts', config: 'permalink: posts/:hash-:timestamp.html\nnew_post_name: :year-:month-:day-:title.md\nrender_drafts: true' },
  { name: 'index.html pages under a url path', config: 'permalink: :year/:title/index.html\nurl: http://example.com/sub/path\npretty_urls:\n  trailing_index: false' },
  { name: 'a zone west of UTC', config: 'timezone: America/Los_Angeles' },
  { name: ':id and front-matter fields (only posts with an id are predictable)', config: 'permalink: :lang/:id/:title/' },
];

interface HexoPost {
  readonly source: string;
  readonly path: string;
  readonly url: string;
}

/** Replaces the top-level keys `settings` names (with their indented blocks), YAML allowing no key twice. */
function withSettings(file: string, settings: string): void {
  const keys = new Set([...settings.matchAll(/^(\w+):/gm)].map((match) => match[1]));
  const kept: string[] = [];
  let dropping = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const key = /^(\w+):/.exec(line)?.[1];
    if (key !== undefined) dropping = keys.has(key);
    else if (!/^\s/.test(line)) dropping = false;
    if (!dropping) kept.push(line);
  }
  writeFileSync(file, `${kept.join('\n')}\n${settings}\n`);
}

async function compare(site: string, timeZone: string): Promise<number> {
  const hexo = JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'hexoPermalinks.cjs'), site], {
    encoding: 'utf8', cwd: site, env: { ...process.env, TZ: timeZone },
  })) as HexoPost[];
  assert.ok(hexo.length > 0, 'Hexo read some posts');
  const ours = await loadHexoSite(nodeFileSystem, toCorePath(site));
  const index = await SiteIndex.build(ours, nodeFileSystem);
  let compared = 0;
  for (const post of hexo) {
    const record = index.post(`${ours.sourceRoot}/${post.source}`);
    assert.ok(record, `Postcraft indexes ${post.source}`);
    const permalink = hexoPermalinkOf(record, ours);
    if (permalink === undefined) {
      // Only where Hexo's answer is random (`:id` without an id: the database's `_id`) or the file's
      // birth time (a draft without a date).
      const randomId = ours.config.permalink.includes(':id') && !record.keys.includes('id');
      assert.ok(randomId || record.date === undefined, `Postcraft knows the permalink of ${post.source}`);
      continue;
    }
    assert.equal(permalink, post.path, `post.path of ${post.source}`);
    assert.equal(hexoUrlFor(permalink, ours.config), post.url, `url_for of ${post.source}`);
    compared++;
  }
  return compared;
}

describe('permalinks agree with Hexo itself', function () {
  this.timeout(120_000);

  for (const variant of variants) {
    it(`on the permalink fixture with ${variant.name}`, async () => {
      const copy = scratchSite(fixture, (root) => withSettings(join(root, '_config.yml'), variant.config));
      try {
        const zone = /timezone: (\S+)/.exec(variant.config)?.[1] ?? 'Asia/Shanghai';
        const compared = await compare(copy, zone);
        assert.ok(compared >= 3, `compared ${compared} posts`);
      } finally {
        rmSync(resolve(copy, '..'), { recursive: true, force: true });
      }
    });
  }

  for (const variant of [variants[0], variants[1], variants[2], variants[3]]) {
    it(`relinks a moved post as Hexo then serves it, with ${variant.name}`, async () => {
      const copy = scratchSite(fixture, (root) => withSettings(join(root, '_config.yml'), variant.config));
      try {
        const site = await loadHexoSite(nodeFileSystem, toCorePath(copy));
        const index = await SiteIndex.build(site, nodeFileSystem);
        const from = `${site.sourceRoot}/_posts/中文标题.md`;
        const to = `${site.sourceRoot}/_posts/moved/renamed post.md`;
        const linkingPath = `${site.sourceRoot}/_posts/hello-world.md`;
        const linking = readFileSync(linkingPath, 'utf8');
        const oldUrl = hexoUrlFor(hexoPermalinkOf(index.post(from)!, site)!, site.config);
        // The linking post links by the URL the moved post has in this variant.
        const text = linking.replace('/2023/12/31/中文标题/', oldUrl);
        const edits = hexoRenamedPostEdits(text, from, to, site, linkingPath, index);
        writeFileSync(linkingPath, applyTextEdits(text, edits));
        mkdirSync(join(copy, 'source', '_posts', 'moved'));
        renameSync(join(copy, 'source', '_posts', '中文标题.md'), join(copy, 'source', '_posts', 'moved', 'renamed post.md'));
        const hexo = JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'hexoPermalinks.cjs'), copy], {
          encoding: 'utf8', cwd: copy, env: { ...process.env, TZ: 'Asia/Shanghai' },
        })) as HexoPost[];
        const moved = hexo.find((post) => post.source === '_posts/moved/renamed post.md');
        assert.ok(moved, 'Hexo reads the moved post');
        const linked = /\[another\]\(([^)]*)\)/.exec(readFileSync(linkingPath, 'utf8'))?.[1];
        assert.equal(linked, moved.url, 'the link names the moved post\'s URL');
        assert.equal(edits.length === 0, moved.url === oldUrl, 'an edit exactly when the URL changes');
      } finally {
        rmSync(resolve(copy, '..'), { recursive: true, force: true });
      }
    });
  }

  it('on examples/hexo-blog', async () => {
    const copy = scratchSite(sampleBlog);
    try {
      assert.ok(await compare(copy, 'Asia/Shanghai') >= 10);
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });
});
