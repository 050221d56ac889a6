import * as path from 'node:path';
import { nodeFileSystem, toCorePath } from '../../../src/cli/nodeFileSystem';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { renderPost, type RenderContext, type RenderedPost } from '../../../src/core/render';

/** The sample blog of the repository, indexed once for the renderer tests. */
export const SAMPLE_BLOG = toCorePath(path.resolve(__dirname, '..', '..', '..', '..', 'examples', 'hexo-blog'));

let sample: Promise<SiteIndex> | undefined;

export function sampleIndex(): Promise<SiteIndex> {
  sample ??= loadHexoSite(nodeFileSystem, SAMPLE_BLOG).then((site) => SiteIndex.build(site, nodeFileSystem));
  return sample;
}

/** Resource URLs in tests: a recognizable scheme around the absolute path. */
export const testUrl = (file: string): string => `res:${file}`;

export async function contextFor(relative: string, extra: Partial<RenderContext> = {}): Promise<RenderContext> {
  const index = await sampleIndex();
  return { documentPath: `${SAMPLE_BLOG}/${relative}`, site: index.site, syntax: await index.site.generator.loadBodySyntax(), index, resourceUrl: testUrl, ...extra };
}

/** Renders `text` as if it were the file `relative` of the sample blog. */
export async function renderAs(relative: string, text: string, extra: Partial<RenderContext> = {}): Promise<RenderedPost> {
  return renderPost(text, await contextFor(relative, extra));
}
