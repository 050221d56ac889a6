import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostcraftApi } from '../../src/vscode/extension';
import { EXTENSION_ID } from '../../src/vscode/constants';

/** Activates Postcraft and waits until the sample blog is indexed. */
export async function activatePostcraft(): Promise<PostcraftApi> {
  const extension = vscode.extensions.getExtension<PostcraftApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.whenIndexed();
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the sample blog open as a workspace folder');
  return folder.uri;
}

export function blogFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function openPost(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(blogFile(...segments));
  return vscode.window.showTextDocument(document);
}

/**
 * Polls `check` until it returns a value that is not undefined, or fails after `timeoutMs`. `what` may
 * be a function: the message is then written when the wait fails, with what holds by then.
 */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000, what: string | (() => string) = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Replaces the document's text with `textWithCursor` (its `|` marks the cursor), unsaved. */
export async function typeInto(uri: vscode.Uri, textWithCursor: string): Promise<{ editor: vscode.TextEditor; position: vscode.Position }> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
  assert.ok(await editor.edit((edit) => edit.replace(whole, text)));
  const position = document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return { editor, position };
}

/** Renames a file as the Explorer does, through a WorkspaceEdit (which runs the rename participants). */
export async function renameThroughEdit(from: vscode.Uri, to: vscode.Uri): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(from, to);
  assert.ok(await vscode.workspace.applyEdit(edit), `renamed ${from.path} to ${to.path}`);
}
