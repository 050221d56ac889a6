import * as vscode from 'vscode';
import { decodeText, dirname, type FileSystemPort, GENERATORS, innermostSiteOf, isMarkdownPath, logException, looksBinary, SiteIndex, WorkspaceIndex } from '../../core/api';
import { Settings, StatusBarItems } from '../constants';
import { Debouncer } from './debouncer';
import { FileEvents, type WorkspaceFileChange } from './fileEvents';
import { toCorePath, toUri } from '../convert';
import { createVscodeFileSystem } from './vscodeFileSystem';

/** Files a virtual workspace's index reads at once (each read goes over the wire). */
const REMOTE_READ_CONCURRENCY = 16;
/** A `git checkout` sends a burst of events, and a folder moved in may be followed by its own contents. */
const FOLDER_BURST_SETTLE_MS = 300;

/**
 * Owns every site's index in the workspace: finds the blogs, builds their indexes in the background
 * (activation never waits for it), and keeps them current from file watchers and unsaved edits.
 */
export class SiteService implements vscode.Disposable {
  private indexes: SiteIndex[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** Unsaved edits per path. */
  private readonly pendingEdits = new Debouncer<string>();
  private readonly changeEmitter = new vscode.EventEmitter<SiteIndex | undefined>();
  private readonly taxonomyEmitter = new vscode.EventEmitter<SiteIndex | undefined>();
  /** Each index's taxonomy version when its last change was announced. */
  private readonly announcedTaxonomy = new WeakMap<SiteIndex, number>();
  private readonly statusItem: vscode.StatusBarItem;
  /** When the indexing progress was last shown (see showProgress). */
  private progressShownAt = 0;
  private loading: Promise<void> = Promise.resolve();
  private generation = 0;
  private readonly addedEmitter = new vscode.EventEmitter<readonly vscode.Uri[]>();
  /**
   * Posts whose file was deleted while VS Code still held their document: the extension host keeps a
   * closed editor's document a while, and a late edit or revert of it must not bring the post back.
   */
  private readonly goneFromDisk = new Set<string>();
  /** Bumped per path on each deletion, so a read that started before it cannot re-add the post. */
  private readonly deletions = new Map<string, number>();

  /** Fires after an index changed (undefined: the set of sites changed). */
  readonly onDidChange = this.changeEmitter.event;
  /**
   * Fires like `onDidChange`, but only when what is read across posts changed (posts came or went,
   * or a post's title, dates, tags, categories or keys): not for each pause while typing a body.
   */
  readonly onDidChangeTaxonomy = this.taxonomyEmitter.event;
  /** Fires with the posts read from a folder that appeared in a site (moved or copied in). */
  readonly onDidAddPosts = this.addedEmitter.event;

  /** `fileEvents`: the workspace's one file watcher, shared with the features that follow the disk. */
  constructor(readonly fileEvents: FileEvents = new FileEvents()) {
    this.statusItem = vscode.window.createStatusBarItem(StatusBarItems.indexing, vscode.StatusBarAlignment.Left, 0);
    this.statusItem.name = vscode.l10n.t('Postcraft indexing');
    this.disposables.push(
      this.changeEmitter,
      this.taxonomyEmitter,
      this.addedEmitter,
      this.fileEvents,
      this.statusItem,
      // Posts are followed one by one, at once: completion and the rules read them next.
      fileEvents.onDidCreate((uri) => {
        if (isMarkdownPath(uri.path)) this.reappeared(uri);
      }),
      fileEvents.onDidChange((uri) => {
        if (isMarkdownPath(uri.path)) this.reappeared(uri);
      }),
      fileEvents.onDidDelete((uri) => {
        if (isMarkdownPath(uri.path)) this.forget(uri);
      }),
      // Folders moved in or out and the files that say where the sites are: once per burst.
      fileEvents.onDidSettle({ settleMs: FOLDER_BURST_SETTLE_MS }, (batch) => this.applySettledBurst(batch)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rediscover()),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleEdit(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.reflectDocument(document)),
      // Closing an unsaved document drops its edits: the file on disk is the truth again (and a file
      // deleted while open must not come back from the closing document's text).
      vscode.workspace.onDidCloseTextDocument((document) => this.reloadFromDisk(document.uri, { ignoreOpenDocument: true })),
    );
  }

  /** Starts discovery and indexing; resolves when every site is indexed (callers need not wait). */
  start(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  /** Resolves when the current discovery and indexing are done. */
  whenIndexed(): Promise<void> {
    return this.loading;
  }

  get sites(): readonly SiteIndex[] {
    return this.indexes;
  }

  siteFor(uri: vscode.Uri): SiteIndex | undefined {
    // Sites of every workspace folder together: a folder may hold a blog nested in another folder's.
    return innermostSiteOf(this.indexes, toCorePath(uri));
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const folders = vscode.workspace.workspaceFolders ?? [];
    // The folders are searched together: in the browser each listing is a round trip.
    const found: Array<{ workspace: WorkspaceIndex; fs: FileSystemPort; concurrency?: number }> = await Promise.all(folders.map(async (folder) => {
      // Each folder reads through a port of its own URI (a virtual workspace keeps its scheme).
      const fs = createVscodeFileSystem(folder.uri);
      const depth = vscode.workspace.getConfiguration(Settings.section, folder).get<number>(Settings.siteSearchDepth, 3);
      const workspace = await WorkspaceIndex.discover(fs, [toCorePath(folder.uri)], { generators: GENERATORS, maxDepth: depth });
      // A virtual workspace answers each read over the wire: fewer at once than from a local disk.
      const concurrency = folder.uri.scheme === 'file' ? undefined : REMOTE_READ_CONCURRENCY;
      return { workspace, fs, concurrency };
    }));
    if (generation !== this.generation) return;
    // The indexes are published before they are filled: completion works on what is read so far.
    this.indexes = found.flatMap(({ workspace }) => workspace.sites);
    this.fireChange(undefined);
    const isSuperseded = () => generation !== this.generation;
    const superseded = { get isCancellationRequested() { return isSuperseded(); } };
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Postcraft: indexing posts') },
      async () => {
        for (const { workspace, fs, concurrency } of found) {
          await workspace.build(fs, {
            cancellation: superseded, concurrency,
            onProgress: (done, total) => this.showProgress(done, total),
            onSiteIndexed: (index) => {
              this.reflectOpenDocuments(index);
              this.fireChange(index);
            },
          });
        }
      },
    );
    this.statusItem.hide();
  }

  private fireChange(index: SiteIndex | undefined): void {
    this.changeEmitter.fire(index);
    if (index && this.announcedTaxonomy.get(index) === index.taxonomyVersion) return;
    if (index) this.announcedTaxonomy.set(index, index.taxonomyVersion);
    this.taxonomyEmitter.fire(index);
  }

  private showProgress(done: number, total: number): void {
    if (done >= total) {
      this.statusItem.hide();
      return;
    }
    // Each update is a round trip to the window: shown for every percent, they held back the editor's
    // own requests (a first completion on 10,000 posts came after 2.9 s instead of 1.5 s).
    const now = Date.now();
    if (now - this.progressShownAt < PROGRESS_INTERVAL_MS) return;
    this.progressShownAt = now;
    this.statusItem.text = `$(sync~spin) ${vscode.l10n.t('Postcraft: indexing {0}/{1}', done, total)}`;
    this.statusItem.show();
  }

  /** Unsaved editors win over the disk: their text is what the writer sees. */
  private reflectOpenDocuments(index: SiteIndex): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.isDirty && this.siteFor(document.uri) === index) index.update(toCorePath(document.uri), document.getText());
    }
  }

  private reflectDocument(document: vscode.TextDocument): void {
    const index = this.siteFor(document.uri);
    const path = toCorePath(document.uri);
    if (!index || !index.site.classify(path)) return;
    // A clean document of a deleted file is no post; unsaved text is, until the writer drops it.
    if (!document.isDirty && this.goneFromDisk.has(path)) return;
    index.update(path, document.getText());
    this.fireChange(index);
  }

  private scheduleEdit(document: vscode.TextDocument): void {
    const index = this.siteFor(document.uri);
    if (!index) return;
    const path = toCorePath(document.uri);
    if (!index.site.classify(path)) return;
    const delay = vscode.workspace.getConfiguration(Settings.section, document.uri).get<number>(Settings.indexDebounceMs, 150);
    this.pendingEdits.schedule(path, delay, () => {
      if (!document.isClosed) this.reflectDocument(document);
    });
  }

  private reloadFromDisk(uri: vscode.Uri, options: { ignoreOpenDocument?: boolean } = {}): void {
    const index = this.siteFor(uri);
    if (!index) return;
    this.pendingEdits.cancel(toCorePath(uri));
    const open = options.ignoreOpenDocument ? undefined : vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open && !open.isClosed) {
      this.reflectDocument(open);
      return;
    }
    const path = toCorePath(uri);
    const deletionsBefore = this.deletions.get(path);
    vscode.workspace.fs.readFile(uri).then(
      (bytes) => {
        if (this.deletions.get(path) !== deletionsBefore) return;
        this.goneFromDisk.delete(path);
        if (looksBinary(bytes)) index.remove(path);
        else index.update(path, decodeText(bytes));
        this.fireChange(index);
      },
      () => this.forget(uri),
    );
  }

  /** The file is on disk (again): its open document, if any, is a post once more. */
  private reappeared(uri: vscode.Uri): void {
    this.goneFromDisk.delete(toCorePath(uri));
    this.reloadFromDisk(uri);
  }

  private forget(uri: vscode.Uri): void {
    const path = toCorePath(uri);
    this.deletions.set(path, (this.deletions.get(path) ?? 0) + 1);
    const index = this.siteFor(uri);
    if (!index) return;
    if (index.site.classify(path)) this.goneFromDisk.add(path);
    if (index.remove(path)) this.fireChange(index);
  }

  private applySettledBurst(batch: readonly WorkspaceFileChange[]): void {
    if (batch.some((change) => isSiteSetupFile(change.uri))) {
      this.rediscover();
      return; // the new discovery reads every folder anyway
    }
    // A folder moved in or out arrives as one event for the folder, not for its posts.
    const folderEvents = batch.filter((change) => change.kind !== 'changed' && this.mayBeFolderInSource(change.uri));
    if (folderEvents.length > 0) void this.applyFolderEvents(folderEvents).catch((error: unknown) => logException('indexing folders moved in or out', error));
  }

  /** What appears in or leaves a source folder and is no post may be a folder (of posts). */
  private mayBeFolderInSource(uri: vscode.Uri): boolean {
    const index = this.siteFor(uri);
    if (!index) return false;
    const path = toCorePath(uri);
    return !index.site.classify(path) && path.startsWith(`${index.site.sourceRoot}/`);
  }

  private async applyFolderEvents(events: readonly WorkspaceFileChange[]): Promise<void> {
    const paths = new Set(events.map((event) => toCorePath(event.uri)));
    // Inside another folder of the burst: that folder's walk or removal covers it.
    const covered = (path: string): boolean => {
      for (let parent = dirname(path); parent !== dirname(parent); parent = dirname(parent)) if (paths.has(parent)) return true;
      return false;
    };
    for (const { uri, kind } of events) {
      const path = toCorePath(uri);
      const index = this.siteFor(uri);
      if (!index || covered(path)) continue;
      if (kind === 'deleted') {
        if (index.removeFolder(path)) this.fireChange(index);
        continue;
      }
      const fs = createVscodeFileSystem(uri);
      if ((await fs.stat(path))?.kind !== 'directory') continue;
      const added = await index.addFolder(fs, path);
      if (added.length === 0) continue;
      this.reflectOpenDocuments(index);
      this.fireChange(index);
      this.addedEmitter.fire(added.map((path) => toUri(path, uri)));
    }
  }

  /** Finds the sites again (a newer discovery supersedes one under way). */
  private rediscover(): void {
    this.loading = this.load();
  }

  dispose(): void {
    this.generation++;
    this.pendingEdits.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** How often the indexing progress may change in the status bar. */
const PROGRESS_INTERVAL_MS = 500;

/** A file that decides where the sites are and how they read: `_config.yml`, `package.json`, a scaffold. */
function isSiteSetupFile(uri: vscode.Uri): boolean {
  const slash = uri.path.lastIndexOf('/');
  const name = uri.path.slice(slash + 1);
  return name === '_config.yml' || name === 'package.json' || uri.path.slice(0, slash).endsWith('/scaffolds');
}
