import * as vscode from 'vscode';
import { relativeInside, type SiteIndex } from '../../core/api';
import { collectSiteFiles, siteFileLookup, type RuleContext, type SiteFiles } from '../../core/rules';
import { toCorePath } from '../convert';
import { createVscodeFileSystem } from './vscodeFileSystem';
import type { FileEvents, WorkspaceFileChange } from './fileEvents';

/** Short: an image added is looked up by the next check; a `hexo generate` still comes as a few batches. */
const SETTLE_MS = 100;

type SiteFileLookup = Pick<RuleContext, 'fileExists' | 'filesNamed' | 'staticRoots'>;

/**
 * The files under each site's `source/` (and themes' `source/`), read once per site and kept current
 * by a watcher, so that link and asset rules look paths up synchronously while the author types.
 */
export class SiteFileSets implements vscode.Disposable {
  private readonly sets = new Map<SiteIndex, Promise<SiteFiles>>();
  /** Per site, what the rules look files up with; dropped on every change so its by-name table is rebuilt. */
  private readonly lookups = new Map<SiteIndex, SiteFileLookup>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(events: FileEvents) {
    this.disposables = [
      this.changeEmitter,
      events.onDidSettle({ settleMs: SETTLE_MS, maxWaitMs: 1000 }, (batch) => this.apply(batch.filter((change) => change.kind !== 'changed'))),
    ];
  }

  /** The site's files (collected on first use). */
  filesFor(index: SiteIndex, like: vscode.Uri): Promise<SiteFiles> {
    let files = this.sets.get(index);
    if (!files) {
      files = collectSiteFiles(createVscodeFileSystem(like), index.site);
      this.sets.set(index, files);
    }
    return files;
  }

  /** The rules' file lookups for the site: one by-name table for all the posts checked until the files change. */
  async lookupFor(index: SiteIndex, like: vscode.Uri): Promise<SiteFileLookup> {
    const files = await this.filesFor(index, like);
    let lookup = this.lookups.get(index);
    if (!lookup) {
      lookup = siteFileLookup(files);
      this.lookups.set(index, lookup);
    }
    return lookup;
  }

  /** Files created or deleted: each site they touch gets one update and one change event. */
  private apply(changes: readonly WorkspaceFileChange[]): void {
    if (changes.length === 0) return;
    const paths = changes.map((change) => ({ path: toCorePath(change.uri), created: change.kind === 'created' }));
    for (const [index, pending] of this.sets) {
      const inSite = paths.filter(({ path }) => relativeInside(index.site.root, path) !== undefined);
      if (inSite.length === 0) continue;
      void pending.then((siteFiles) => {
        for (const { path, created } of inSite) {
          if (created) {
            // A created folder arrives as one event: its files are picked up on the next full read.
            siteFiles.files.add(path);
            continue;
          }
          siteFiles.files.delete(path);
          const prefix = `${path}/`;
          for (const file of siteFiles.files) if (file.startsWith(prefix)) siteFiles.files.delete(file);
        }
        this.lookups.delete(index);
        this.changeEmitter.fire();
      });
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
