import { basename, dirname, joinPath, relativeInside, relativePath } from '../../../path';
import { markdownReference, type AssetPlacement } from '../../../posts/assetPlacement';
import type { Site } from '../../generator';

/**
 * A pasted or dropped file in a Hugo page: into the page's bundle (`index.md`, `_index.md`), where
 * Markdown reaches it by its name; else into `fallbackFolder` (default `static/images`), by the path
 * Hugo serves it at (`static/` is the site's root).
 */
export function placeHugoAsset(site: Site, postPath: string, fallbackFolder: string): AssetPlacement {
  if (/^_?index\.[^.]+$/.test(basename(postPath))) return { folder: dirname(postPath), reference: (name) => markdownReference(name, name) };
  const folder = joinPath(site.root, fallbackFolder || 'static/images');
  const served = relativeInside(joinPath(site.root, 'static'), folder);
  return { folder, reference: (name) => markdownReference(name, served !== undefined ? `/${served ? `${served}/` : ''}${name}` : relativePath(dirname(postPath), `${folder}/${name}`)) };
}
