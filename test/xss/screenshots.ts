/**
 * Screenshots of sample posts in the preview, light and dark: `node out/test/xss/screenshots.js`
 * after `npm run build` and `npm run compile`. Writes docs/preview-screenshots/<post>-<theme>.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { nodeFileSystem, toCorePath } from '../../src/cli/nodeFileSystem';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { loadHexoSite } from '../../src/core/generators/hexo/hexoSite';
import { REPO, renderForHarness, showRendered, startHarness, type ThemeName } from './harness';

const POSTS = ['weekend-at-xiangshan', 'writing-better-technical-posts', 'gradient-descent-intuition', 'habit-tracker-postmortem'];

async function main(): Promise<void> {
  const blog = toCorePath(path.join(REPO, 'examples', 'hexo-blog'));
  const site = await loadHexoSite(nodeFileSystem, blog);
  const index = await SiteIndex.build(site, nodeFileSystem);
  const out = path.join(REPO, 'docs', 'preview-screenshots');
  mkdirSync(out, { recursive: true });
  const harness = await startHarness();
  try {
    for (const theme of ['light', 'dark'] as ThemeName[]) {
      for (const post of POSTS) {
        const documentPath = `${blog}/source/_posts/${post}.md`;
        const rendered = renderForHarness(harness, readFileSync(documentPath, 'utf8'), { documentPath, site, index });
        const page = await harness.openPage(theme);
        await showRendered(page, rendered);
        await page.waitForTimeout(400);
        await page.screenshot({ path: path.join(out, `${post}-${theme}.png`), fullPage: true });
        await page.context().close();
      }
    }
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
