// Runs inside a code-server whose Postcraft comes from the packaged .vsix (installed into the
// editor's extensions folder by scripts/integration/run.mjs when POSTCRAFT_TEST_VSIX is set), not
// from the source tree: the package installs, activates and indexes the sample blog.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runEditorChecks, type EditorCheck } from '../editorChecks';
import type { SiteSummary } from '../../src/vscode/features/siteSummary';
import type { PostcraftApi } from '../../src/vscode/extension';
import type { PreviewDebugState } from '../../src/vscode/features/preview/previewPanel';
import { Commands, EXTENSION_ID, InternalCommands } from '../../src/vscode/constants';

export async function run(): Promise<void> {
  const checks: EditorCheck[] = [];
  const check = (name: string, body: () => Promise<void>): void => {
    checks.push([name, body]);
  };
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  check('the installed .vsix provides postcraft.postcraft', async () => {
    const extension = vscode.extensions.getExtension<PostcraftApi>(EXTENSION_ID);
    assert.ok(extension, 'postcraft.postcraft is installed');
    assert.ok(!extension.extensionPath.startsWith(repoRoot), `loaded from the install folder, not the source tree: ${extension.extensionPath}`);
  });
  check('it activates and indexes the sample blog', async () => {
    const extension = vscode.extensions.getExtension<PostcraftApi>(EXTENSION_ID)!;
    const api = await extension.activate();
    await api.whenIndexed();
    const summary = await vscode.commands.executeCommand<SiteSummary>(Commands.showSiteSummary, { quiet: true });
    // The Hexo sample blog, the Hugo one (its TOML posts read by the bundled TOML parser) and the Jekyll one.
    assert.equal(summary.sites.length, 3);
    const hexo = summary.sites.find((site) => site.root.endsWith('/hexo-blog'));
    const hugo = summary.sites.find((site) => site.root.endsWith('/hugo-blog'));
    assert.ok(hexo && hexo.posts > 10, `Hexo posts indexed: ${hexo?.posts}`);
    assert.equal(hugo?.posts, 7, 'Hugo posts indexed');
    assert.equal(summary.sites.find((site) => site.root.endsWith('/jekyll-blog'))?.posts, 5, 'Jekyll posts indexed');
  });
  check('its preview renders a post with the packaged webview script, styles and math fonts', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'source', '_posts', 'gradient-descent-intuition.md'));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand(Commands.openPreviewToSide);
    const deadline = Date.now() + 15_000;
    let rendered: PreviewDebugState | undefined;
    while (!rendered && Date.now() < deadline) {
      const states = await vscode.commands.executeCommand<PreviewDebugState[]>(InternalCommands.previewDebugState);
      rendered = states.find((state) => state.rendered?.title === '梯度下降的数学直觉');
      if (!rendered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(rendered, 'the webview of the installed extension reported its rendered title');
  });
  check('its completion finds a Chinese tag by pinyin, from the pinyin bundle it loads on demand', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'source', '_posts', 'weekend-at-xiangshan.md'));
    const editor = await vscode.window.showTextDocument(document);
    const text = '---\ntitle: 周末去爬了香山\ntags: [fy]\n---\n';
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text)));
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(text.indexOf('fy]') + 2), '[');
      const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === '副业');
      assert.match(item?.filterText ?? '', /\bfuye\b/, 'dist/pinyin.js is packaged and spells 副业');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
  check('it ships the web bundle its manifest names for the browser', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const browser = (extension.packageJSON as { browser?: string }).browser;
    assert.equal(browser, './dist/web/extension.js');
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, browser));
    assert.ok(stat.size > 100_000, `the web bundle is packaged: ${stat.size} bytes`);
  });
  check('its localized manifest strings resolve', async () => {
    const command = (await vscode.commands.getCommands(true)).includes(Commands.showSiteSummary);
    assert.ok(command, 'the summary command is registered');
    const packageJson = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { description: string };
    assert.doesNotMatch(packageJson.description, /^%/, 'package.nls.json was packaged');
  });
  await runEditorChecks('package', checks);
}
