import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PreviewDebugState } from '../../src/vscode/features/preview/previewPanel';
import { activatePostcraft, blogFile, openPost, waitFor } from './support';

const debugState = () => vscode.commands.executeCommand<PreviewDebugState[]>('postcraft.preview.debugState');

async function reported(check: (state: PreviewDebugState) => boolean, what: string): Promise<PreviewDebugState> {
  return waitFor(async () => (await debugState()).find(check), 15000, what);
}

describe('the styled live preview', function () {
  this.timeout(60000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens to the side and the webview reports the rendered title and headings', async () => {
    await activatePostcraft();
    await openPost('source', '_posts', 'writing-better-technical-posts.md');
    await vscode.commands.executeCommand('postcraft.openPreviewToSide');
    const state = await reported((candidate) => candidate.rendered?.title === 'Writing Better Technical Posts in Markdown', 'the webview to report its title');
    assert.ok(state.rendered!.headings.includes('Show the code, then explain it'), state.rendered!.headings.join(' | '));
    assert.ok(state.resource.endsWith('writing-better-technical-posts.md'));
  });

  it('patches the webview after an edit, and reports the new heading', async () => {
    const editor = await openPost('source', '_posts', 'writing-better-technical-posts.md');
    const before = (await reported((candidate) => candidate.resource.endsWith('writing-better-technical-posts.md') && candidate.rendered !== undefined, 'a rendered preview')).rendered!.version;
    const line = editor.document.lineCount;
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), '\n## 新加的一节\n\n正文。\n'));
    const after = await reported((candidate) => (candidate.rendered?.version ?? 0) > before && candidate.rendered!.headings.includes('新加的一节'), 'the edit in the webview');
    assert.ok(after.lastEditToDomMs !== undefined && after.lastEditToDomMs < 5000, `edit to patched DOM: ${after.lastEditToDomMs} ms`);
    console.log(`    edit → patched DOM: ${after.lastEditToDomMs} ms (render ${after.lastRenderMs} ms, patch ${after.rendered!.patchMs.toFixed(1)} ms)`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('follows the active Markdown editor', async () => {
    await openPost('source', '_posts', 'weekend-at-xiangshan.md');
    const state = await reported((candidate) => candidate.rendered?.title === '周末去爬了香山', 'the preview to follow the editor');
    assert.ok(state.resource.endsWith('weekend-at-xiangshan.md'));
    assert.equal(state.rendered!.images, 1, 'the asset_img image');
  });

  it('restores a preview through the serializer path, and the restored webview renders', async () => {
    const resource = blogFile('source', '_posts', 'gradient-descent-intuition.md').toString();
    // code-server serves all webviews from one origin, so one service worker at a time serves them
    // all, and a new webview waits for its own to take over. Hiding the preview while its image still
    // loads leaves the old worker waiting 30 s for an answer that never comes, and Chromium lets the
    // new one take over only then. From the preview's group, "beside" opens a third group: nothing hides.
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    const restored = await vscode.commands.executeCommand<PreviewDebugState | undefined>('postcraft.preview.debugRestore', { resource, locked: true, line: 10 });
    assert.ok(restored, 'the serializer adopted the panel');
    assert.equal(restored.locked, true);
    assert.equal(restored.resource, resource, 'on the saved document');
    await reported((candidate) => candidate.locked && candidate.resource === resource && candidate.rendered?.title === '梯度下降的数学直觉', 'the restored webview to report its title');
  });
});
