import * as vscode from 'vscode';
import { checkPost } from '../../../core/rules';
import { decodeText, logException } from '../../../core/api';
import type { DiagnosticsController } from './diagnostics';
import type { FileEvents } from '../../services/fileEvents';

/** Changes on disk often come in bursts (a `git checkout`, a formatter on save): wait for the last. */
const SETTLE_MS = 300;
/** A long burst (a large checkout) still gets its first posts checked after this long. */
const MAX_WAIT_MS = 2000;
const RECHECKS_AT_ONCE = 8;

/**
 * Keeps the diagnostics of files that are not open (set by "Check All Posts") in step with the disk:
 * a changed file is checked again, a deleted one (or a file in a deleted folder) loses them, and a
 * post that appears in a site Check All went through is checked too. Only files with an entry in the
 * collection (Check All sets one for a clean post too, an empty list) or new posts of such a site are
 * read, so a `git pull` before any Check All costs nothing.
 */
export class ClosedFileDiagnostics implements vscode.Disposable {
  /** Bumped per file on every change, so that a slow read never overwrites a newer one. */
  private readonly generations = new Map<string, number>();
  private readonly disposables: vscode.Disposable[];
  /** Roots of the sites "Check All Posts" went through: their new posts are checked as they appear. */
  private readonly followedSites = new Set<string>();
  private readonly queue: Array<() => Promise<void>> = [];
  private running = 0;

  /** `postsAdded`: posts the index read from a folder moved into a site (one event for the folder). */
  constructor(private readonly diagnostics: DiagnosticsController, postsAdded: vscode.Event<readonly vscode.Uri[]>, events: FileEvents) {
    this.disposables = [
      postsAdded((uris) => {
        for (const uri of uris) this.created(uri);
      }),
      // Diagnostics of a deleted file go at once; new and changed files are read once their burst settles.
      events.onDidDelete((uri) => this.deleted(uri)),
      events.onDidSettle({ settleMs: SETTLE_MS, maxWaitMs: MAX_WAIT_MS }, (batch) => {
        for (const { uri, kind } of batch) {
          if (kind === 'created') this.created(uri);
          else if (kind === 'changed') this.changed(uri);
        }
      }),
    ];
  }

  /** After "Check All Posts": posts that appear in these sites from now on are checked too. */
  followSites(roots: Iterable<string>): void {
    for (const root of roots) this.followedSites.add(root);
  }

  private created(uri: vscode.Uri): void {
    // Nothing is followed before a Check All: a `hexo generate` writing thousands of files costs nothing then.
    if (this.followedSites.size === 0 || isOpen(uri)) return;
    const root = this.diagnostics.siteRootOf(uri);
    if (root !== undefined && this.followedSites.has(root)) this.schedule(uri);
  }

  private changed(uri: vscode.Uri): void {
    if (isOpen(uri) || this.diagnostics.collection.get(uri) === undefined) return;
    this.schedule(uri);
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.run(() => this.recheck(uri, key, generation));
  }

  /** Rechecks a few at a time: a `git checkout` can change thousands of posts at once. */
  private run(task?: () => Promise<void>): void {
    if (task) this.queue.push(task);
    while (this.running < RECHECKS_AT_ONCE && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.running++;
      void next().catch((error: unknown) => logException('rechecking a post changed on disk', error)).finally(() => {
        this.running--;
        this.run();
      });
    }
  }

  private async recheck(uri: vscode.Uri, key: string, generation: number): Promise<void> {
    const latest = (): boolean => this.generations.get(key) === generation;
    try {
      const target = await this.diagnostics.targetFor(uri);
      let text: string | undefined;
      try {
        text = target && decodeText(await vscode.workspace.fs.readFile(uri));
      } catch {
        text = undefined; // Gone or unreadable between the event and the read: nothing left to report.
      }
      if (!latest() || isOpen(uri)) return;
      if (!target || text === undefined) this.diagnostics.collection.delete(uri);
      else this.diagnostics.publish(uri, checkPost(text, target.context));
    } finally {
      // A newer change keeps its own generation; this one is done either way.
      if (latest()) this.generations.delete(key);
    }
  }

  private deleted(uri: vscode.Uri): void {
    // A deleted folder arrives as one event for the folder: clear every file below it too.
    const folder = `${uri.toString()}/`;
    const gone: vscode.Uri[] = [];
    this.diagnostics.collection.forEach((file) => {
      const key = file.toString();
      if (key === uri.toString() || key.startsWith(folder)) gone.push(file);
    });
    for (const file of gone) {
      if (isOpen(file)) continue; // An open editor keeps its text, and its diagnostics with it.
      const key = file.toString();
      this.generations.delete(key);
      this.diagnostics.collection.delete(file);
    }
  }

  dispose(): void {
    this.queue.length = 0;
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
}
