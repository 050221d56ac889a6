import * as vscode from 'vscode';
import type { FileOperation } from '../../../core/edits';
import { toUri, toVsTextEdit } from '../../convert';

/**
 * Turns a core plan into ONE `WorkspaceEdit`, so that the editor applies it atomically and a single
 * undo reverts it. Nothing is overwritten: creates and moves fail when the target exists.
 * Empty folders (`createFolder`) have no WorkspaceEdit form; they are returned to be made afterwards
 * with `workspace.fs` (an empty folder left behind by an undo loses nothing).
 */
export function toWorkspaceEdit(operations: readonly FileOperation[], like: vscode.Uri): { edit: vscode.WorkspaceEdit; folders: vscode.Uri[] } {
  const edit = new vscode.WorkspaceEdit();
  const folders: vscode.Uri[] = [];
  const encoder = new TextEncoder();
  for (const operation of operations) {
    switch (operation.kind) {
      case 'create':
        edit.createFile(toUri(operation.path, like), { overwrite: false, ignoreIfExists: false, contents: encoder.encode(operation.content) });
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

/** Applies a plan; resolves false when the editor refused it (a target appeared meanwhile, say). */
export async function applyPlan(operations: readonly FileOperation[], like: vscode.Uri): Promise<boolean> {
  const { edit, folders } = toWorkspaceEdit(operations, like);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) return false;
  for (const folder of folders) {
    try {
      await vscode.workspace.fs.createDirectory(folder);
    } catch {
      // The folder is a convenience (Hexo's asset folder); the post exists either way.
    }
  }
  return true;
}

/** The text of a file as the writer sees it: the open document (unsaved edits included), else the disk. */
export async function currentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
