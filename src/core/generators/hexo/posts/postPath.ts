import { formatMomentDate } from '../../../site/dateFormat';
import { basename, dirname, extname, joinPath } from '../../../path';
import type { DirectoryEntry, FileSystemPort } from '../../../ports';
import type { HexoSite } from '../hexoSite';
import { sha1Hex } from '../../../posts/sha1';

/** Where `hexo new` and `hexo publish` put a file (hexo `lib/plugins/filter/new_post_path.ts`). */
import type { NewFileKind } from '../../../posts/plans';

export type { NewFileKind };

export function kindOfLayout(layout: string): NewFileKind {
  return layout === 'page' ? 'page' : layout === 'draft' ? 'draft' : 'post';
}

const TOKEN = /:(\w*[^_\W])/g;

/**
 * The path Hexo picks before looking for clashes: a page is `source/<slug>/index.md`, a draft
 * `source/_drafts/<slug>.md`, a post `source/_posts/` + `new_post_name` with `:title` = slug and the date
 * tokens from `date` (in the site's zone; Hexo uses the machine's), `:hash` = sha1(slug + unix seconds).
 * Tokens that are not Hexo's come from `fields` (Hexo lets any front-matter field fill one).
 */
export function intendedPath(site: HexoSite, kind: NewFileKind, slug: string, date: Date, fields: Readonly<Record<string, unknown>> = {}): string {
  const { newPostName, timezone } = site.config;
  let target: string;
  if (kind === 'page') target = joinPath(site.sourceRoot, slug, 'index');
  else if (kind === 'draft') target = joinPath(site.draftsDir, slug);
  else {
    const part = (format: string): string => formatMomentDate(date, format, timezone);
    const values: Record<string, string> = {
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === 'string' || typeof value === 'number').map(([key, value]) => [key, String(value)])),
      year: part('YYYY'), month: part('MM'), i_month: part('M'), day: part('DD'), i_day: part('D'),
      title: slug, hash: sha1Hex(slug + String(Math.floor(date.getTime() / 1000))).slice(0, 12),
    };
    target = joinPath(site.postsDir, newPostName.replace(TOKEN, (match, name: string) => values[name] ?? match));
  }
  return extname(target) ? target : target + (extname(newPostName) || '.md');
}

/**
 * hexo-fs `ensurePath`: a taken `name.md` becomes `name-N.md`, N one more than the largest suffix
 * already used in the folder (`name.md` counts as 0), so `a.md` and `a-3.md` give `a-4.md`.
 */
export function unusedName(fileName: string, siblings: readonly string[]): string {
  if (!siblings.includes(fileName)) return fileName;
  const extension = extname(fileName);
  const base = extension ? fileName.slice(0, -extension.length) : fileName;
  let highest = -1;
  for (const sibling of siblings) {
    if (!sibling.startsWith(base) || !sibling.endsWith(extension)) continue;
    const middle = sibling.slice(base.length, sibling.length - extension.length);
    const match = /^(?:-(\d+))?$/.exec(middle);
    if (match) highest = Math.max(highest, match[1] ? Number(match[1]) : 0);
  }
  return `${base}-${highest + 1}${extension}`;
}

async function siblingNames(fs: FileSystemPort, folder: string): Promise<DirectoryEntry[]> {
  try {
    return await fs.readDirectory(folder);
  } catch {
    return []; // no folder yet: no name is taken
  }
}

/** The path without its extension: a post's asset folder (hexo `createAssetFolder`). */
export function assetFolderOf(path: string): string {
  const extension = extname(path);
  return extension ? path.slice(0, -extension.length) : path;
}

/**
 * Hexo's clash rule applied to `path`, plus one rule of Postcraft's: when an asset folder must move
 * along (`needsFreeAssetFolder`), a name whose folder is already taken is skipped too, so that no asset
 * is ever merged into another post's folder. `reserved` are paths already claimed by the same plan.
 */
export async function unusedPath(fs: FileSystemPort, path: string, options: { needsFreeAssetFolder?: boolean; reserved?: readonly string[] } = {}): Promise<string> {
  const folder = dirname(path);
  const entries = await siblingNames(fs, folder);
  const taken = entries.map((entry) => entry.name);
  for (const reserved of options.reserved ?? []) if (dirname(reserved) === folder) taken.push(basename(reserved));
  // A case-insensitive disk says a differently cased name is taken: believe it (Hexo asks the disk too).
  if (!taken.includes(basename(path)) && await fs.stat(path)) taken.push(basename(path));
  let name = unusedName(basename(path), taken);
  if (options.needsFreeAssetFolder) {
    while (taken.includes(basename(assetFolderOf(joinPath(folder, name))))) {
      taken.push(name);
      name = unusedName(basename(path), taken);
    }
  }
  return joinPath(folder, name);
}
