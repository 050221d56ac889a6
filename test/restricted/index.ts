// Runs inside code-server with workspace trust on and the sample blog untrusted (Restricted Mode):
// Postcraft still indexes and completes, and refuses to deploy, which would run a command taken from
// the workspace's settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SiteSummary } from '../../src/vscode/features/siteSummary';
import type { PostcraftApi } from '../../src/vscode/extension';

export async function run(): Promise<void> {
  let passed = 0;
  let failed = 0;
  const check = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
      passed++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      failed++;
      console.log(`  ✖ ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const root = vscode.workspace.workspaceFolders![0].uri;
  await check('the sample blog is open in Restricted Mode', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });
  await check('Postcraft activates and indexes the blog in Restricted Mode', async () => {
    const api = await vscode.extensions.getExtension<PostcraftApi>('postcraft.postcraft')!.activate();
    await api.whenIndexed();
    const summary = await vscode.commands.executeCommand<SiteSummary>('postcraft.showSiteSummary', { quiet: true });
    assert.ok(summary.sites[0].posts > 10);
  });
  await check('deploy is refused: no terminal is opened and nothing runs', async () => {
    const terminals = vscode.window.terminals.length;
    const result = await vscode.commands.executeCommand<vscode.Terminal | undefined>('postcraft.deploy', vscode.Uri.joinPath(root, '_config.yml'));
    assert.equal(result, undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(vscode.window.terminals.length, terminals);
  });
  console.log(`restricted: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} Restricted Mode check(s) failed`);
}
