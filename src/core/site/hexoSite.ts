import type { FileSystemPort } from '../ports';
import { basename, extname, joinPath, relativeInside } from '../path';
import { readHexoConfig } from './hexoConfig';
import { HEXO_DEFAULT_CONFIG } from './hexoConfig';
import type { ConfigProblem, HexoConfig, PostKind, Site } from './types';
import { decodeText } from '../text/decode';

/** Extensions hexo-renderer-marked renders; other files under `source/` are assets to Postcraft. */
export const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.mkd', '.mkdn', '.mdwn', '.mdtxt', '.mdtext']);

/** Whether a path (or URL path) names a file Hexo renders as Markdown, whatever the case of its extension. */
export function isMarkdownPath(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && MARKDOWN_EXTENSIONS.has(path.slice(dot).toLowerCase());
}

/** Hexo skips names starting with `_` or `.` anywhere in the path (hexo `processor/common.ts` `isHiddenFile`). */
function isHiddenPath(relative: string): boolean {
  return /(^|\/)[_.]/.test(relative);
}

/** Editor backups and temp files (hexo `isTmpFile`). */
function isTemporaryPath(relative: string): boolean {
  return relative.endsWith('%') || relative.endsWith('~');
}

export class HexoSite implements Site {
  readonly generator = 'hexo' as const;

  constructor(
    readonly root: string,
    readonly config: HexoConfig,
    readonly configProblems: readonly ConfigProblem[],
    readonly scaffolds: ReadonlyMap<string, string>,
  ) {
    this.sourceRoot = joinPath(root, config.sourceDir);
  }

  /** Asked for every file the index and the rules look at: computed once. */
  readonly sourceRoot: string;

  get postsDir(): string {
    return joinPath(this.sourceRoot, '_posts');
  }

  get draftsDir(): string {
    return joinPath(this.sourceRoot, '_drafts');
  }

  /** Which kind of content `path` is for Hexo (hexo `lib/plugins/processor/post.ts` pattern), if any. */
  classify(path: string): PostKind | undefined {
    const relative = relativeInside(this.sourceRoot, path);
    if (relative === undefined || relative === '' || isTemporaryPath(relative)) return undefined;
    const extension = extname(path).toLowerCase();
    if (!MARKDOWN_EXTENSIONS.has(extension)) return undefined;
    for (const [folder, kind] of [['_posts/', 'post'], ['_drafts/', 'draft']] as const) {
      if (!relative.startsWith(folder)) continue;
      const inner = relative.slice(folder.length);
      if (inner === '' || isHiddenPath(inner)) return undefined;
      // With post asset folders Hexo renders only files with new_post_name's extension.
      if (this.config.postAssetFolder && extension !== extname(this.config.newPostName).toLowerCase()) return undefined;
      return kind;
    }
    return isHiddenPath(relative) ? undefined : 'page';
  }

  /** The path below `_posts/` or `_drafts/` (what `new_post_name` is matched against). */
  postRelativePath(path: string): string {
    const relative = relativeInside(this.sourceRoot, path) ?? basename(path);
    return relative.replace(/^_(posts|drafts)\//, '');
  }
}

/** Loads a Hexo site's config and scaffolds. A missing or broken `_config.yml` is a problem, not a failure. */
export async function loadHexoSite(fs: FileSystemPort, root: string): Promise<HexoSite> {
  const configPath = joinPath(root, '_config.yml');
  let config: HexoConfig = HEXO_DEFAULT_CONFIG;
  const problems: ConfigProblem[] = [];
  const configText = await readTextIfPresent(fs, configPath);
  if (configText === undefined) {
    problems.push({ file: configPath, message: 'No _config.yml: Hexo defaults apply.' });
  } else {
    const result = readHexoConfig(configText, configPath);
    config = result.config;
    problems.push(...result.problems);
  }
  return new HexoSite(root, config, problems, await readScaffolds(fs, joinPath(root, 'scaffolds')));
}

async function readScaffolds(fs: FileSystemPort, folder: string): Promise<Map<string, string>> {
  const scaffolds = new Map<string, string>();
  let entries;
  try {
    entries = await fs.readDirectory(folder);
  } catch {
    return scaffolds; // no scaffolds folder: Hexo's built-in scaffolds apply
  }
  for (const entry of entries) {
    if (entry.kind !== 'file' || entry.name.startsWith('.')) continue;
    const text = await readTextIfPresent(fs, joinPath(folder, entry.name));
    if (text === undefined) continue;
    const extension = extname(entry.name);
    scaffolds.set(extension ? entry.name.slice(0, -extension.length) : entry.name, text);
  }
  return scaffolds;
}

export async function readTextIfPresent(fs: FileSystemPort, path: string): Promise<string | undefined> {
  try {
    return decodeText(await fs.readFile(path));
  } catch {
    return undefined; // absent (or unreadable): what the name promises
  }
}
