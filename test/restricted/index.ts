// Runs inside code-server with workspace trust on and the sample blog untrusted (Restricted Mode):
// Postcraft still indexes and completes, and refuses to deploy, which would run a command taken from
// the workspace's settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runEditorChecks, type EditorCheck } from '../editorChecks';
import type { SiteSummary } from '../../src/vscode/features/siteSummary';
import type { PostcraftApi } from '../../src/vscode/extension';
import { Commands, EXTENSION_ID } from '../../src/vscode/constants';

export async function run(): Promise<void> {
  const checks: EditorCheck[] = [];
  const check = (name: string, body: () => Promise<void>): void => {
    checks.push([name, body]);
  };
  const root = vscode.workspace.workspaceFolders![0].uri;
  check('the sample blog is open in Restricted Mode', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });
  check('Postcraft activates and indexes the blog in Restricted Mode', async () => {
    const api = await vscode.extensions.getExtension<PostcraftApi>(EXTENSION_ID)!.activate();
    await api.whenIndexed();
    const summary = await vscode.commands.executeCommand<SiteSummary>(Commands.showSiteSummary, { quiet: true });
    assert.ok((summary.sites.find((site) => site.root.endsWith('/hexo-blog'))?.posts ?? 0) > 10);
    assert.equal(summary.sites.find((site) => site.root.endsWith('/hugo-blog'))?.posts, 7, 'the Hugo blog is read in Restricted Mode too');
    assert.equal(summary.sites.find((site) => site.root.endsWith('/jekyll-blog'))?.posts, 5, 'the Jekyll blog too');
  });
  check('deploy is refused: no terminal is opened and nothing runs', async () => {
    const terminals = vscode.window.terminals.length;
    const result = await vscode.commands.executeCommand<vscode.Terminal | undefined>(Commands.deploy, vscode.Uri.joinPath(root, '_config.yml'));
    assert.equal(result, undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(vscode.window.terminals.length, terminals);
  });
  await runEditorChecks('restricted', checks);
}
