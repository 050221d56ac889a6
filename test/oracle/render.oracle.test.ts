import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeFileSystem, toCorePath } from '../../src/cli/nodeFileSystem';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { renderPost } from '../../src/core/render';
import { loadHexoSite } from '../../src/core/generators/hexo/hexoSite';
import { repo, scratchSite } from './scratchSite';
import { hexoBodySyntax } from '../../src/core/generators/hexo/render/hexoBody';

/**
 * Hexo is the oracle for what the preview shows: for every post and page Hexo renders on the sample
 * blog and the fixture sites (drafts too where the site renders them), Hexo's own rendering
 * (hexo-renderer-marked, its tag plugins and highlight filter, after `hexo.load()`) and the preview's
 * agree on the headings (level, text and the id a reader's link would use), the code blocks, the
 * images, the bare addresses made links and where the excerpt ends; on posts made for it, the text
 * of every paragraph.
 */
const sites = [
  join(repo, 'examples', 'hexo-blog'),
  ...readdirSync(join(repo, 'test', 'fixtures', 'sites'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(repo, 'test', 'fixtures', 'sites', entry.name)),
];

interface Outline {
  headings: string[];
  codeBlocks: number;
  images: number;
  excerptEnds: boolean;
  /** Links whose text is an address: bare URLs and e-mail addresses turned into links. */
  autolinks: string[];
  /**
   * The text of each paragraph, for the posts in TEXT_COMPARED only: elsewhere the preview shows
   * math typeset where Hexo's default renderer leaves TeX as written.
   */
  paragraphs?: string[];
}

/** Posts whose paragraph text is compared too (Hexo's smart quotes, dashes and ellipses). */
const TEXT_COMPARED = new Set(['_posts/typography.md']);

const HEADING = /<h([1-6])[^>]*\bid="([^"]*)"[^>]*>([\s\S]*?)<\/h\1>/g;

function textOf(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex?: string, decimal?: string, name?: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : named[name!.toLowerCase()] ?? whole)
    .trim();
}

function outline(html: string, excerptEnds: boolean, withText: boolean): Outline {
  return {
    // Hexo's marked renderer puts an anchor link inside each heading; the text is what is left.
    headings: Array.from(html.matchAll(HEADING), (match) => `h${match[1]} #${decodeURIComponent(match[2])} ${textOf(match[3])}`),
    codeBlocks: (html.match(/<figure class="[^"]*\bhighlight\b/g) ?? []).length,
    images: (html.match(/<img\b/g) ?? []).length,
    excerptEnds,
    autolinks: Array.from(html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/g), (match) => textOf(match[1])).filter((text) => /^(?:https?:|ftp:|www\.|mailto:)|^[^\s@]+@[^\s@]+$/.test(text)),
    paragraphs: withText ? Array.from(html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g), (match) => textOf(match[1]).replace(/\s+/g, ' ')) : undefined,
  };
}

describe('the preview renders posts as Hexo does', function () {
  this.timeout(120_000);

  for (const site of sites) {
    it(`on ${site.slice(repo.length + 1)}`, async () => {
      const copy = scratchSite(site);
      try {
        const hexo = JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'hexoRender.cjs'), copy], { encoding: 'utf8', cwd: copy })) as Array<{ source: string; content: string }>;
        assert.ok(hexo.length > 0, 'Hexo rendered some posts (is hexo-renderer-marked installed?)');
        const root = toCorePath(copy);
        const index = await SiteIndex.build(await loadHexoSite(nodeFileSystem, root), nodeFileSystem);
        for (const { source, content } of hexo) {
          const path = `${index.site.sourceRoot}/${source}`;
          assert.ok(existsSync(path), path);
          const ours = renderPost(readFileSync(path, 'utf8'), { documentPath: path, site: index.site, syntax: hexoBodySyntax, index, resourceUrl: (file) => `res:${file}` });
          const withText = TEXT_COMPARED.has(source);
          const expected = outline(content, /<(?:span|a) id="more"><\/(?:span|a)>/.test(content), withText);
          const actual = outline(ours.bodyHtml, /class="pc-more(?! pc-more-ignored)[^"]*"/.test(ours.bodyHtml), withText);
          // Every heading Hexo wrote was read (none slipped past the pattern), then compared.
          assert.equal(expected.headings.length, (content.match(/<h[1-6][\s>]/g) ?? []).length, `${source}: headings read`);
          assert.deepEqual(actual, expected, source);
        }
      } finally {
        rmSync(resolve(copy, '..'), { recursive: true, force: true });
      }
    });
  }
});
