import type { FileOperation } from '../../../edits';
import { basename } from '../../../path';
import type { Clock, FileSystemPort } from '../../../ports';
import type { HexoSite } from '../hexoSite';
import { assetFolderOf, intendedPath, kindOfLayout, unusedPath } from './postPath';
import { renderScaffold, scaffoldFor } from './scaffold';
import { postSlug } from '../../../posts/slug';
import { PostPlanError, type NewPostPlan, type NewPostRequest } from '../../../posts/plans';

export { PostPlanError, type NewPostPlan, type NewPostRequest };

/**
 * `hexo new [layout] <title>` as a plan (hexo `lib/hexo/post.ts` `create`, `lib/plugins/console/new.ts`):
 * slug from the title, layout lower-cased, date = now, scaffold rendered, path by layout and
 * `new_post_name`, a clash answered with a numeric suffix (never `--replace`).
 */
export async function planNewPost(fs: FileSystemPort, site: HexoSite, request: NewPostRequest, clock: Clock): Promise<NewPostPlan> {
  const title = request.title.trim();
  if (!title) throw new PostPlanError('A post needs a title.');
  const layout = (request.layout || site.config.defaultLayout).toLowerCase();
  const kind = kindOfLayout(layout);
  const slug = request.slug
    ? postSlug(request.slug, 'hexo', site.config.filenameCase)
    : postSlug(title, request.slugStyle ?? 'hexo', site.config.filenameCase);
  if (!slug) throw new PostPlanError(`"${title}" gives an empty file name.`);
  const date = clock.now();

  const fields: Record<string, unknown> = { ...request.fields };
  if (request.tags && request.tags.length > 0) fields.tags = [...request.tags];
  if (request.categories && request.categories.length > 0) fields.categories = request.categories.map((item) => (typeof item === 'string' ? item : [...item]));

  const rendered = renderScaffold(scaffoldFor(site, layout), { title, layout, slug, date, fields }, site.config.timezone);
  const path = await unusedPath(fs, intendedPath(site, kind, slug, date, { ...fields, layout, slug }));

  const operations: FileOperation[] = [{ kind: 'create', path, content: rendered.text }];
  // Hexo makes the folder for posts and drafts, not for a page's index.md, and reuses one that exists.
  const assetFolder = assetFolderOf(path);
  if (site.config.postAssetFolder && basename(assetFolder) !== 'index' && !(await fs.stat(assetFolder))) {
    operations.push({ kind: 'createFolder', path: assetFolder, assetsOf: path });
  }
  return { kind, layout, path, content: rendered.text, bodyOffset: rendered.bodyOffset, operations };
}
