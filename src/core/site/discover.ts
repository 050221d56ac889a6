import type { Cancellation, FileSystemPort } from '../ports';
import { neverCancelled } from '../ports';
import { joinPath } from '../path';
import type { Generator, Site } from '../generators/generator';

/** Folders never worth descending into when looking for blogs. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'public', 'themes', '.vscode-test', 'dist', 'out', '.deploy_git']);

export interface DiscoverOptions {
  /** The generators whose sites to look for (the adapters pass the registry's). */
  readonly generators: readonly Generator[];
  /** How many folder levels below each workspace folder to look (a blog in `repo/blog/` is depth 1). */
  readonly maxDepth?: number;
  readonly cancellation?: Cancellation;
}

/**
 * Finds every site in `folders` that one of the generators claims. Covers multi-root workspaces, a
 * blog inside a larger repo and several blogs side by side; it does not look inside a site it has found.
 */
export async function discoverSites(fs: FileSystemPort, folders: readonly string[], options: DiscoverOptions): Promise<Site[]> {
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
    const generator = await generatorClaiming(fs, path, names, options.generators);
    if (generator) {
      found.set(path, await generator.loadSite(fs, path));
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

/** The generator whose site has its root at `folder`, by the same test discovery uses. */
export async function generatorOfSiteRoot(fs: FileSystemPort, folder: string, generators: readonly Generator[]): Promise<Generator | undefined> {
  const names = new Set<string>();
  for (const name of new Set(generators.flatMap((generator) => generator.markerFiles))) {
    if ((await fs.stat(joinPath(folder, name)))?.kind === 'file') names.add(name);
  }
  return names.size > 0 ? generatorClaiming(fs, folder, names, generators) : undefined;
}

async function generatorClaiming(fs: FileSystemPort, folder: string, files: ReadonlySet<string>, generators: readonly Generator[]): Promise<Generator | undefined> {
  for (const generator of generators) if (await generator.isSiteFolder(fs, folder, files)) return generator;
  return undefined;
}
