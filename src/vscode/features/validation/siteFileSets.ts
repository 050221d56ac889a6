import * as vscode from 'vscode';
import { relativeInside, type SiteIndex } from '../../../core/api';
import { collectSiteFiles, siteFileLookup, type RuleContext, type SiteFiles } from '../../../core/rules';
import { toCorePath } from '../../convert';
import { createVscodeFileSystem } from '../../services/vscodeFileSystem';
import type { FileEvents } from '../../services/fileEvents';

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
      events.onDidCreate((uri) => this.apply(uri, true)),
      events.onDidDelete((uri) => this.apply(uri, false)),
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

  private apply(uri: vscode.Uri, created: boolean): void {
    const path = toCorePath(uri);
    for (const [index, pending] of this.sets) {
      if (relativeInside(index.site.root, path) === undefined) continue;
      void pending.then((siteFiles) => {
        if (created) {
          // A created folder arrives as one event: its files are picked up on the next full read.
          siteFiles.files.add(path);
        } else {
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
