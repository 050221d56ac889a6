import type { Cancellation, Clock, FileSystemPort } from '../ports';
import { neverCancelled } from '../ports';
import { relativeInside } from '../path';
import { discoverSites } from '../site/discover';
import { HexoSite } from '../site/hexoSite';
import type { BuildOptions } from './siteIndex';
import { SiteIndex } from './siteIndex';

export interface OpenOptions extends BuildOptions {
  readonly maxDepth?: number;
  readonly clock?: Clock;
  /** Called when a site's index has been built. */
  readonly onSiteIndexed?: (index: SiteIndex) => void;
}

/** All the blogs in a set of folders (a multi-root workspace, or the CLI's arguments), each with its index. */
export class WorkspaceIndex {
  private constructor(readonly sites: readonly SiteIndex[]) {}

  static async open(fs: FileSystemPort, folders: readonly string[], options: OpenOptions = {}): Promise<WorkspaceIndex> {
    const cancellation: Cancellation = options.cancellation ?? neverCancelled;
    const sites = await discoverSites(fs, folders, { maxDepth: options.maxDepth, cancellation });
    const indexes = sites.filter((site): site is HexoSite => site instanceof HexoSite).map((site) => new SiteIndex(site, options.clock));
    const workspace = new WorkspaceIndex(indexes);
    for (const index of indexes) {
      if (cancellation.isCancellationRequested) break;
      await index.rebuild(fs, options);
      options.onSiteIndexed?.(index);
    }
    return workspace;
  }

  /** The site a file belongs to (the innermost one when sites nest). */
  siteFor(path: string): SiteIndex | undefined {
    let best: SiteIndex | undefined;
    for (const index of this.sites) {
      if (relativeInside(index.site.root, path) === undefined) continue;
      if (!best || index.site.root.length > best.site.root.length) best = index;
    }
    return best;
  }
}
