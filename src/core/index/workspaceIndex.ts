import type { Cancellation, Clock, FileSystemPort } from '../ports';
import { neverCancelled } from '../ports';
import { relativeInside } from '../path';
import { discoverSites } from '../site/discover';
import type { Generator } from '../generators/generator';
import type { BuildOptions } from './siteIndex';
import { SiteIndex } from './siteIndex';

export interface OpenOptions extends BuildOptions {
  /** The generators whose sites to look for (the adapters pass the registry's). */
  readonly generators: readonly Generator[];
  readonly maxDepth?: number;
  readonly clock?: Clock;
  /** Called when a site's index has been built. */
  readonly onSiteIndexed?: (index: SiteIndex) => void;
}

/** All the blogs in a set of folders (a multi-root workspace, or the CLI's arguments), each with its index. */
export class WorkspaceIndex {
  private constructor(readonly sites: readonly SiteIndex[]) {}

  /** Discovers the blogs in `folders` and reads each one's posts, one site after the other. */
  static async open(fs: FileSystemPort, folders: readonly string[], options: OpenOptions): Promise<WorkspaceIndex> {
    const workspace = await WorkspaceIndex.discover(fs, folders, options);
    await workspace.build(fs, options);
    return workspace;
  }

  /**
   * The blogs in `folders`, each with an index still empty: the editor publishes them at once, so
   * that completion serves what is read so far, then fills them with `build`.
   */
  static async discover(fs: FileSystemPort, folders: readonly string[], options: Pick<OpenOptions, 'generators' | 'maxDepth' | 'clock' | 'cancellation'>): Promise<WorkspaceIndex> {
    const cancellation: Cancellation = options.cancellation ?? neverCancelled;
    const sites = await discoverSites(fs, folders, { generators: options.generators, maxDepth: options.maxDepth, cancellation });
    return new WorkspaceIndex(sites.map((site) => new SiteIndex(site, options.clock)));
  }

  /** Reads every site's posts, one site after the other; stops between sites when cancelled. */
  async build(fs: FileSystemPort, options: Omit<OpenOptions, 'generators'> = {}): Promise<void> {
    const cancellation: Cancellation = options.cancellation ?? neverCancelled;
    for (const index of this.sites) {
      if (cancellation.isCancellationRequested) return;
      await index.rebuild(fs, options);
      options.onSiteIndexed?.(index);
    }
  }

  /** The site a file belongs to (the innermost one when sites nest). */
  siteFor(path: string): SiteIndex | undefined {
    return innermostSiteOf(this.sites, path);
  }
}

/** Of `sites`, the one `path` belongs to: the innermost when sites nest (a blog in another's folder). */
export function innermostSiteOf(sites: Iterable<SiteIndex>, path: string): SiteIndex | undefined {
  let best: SiteIndex | undefined;
  for (const index of sites) {
    if (relativeInside(index.site.root, path) === undefined) continue;
    if (!best || index.site.root.length > best.site.root.length) best = index;
  }
  return best;
}
