// Runs inside a real VS Code on the 10,000-post synthetic site (bench/editor/run.mjs starts it):
// how long after activation the first tag completion works, how long activate() itself took, how
// long the full index takes in the editor, and how fast an unsaved edit reaches another post's
// completion. Prints one line per figure; the run fails when a budget is missed.
import * as vscode from 'vscode';
import type { PostcraftApi } from '../../src/vscode/extension';

const FIRST_COMPLETION_BUDGET_MS = 2000;

async function tagCompletions(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, '[');
  return list.items
    .filter((item) => typeof item.detail === 'string' && /\d/.test(item.detail) && item.kind === vscode.CompletionItemKind.Keyword)
    .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

async function openScratchPost(name: string, text: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const uri = vscode.Uri.joinPath(folder, 'source', '_posts', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.workspace.openTextDocument(uri);
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<PostcraftApi>('postcraft.postcraft');
  if (!extension) throw new Error('postcraft.postcraft is not loaded');
  const api = await extension.activate();
  const document = await openScratchPost('zz-bench-probe.md', '---\ntitle: probe\ntags: []\n---\n');
  const position = new vscode.Position(2, 7);
  let firstCompletionMs = Number.NaN;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if ((await tagCompletions(document.uri, position)).length > 0) {
      firstCompletionMs = Date.now() - api.activatedAt;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await api.whenIndexed();
  const fullIndexMs = Date.now() - api.activatedAt;
  const allTags = await tagCompletions(document.uri, position);

  // An unsaved edit in one post is offered in another within one debounce.
  const other = await openScratchPost('zz-bench-other.md', '---\ntitle: other\ntags: []\n---\n');
  const editor = await vscode.window.showTextDocument(other);
  const editStart = Date.now();
  let changeSeenMs = Number.NaN;
  const listener = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document === other && Number.isNaN(changeSeenMs)) changeSeenMs = Date.now() - editStart;
  });
  await editor.edit((edit) => edit.insert(new vscode.Position(2, 7), '全新标签甲'));
  let indexedEditMs = Number.NaN;
  let editVisibleMs = Number.NaN;
  while (Date.now() - editStart < 5000) {
    if (api.hasTag('全新标签甲')) {
      indexedEditMs = Date.now() - editStart;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  while (Date.now() - editStart < 5000) {
    if ((await tagCompletions(document.uri, position)).includes('全新标签甲')) {
      editVisibleMs = Date.now() - editStart;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  listener.dispose();
  const completionStart = Date.now();
  await tagCompletions(document.uri, position);
  const oneCompletionMs = Date.now() - completionStart;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(document.uri);
  await vscode.workspace.fs.delete(other.uri);

  const debounce = vscode.workspace.getConfiguration('postcraft').get<number>('index.debounceMs', 150);
  console.log(`editor bench: activate() returned in ${api.activationMs} ms`);
  console.log(`editor bench: first tag completion ${firstCompletionMs} ms after activation (budget ${FIRST_COMPLETION_BUDGET_MS} ms)`);
  console.log(`editor bench: whole site indexed ${fullIndexMs} ms after activation; ${allTags.length} tags offered`);
  console.log(`editor bench: the extension host saw the edit after ${changeSeenMs} ms; it reached the index in ${indexedEditMs} ms and another post's completion in ${editVisibleMs} ms (debounce ${debounce} ms); one completion request round trip ${oneCompletionMs} ms`);
  if (!(firstCompletionMs <= FIRST_COMPLETION_BUDGET_MS)) throw new Error('first tag completion missed its budget');
  if (!(indexedEditMs - changeSeenMs <= debounce + 100)) throw new Error('the index took longer than one debounce to reflect the edit');
}
