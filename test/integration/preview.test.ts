import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PreviewDebugState } from '../../src/vscode/features/preview/previewPanel';
import { activatePostcraft, blogFile, openPost, waitFor } from './support';
import { Commands, InternalCommands } from '../../src/vscode/constants';

const debugState = () => vscode.commands.executeCommand<PreviewDebugState[]>(InternalCommands.previewDebugState);

/**
 * Whether a preview's resource (a URI string, as Postcraft's extension host names it) is `uri`. The
 * web worker host names the workspace's files `vscode-remote:` where this host says `file:`.
 */
const isResource = (resource: string, uri: vscode.Uri): boolean => vscode.Uri.parse(resource).path === uri.path;

/** `uri` as Postcraft's extension host names it: in the scheme and authority of a preview it reported. */
async function asPreviewResource(uri: vscode.Uri): Promise<string> {
  const [shown] = await debugState();
  assert.ok(shown, 'a preview is open');
  return vscode.Uri.parse(shown.resource).with({ path: uri.path }).toString();
}

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
    await vscode.commands.executeCommand(Commands.openPreviewToSide);
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

  it('shows a long post at once, then fills in the code and math below the first screen', async () => {
    // Far below the first screen: a code block and two formulas the first render leaves as written.
    const filler = Array.from({ length: 160 }, (_, i) => `第 ${i} 行的正文。`).join('\n\n');
    const text = `---\ntitle: 很长的一篇\ndate: 2026-03-01 10:00:00\n---\n\n开头。\n\n${filler}\n\n\`\`\`ts\nconst far = 42;\n\`\`\`\n\n$$\n\\int_0^1 far\\,dx\n$$\n\n行内 $y_{far}$。\n`;
    const uri = blogFile('source', '_posts', 'integration-long-preview.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await vscode.window.showTextDocument(uri);
      const state = await reported((candidate) => isResource(candidate.resource, uri) && candidate.rendered?.title === '很长的一篇' && candidate.rendered.pending === 0, 'the follow-up render to fill everything in');
      assert.ok((state.deferredAtFirstPaint ?? 0) >= 3, `the first paint left ${state.deferredAtFirstPaint} pieces for later`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('restores a preview through the serializer path, and the restored webview renders', async () => {
    const resource = await asPreviewResource(blogFile('source', '_posts', 'gradient-descent-intuition.md'));
    // code-server serves all webviews from one origin, so one service worker at a time serves them
    // all, and a new webview waits for its own to take over. Hiding the preview while its image still
    // loads leaves the old worker waiting 30 s for an answer that never comes, and Chromium lets the
    // new one take over only then. From the preview's group, "beside" opens a third group: nothing hides.
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    const restored = await vscode.commands.executeCommand<PreviewDebugState | undefined>(InternalCommands.previewDebugRestore, { resource, locked: true, line: 10 });
    assert.ok(restored, 'the serializer adopted the panel');
    assert.equal(restored.locked, true);
    assert.equal(restored.resource, resource, 'on the saved document');
    await reported((candidate) => candidate.locked && candidate.resource === resource && candidate.rendered?.title === '梯度下降的数学直觉', 'the restored webview to report its title');
  });

  it('previews a Jekyll post: Liquid run first (an include, a post_url), then kramdown', async () => {
    const jekyll = vscode.workspace.workspaceFolders?.find((folder) => folder.name === 'jekyll-blog')?.uri;
    assert.ok(jekyll, 'the Jekyll sample blog is open beside the Hexo one');
    const uri = vscode.Uri.joinPath(jekyll, '_posts', '2026-03-02-ai-side-income.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand(Commands.openPreviewToSide);
    try {
      const state = await reported((candidate) => candidate.rendered?.title === '用 AI 做副业，三个月后的真实复盘', 'the Jekyll post rendered in the webview');
      assert.deepEqual(state.rendered!.headings, ['收入']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('previews a Hugo post: the TOML header\'s title, a page bundle\'s figure', async () => {
    const hugo = vscode.workspace.workspaceFolders?.find((folder) => folder.name === 'hugo-blog')?.uri;
    assert.ok(hugo, 'the Hugo sample blog is open beside the Hexo one');
    const uri = vscode.Uri.joinPath(hugo, 'content', 'posts', 'weekend-at-xiangshan', 'index.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand(Commands.openPreviewToSide);
    try {
      const state = await reported((candidate) => candidate.rendered?.title === '周末去香山', 'the Hugo post rendered in the webview');
      // The figure shortcode and the Markdown image, both from the bundle folder.
      assert.equal(state.rendered!.images, 2);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
