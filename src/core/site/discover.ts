import type { Cancellation, FileSystemPort } from '../ports';
import { neverCancelled } from '../ports';
import { joinPath } from '../path';
import { looksLikeHexoConfig } from './hexoConfig';
import { loadHexoSite, readTextIfPresent } from './hexoSite';
import type { Site } from './types';

/** Folders never worth descending into when looking for blogs. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'public', 'themes', '.vscode-test', 'dist', 'out', '.deploy_git']);

export interface DiscoverOptions {
  /** How many folder levels below each workspace folder to look (a blog in `repo/blog/` is depth 1). */
  readonly maxDepth?: number;
  readonly cancellation?: Cancellation;
}

/**
 * Finds every Hexo site in `folders`: a folder holding a `_config.yml` with Hexo's keys, or a
 * `package.json` that depends on `hexo`. Covers multi-root workspaces, a blog inside a larger repo and
 * several blogs side by side; it does not look inside a site it has found.
 */
export async function discoverSites(fs: FileSystemPort, folders: readonly string[], options: DiscoverOptions = {}): Promise<Site[]> {
  const maxDepth = options.maxDepth ?? 3;
  const cancellation = options.cancellation ?? neverCancelled;
  const found = new Map<string, Site>();
  const queue: Array<{ path: string; depth: number }> = folders.map((path) => ({ path, depth: 0 }));
  while (queue.length > 0 && !cancellation.isCancellationRequested) {
    const { path, depth } = queue.shift()!;
    if (found.has(path)) continue;
    let entries;
    try {
      entries = await fs.readDirectory(path);
    } catch {
      continue; // a folder deleted or unreadable since it was listed: no site in it
    }
    const names = new Set(entries.filter((entry) => entry.kind === 'file').map((entry) => entry.name));
    if (await isHexoSiteFolder(fs, path, names)) {
      found.set(path, await loadHexoSite(fs, path));
      continue;
    }
    if (depth >= maxDepth) continue;
    for (const entry of entries) {
      if (entry.kind === 'directory' && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) {
        queue.push({ path: joinPath(path, entry.name), depth: depth + 1 });
      }
    }
  }
  return [...found.values()];
}

/** Whether `folder` is a Hexo site's root, by the same test discovery uses (not just any `_config.yml`: Jekyll has one too). */
export async function isHexoSiteRoot(fs: FileSystemPort, folder: string): Promise<boolean> {
  const names = new Set<string>();
  for (const name of ['_config.yml', 'package.json']) {
    if ((await fs.stat(joinPath(folder, name)))?.kind === 'file') names.add(name);
  }
  return names.size > 0 && isHexoSiteFolder(fs, folder, names);
}

async function isHexoSiteFolder(fs: FileSystemPort, folder: string, files: ReadonlySet<string>): Promise<boolean> {
  if (files.has('_config.yml')) {
    const text = await readTextIfPresent(fs, joinPath(folder, '_config.yml'));
    if (text !== undefined && looksLikeHexoConfig(text)) return true;
  }
  if (files.has('package.json')) {
    const text = await readTextIfPresent(fs, joinPath(folder, 'package.json'));
    if (text !== undefined && dependsOnHexo(text)) return true;
  }
  return false;
}

function dependsOnHexo(packageJson: string): boolean {
  try {
    const manifest = JSON.parse(packageJson) as Record<string, unknown>;
    return ['dependencies', 'devDependencies'].some((field) => {
      const dependencies = manifest[field];
      return typeof dependencies === 'object' && dependencies !== null && 'hexo' in dependencies;
    });
  } catch {
    return false; // a broken package.json names no dependency
  }
}
