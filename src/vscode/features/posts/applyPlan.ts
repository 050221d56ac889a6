import * as vscode from 'vscode';
import { type FileOperation, isMarkdownPath, logException } from '../../../core/api';
import type { FileEvents } from '../../services/fileEvents';
import { toCorePath, toUri, toVsTextEdit } from '../../convert';

/**
 * Turns a core plan into ONE `WorkspaceEdit`, so that the editor applies it atomically and a single
 * undo reverts it. Nothing is overwritten: creates and moves fail when the target exists.
 * Empty folders (`createFolder`) have no WorkspaceEdit form; they are returned to be made afterwards
 * with `workspace.fs`, and go again with their post on undo while still empty (`AssetFolders`).
 */
export function toWorkspaceEdit(operations: readonly FileOperation[], like: vscode.Uri): { edit: vscode.WorkspaceEdit; folders: vscode.Uri[] } {
  const edit = new vscode.WorkspaceEdit();
  const folders: vscode.Uri[] = [];
  const encoder = new TextEncoder();
  for (const operation of operations) {
    switch (operation.kind) {
      case 'create':
        edit.createFile(toUri(operation.path, like), { overwrite: false, ignoreIfExists: false, contents: typeof operation.content === 'string' ? encoder.encode(operation.content) : operation.content });
        break;
      case 'createFolder':
        folders.push(toUri(operation.path, like));
        break;
      case 'move':
        edit.renameFile(toUri(operation.from, like), toUri(operation.to, like), { overwrite: false });
        break;
      case 'delete':
        edit.deleteFile(toUri(operation.path, like), { recursive: false, ignoreIfNotExists: false });
        break;
      case 'edit':
        edit.set(toUri(operation.path, like), operation.edits.map(toVsTextEdit));
        break;
    }
  }
  return { edit, folders };
}

let plansApplying = 0;

/**
 * Whether one of Postcraft's own plans is being applied: its moves carry their asset folders and
 * links already, so the rename participant (renameParticipant.ts) leaves them alone.
 */
export function applyingPlan(): boolean {
  return plansApplying > 0;
}

/**
 * Applies a plan; resolves false when the editor refused it (a target appeared meanwhile, say).
 * `refactoring` marks text edits across the site (a rename) as the editor's refactorings, which
 * `files.refactoring.autoSave` saves. Creates, moves and deletes are written to disk either way.
 */
export async function applyPlan(operations: readonly FileOperation[], like: vscode.Uri, options: { refactoring?: boolean } = {}): Promise<boolean> {
  const { edit, folders } = toWorkspaceEdit(operations, like);
  plansApplying++;
  let applied: boolean;
  try {
    applied = await vscode.workspace.applyEdit(edit, { isRefactoring: options.refactoring ?? false });
  } finally {
    plansApplying--;
  }
  if (!applied) return false;
  for (const folder of folders) {
    try {
      await vscode.workspace.fs.createDirectory(folder);
    } catch {
      // The folder is a convenience (Hexo's asset folder); the post exists either way.
      continue;
    }
    const made = operations.find((operation) => operation.kind === 'createFolder' && operation.path === toCorePath(folder));
    if (made?.kind === 'createFolder' && made.assetsOf !== undefined) assetFolders.follow(toUri(made.assetsOf, like), folder);
  }
  return true;
}

/**
 * The empty asset folders Postcraft made beside new posts. A WorkspaceEdit cannot make a folder, so
 * undoing the new post would leave its folder behind: when such a post is deleted (an undo, or by
 * hand) and its folder is still empty, the folder goes too. A folder with anything in it is never
 * touched. (A redo brings the post back without its folder; Hexo makes no folder it needs.)
 */
class AssetFolders {
  /** Each new post's folder, by the post's URI. */
  private readonly followed = new Map<string, vscode.Uri>();

  /** Follows deletions through the workspace's file watcher, until the returned disposable goes. */
  listen(events: FileEvents): vscode.Disposable {
    const subscription = events.onDidDelete((uri) => {
      if (this.followed.size === 0 || !isMarkdownPath(uri.path)) return;
      void this.deleted(uri).catch((error: unknown) => logException('removing an empty asset folder', error));
    });
    return new vscode.Disposable(() => {
      subscription.dispose();
      this.followed.clear();
    });
  }

  follow(post: vscode.Uri, folder: vscode.Uri): void {
    this.followed.set(post.toString(), folder);
  }

  private async deleted(post: vscode.Uri): Promise<void> {
    const folder = this.followed.get(post.toString());
    if (!folder) return;
    // A delete event can be one half of a rename or of an atomic save: the post may be back already.
    if (await exists(post)) return;
    this.followed.delete(post.toString());
    if (!(await exists(folder))) return; // deleted already, with its post or by hand
    if ((await vscode.workspace.fs.readDirectory(folder)).length === 0) await vscode.workspace.fs.delete(folder, { recursive: false, useTrash: false });
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false; // stat fails for nothing at `uri`
  }
}

/** One for the extension (listening while the post features are registered). */
export const assetFolders = new AssetFolders();

