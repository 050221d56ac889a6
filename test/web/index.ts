// Runs in code-server's Node extension host while Postcraft runs in its web worker host, as in
// vscode.dev and github.dev: scripts/integration/run.mjs --web loads a copy of the extension whose
// manifest has `browser` and no `main`. The worker's extension is invisible from here
// (`vscode.extensions`), so these checks reach its commands and providers through the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runEditorChecks, type EditorCheck } from '../editorChecks';
import type { SiteSummary } from '../../src/vscode/features/siteSummary';
import type { PreviewDebugState } from '../../src/vscode/features/preview/previewPanel';
import { Commands, DIAGNOSTIC_SOURCE, EXTENSION_ID, InternalCommands } from '../../src/vscode/constants';

async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
/** Postcraft's completion items carry numeric sort keys; the editor's word and snippet items do not. */
const isPostcraftItem = (item: vscode.CompletionItem): boolean => typeof item.sortText === 'string' && /^\d{5}(\d{8})?$/.test(item.sortText);

export async function run(): Promise<void> {
  const checks: EditorCheck[] = [];
  const check = (name: string, body: () => Promise<void>): void => {
    checks.push([name, body]);
  };
  const root = vscode.workspace.workspaceFolders![0].uri;

  check('Postcraft registers its commands from the web worker host, not the Node one', async () => {
    let commands: string[] = [];
    await waitFor(async () => {
      commands = await vscode.commands.getCommands(true);
      return commands.includes(Commands.showSiteSummary) || undefined;
    }, 60_000, () => `${Commands.showSiteSummary} among ${commands.filter((command) => command.startsWith('postcraft.')).join(', ') || 'no postcraft commands'}`);
    // The Node host would list it had it loaded the extension (the copy's manifest has no `main`).
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID), undefined);
  });

  check('it finds and indexes the three sample blogs through workspace.fs', async () => {
    const summary = await vscode.commands.executeCommand<SiteSummary>(Commands.showSiteSummary, { quiet: true });
    const posts = (name: string) => summary.sites.find((site) => site.root.endsWith(`/${name}`))?.posts;
    assert.equal(summary.sites.length, 3);
    assert.ok((posts('hexo-blog') ?? 0) > 10, `Hexo posts indexed: ${posts('hexo-blog')}`);
    assert.equal(posts('hugo-blog'), 7, 'Hugo posts indexed');
    assert.equal(posts('jekyll-blog'), 5, 'Jekyll posts indexed');
  });

  check('Check All Posts reads every sample post and finds what the Node build finds: two pieces of advice, nothing worse', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number; infos: number }>(Commands.checkAll);
    assert.ok(summary.files >= 28, `checked ${summary.files} files`);
    const flagged = vscode.languages.getDiagnostics().flatMap(([uri, found]) => found.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity !== vscode.DiagnosticSeverity.Information).map((d) => `${uri.path.split('/').pop()} ${String(typeof d.code === 'object' ? d.code.value : d.code)} ${d.message}`));
    assert.deepEqual([summary.errors, summary.warnings, summary.infos], [0, 0, 2], flagged.join('; '));
  });

  check('it completes a tag in a Hexo post\'s front matter, most used first, leaving out the post\'s own', async () => {
    const uri = vscode.Uri.joinPath(root, 'source', '_posts', 'weekend-at-xiangshan.md');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const text = '---\ntitle: 周末去爬了香山\ndate: 2025-11-09 19:40:00\ntags: [随笔, ]\ncategories: 生活\n---\n正文\n';
    const document = editor.document;
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text)));
    const position = document.positionAt(text.indexOf('随笔, ') + '随笔, '.length);
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, ' ');
      const items = list.items.filter(isPostcraftItem).sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
      assert.deepEqual(items.slice(0, 4).map(labelOf), ['Hexo', '副业', '后端', '踩坑']);
      assert.ok(!items.some((item) => labelOf(item) === '随笔'), 'the post\'s own tag is not offered');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  check('it reports a duplicate tag in a post written to the blog', async () => {
    const uri = vscode.Uri.joinPath(root, 'source', '_posts', 'postcraft-web-diagnostics.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntitle: 网页诊断\ndate: 2026-03-02 10:00:00\ntags: [Hexo, 前端, Hexo]\n---\n\n正文\n'));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const ours = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
      const duplicate = await waitFor(() => ours().find((diagnostic) => diagnostic.code === 'PC403' || (typeof diagnostic.code === 'object' && diagnostic.code.value === 'PC403')), 15_000, () => `PC403 among ${JSON.stringify(ours().map((d) => d.code))}`);
      const { start, end } = duplicate.range;
      assert.deepEqual([start.line, start.character, end.line, end.character], [3, 17, 3, 21]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  check('a post_link leads to the post Hexo finds', async () => {
    const uri = vscode.Uri.joinPath(root, 'source', '_posts', 'postgres-slow-query.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const offset = document.getText().indexOf('{% post_link go-http-client-timeouts %}') + '{% post_link go'.length;
    const targets = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, document.positionAt(offset));
    assert.deepEqual(targets.map((target) => ('targetUri' in target ? target.targetUri : target.uri).path.split('/').pop()), ['go-http-client-timeouts.md']);
  });

  check('the preview renders a post in its webview', async () => {
    const uri = vscode.Uri.joinPath(root, 'source', '_posts', 'gradient-descent-intuition.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand(Commands.openPreviewToSide);
    const find = async () => (await vscode.commands.executeCommand<PreviewDebugState[]>(InternalCommands.previewDebugState)).find((state) => state.rendered?.title === '梯度下降的数学直觉');
    await waitFor(find, 15_000, () => 'the webview to report the post\'s rendered title');
  });

  check('deploy, which needs a process, opens no terminal in the browser', async () => {
    const terminals = vscode.window.terminals.length;
    assert.equal(await vscode.commands.executeCommand(Commands.deploy, vscode.Uri.joinPath(root, '_config.yml')), undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(vscode.window.terminals.length, terminals);
  });

  await runEditorChecks('web', checks);
}
