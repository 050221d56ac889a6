import * as vscode from 'vscode';
import { FileChangeBatcher, type BatchTiming, type FileChange, type FileChangeKind } from './fileChangeBatch';

export type { FileChangeKind } from './fileChangeBatch';
export type WorkspaceFileChange = FileChange<vscode.Uri>;

/**
 * The one workspace-wide file watcher: the index, the rules' file lists, the diagnostics of closed
 * posts and the new posts' asset folders all follow the disk through it. Each watcher is a
 * subscription to the editor's file service; three of them over `**\/*` heard every file a
 * `hexo generate` writes three times. Listeners that must act at once take the single events;
 * the others take settled batches (`onDidSettle`) instead of keeping timers of their own.
 */
export class FileEvents implements vscode.Disposable {
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*');
  /** A file or folder created (a folder moved in arrives as one event for the folder). */
  readonly onDidCreate = this.watcher.onDidCreate;
  readonly onDidChange = this.watcher.onDidChange;
  /** A file or folder deleted (a folder moved out arrives as one event for the folder). */
  readonly onDidDelete = this.watcher.onDidDelete;

  /**
   * Calls `listener` with each burst of events, one entry per file, once the burst has settled
   * (see `FileChangeBatcher` for how several events of one file combine).
   */
  onDidSettle(timing: BatchTiming, listener: (batch: readonly WorkspaceFileChange[]) => void): vscode.Disposable {
    const batcher = new FileChangeBatcher<vscode.Uri>(timing, (uri) => uri.toString(), listener);
    const feed = (kind: FileChangeKind) => (uri: vscode.Uri) => batcher.add(uri, kind);
    return vscode.Disposable.from(
      this.onDidCreate(feed('created')),
      this.onDidChange(feed('changed')),
      this.onDidDelete(feed('deleted')),
      { dispose: () => batcher.dispose() },
    );
  }

  dispose(): void {
    this.watcher.dispose();
  }
}
