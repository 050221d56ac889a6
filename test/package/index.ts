// Runs inside a code-server whose Postcraft comes from the packaged .vsix (installed into the
// editor's extensions folder by scripts/integration/run.mjs when POSTCRAFT_TEST_VSIX is set), not
// from the source tree: the package installs, activates and indexes the sample blog.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
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
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  await check('the installed .vsix provides postcraft.postcraft', async () => {
    const extension = vscode.extensions.getExtension<PostcraftApi>('postcraft.postcraft');
    assert.ok(extension, 'postcraft.postcraft is installed');
    assert.ok(!extension.extensionPath.startsWith(repoRoot), `loaded from the install folder, not the source tree: ${extension.extensionPath}`);
  });
  await check('it activates and indexes the sample blog', async () => {
    const extension = vscode.extensions.getExtension<PostcraftApi>('postcraft.postcraft')!;
    const api = await extension.activate();
    await api.whenIndexed();
    const summary = await vscode.commands.executeCommand<SiteSummary>('postcraft.showSiteSummary', { quiet: true });
    assert.equal(summary.sites.length, 1);
    assert.ok(summary.sites[0].posts > 10, `posts indexed: ${summary.sites[0].posts}`);
  });
  await check('its localized manifest strings resolve', async () => {
    const command = (await vscode.commands.getCommands(true)).includes('postcraft.showSiteSummary');
    assert.ok(command, 'the summary command is registered');
    const packageJson = vscode.extensions.getExtension('postcraft.postcraft')!.packageJSON as { description: string };
    assert.doesNotMatch(packageJson.description, /^%/, 'package.nls.json was packaged');
  });
  console.log(`package: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} package check(s) failed`);
}
