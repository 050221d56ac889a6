// Runs in one code-server window (scripts/integration/run.mjs --paste): a writer pastes a screenshot
// into a post. The runner puts a real PNG on the browser's clipboard and presses Ctrl+V in the
// workbench when this entry asks (a request file); the checks then look at the post and the disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runEditorChecks } from '../editorChecks';
import { activatePostcraft, blogFile, waitFor } from '../integration/support';

/** A real 4×4 red PNG, as a screenshot tool would put it on the clipboard. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==', 'base64');

/** A PNG's width and height from its IHDR chunk (the browser re-encodes what it puts on the clipboard). */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = Buffer.from(bytes);
  assert.equal(view.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG file');
  return [view.readUInt32BE(16), view.readUInt32BE(20)];
}

/** Asks the runner for a clipboard paste into the focused editor; resolves when the keystroke was sent. */
async function pasteFromClipboard(png: Buffer): Promise<void> {
  const request = process.env.POSTCRAFT_TEST_PASTE_REQUEST;
  assert.ok(request, 'the runner names the request file (run with --paste)');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-paste-')), 'screenshot.png');
  fs.writeFileSync(file, png);
  fs.writeFileSync(request, JSON.stringify({ png: file }));
  await waitFor(() => (fs.existsSync(`${request}.done`) || fs.existsSync(`${request}.failed`) ? true : undefined), 20_000, 'the runner to paste');
  if (fs.existsSync(`${request}.failed`)) throw new Error(`the runner could not paste: ${fs.readFileSync(`${request}.failed`, 'utf8')}`);
  fs.rmSync(`${request}.done`);
}

export async function run(): Promise<void> {
  await runEditorChecks('paste', [
    ['a screenshot pasted into a post with an asset folder lands there, under the post\'s name, with the Markdown the site shows it by', async () => {
      await activatePostcraft();
      const post = blogFile('source', '_posts', 'weekend-at-xiangshan.md');
      const target = blogFile('source', '_posts', 'weekend-at-xiangshan', 'weekend-at-xiangshan.png');
      const editor = await vscode.window.showTextDocument(post);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await pasteFromClipboard(PNG);
      const text = await waitFor(() => (editor.document.getText().includes('![](weekend-at-xiangshan.png)') ? editor.document.getText() : undefined), 15_000,
        () => `the pasted reference in the post (its end: ${JSON.stringify(editor.document.getText().slice(-80))})`);
      assert.ok(text.endsWith('![](weekend-at-xiangshan.png)') || text.trimEnd().endsWith('![](weekend-at-xiangshan.png)'), 'inserted at the cursor');
      const written = await waitFor(async () => vscode.workspace.fs.readFile(target).then((bytes) => bytes, () => undefined), 10_000, () => `${target.path} written`);
      assert.deepEqual(pngSize(written), pngSize(PNG), 'the clipboard\'s image, in the asset folder');
      // One undo takes back both the text and the file.
      await vscode.commands.executeCommand('undo');
      await waitFor(() => (editor.document.getText().includes('weekend-at-xiangshan.png)') ? undefined : true), 5_000, 'the undo of the text');
    }],
  ]);
}
