import * as vscode from 'vscode';

/**
 * The one workspace-wide file watcher: the index, the rules' file lists and the diagnostics of closed
 * posts all follow the disk through it. Each watcher is a subscription to the editor's file service;
 * three of them over `**\/*` heard every file a `hexo generate` writes three times.
 */
export class FileEvents implements vscode.Disposable {
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*');
  /** A file or folder created (a folder moved in arrives as one event for the folder). */
  readonly onDidCreate = this.watcher.onDidCreate;
  readonly onDidChange = this.watcher.onDidChange;
  /** A file or folder deleted (a folder moved out arrives as one event for the folder). */
  readonly onDidDelete = this.watcher.onDidDelete;

  dispose(): void {
    this.watcher.dispose();
  }
}
