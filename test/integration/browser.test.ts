import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { FRONT_MATTER, PAYLOADS } from '../xss/payloads';
import type { PreviewDebugState } from '../../src/vscode/features/preview/previewPanel';
import type { SiteSummary } from '../../src/vscode/features/siteSummary';
import type { PostsViewItem } from '../../src/vscode/features/posts/postsTree';
import { Commands, EXTENSION_ID, InternalCommands, TreeItemKinds } from '../../src/vscode/constants';
import { activatePostcraft, blogFile, inWebHost, typeInto, waitFor, webHostActivated } from './support';

/**
 * What only the browser build's run checks (scripts/integration/run.mjs --web): Postcraft in the web
 * worker extension host, as in vscode.dev and github.dev. This file sorts first, so that the first
 * completion is timed before any other suite has warmed the extension up.
 */
const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
/** Postcraft's completion items carry numeric sort keys; the editor's word and snippet items do not. */
const isPostcraftItem = (item: vscode.CompletionItem): boolean => typeof item.sortText === 'string' && /^\d{5}(\d{8})?$/.test(item.sortText);

/** What scripts/integration/run.mjs found in the webview frames that show a title (probeWebviews). */
interface WebviewProbe {
  readonly frames: number;
  /** Whether its `__xss` binding reached every one of them: a payload that ran would have called it. */
  readonly bound: boolean;
  readonly calls: string[];
  /** Elements and attributes in the rendered post that could run code. */
  readonly dangerous: number;
  readonly offsite: string[];
}

async function probeWebviews(title: string): Promise<WebviewProbe> {
  const request = process.env.POSTCRAFT_TEST_WEBVIEW_PROBE;
  assert.ok(request, 'the runner answers webview probes (POSTCRAFT_TEST_WEBVIEW_PROBE)');
  fs.writeFileSync(request, JSON.stringify({ title }));
  const answer = await waitFor(() => (fs.existsSync(`${request}.done`) ? `${request}.done` : fs.existsSync(`${request}.failed`) ? `${request}.failed` : undefined), 20_000, () => 'the runner\'s answer to the webview probe');
  const text = fs.readFileSync(answer, 'utf8');
  fs.rmSync(answer);
  assert.ok(answer.endsWith('.done'), `the probe failed: ${text}`);
  return JSON.parse(text) as WebviewProbe;
}

if (inWebHost) {
  describe('the browser build in the web worker extension host', function () {
    this.timeout(90_000);

    it('completes the Hexo blog\'s tags, most used first, soon after its commands appear (the time is logged)', async () => {
      await webHostActivated();
      const seenAt = Date.now();
      const uri = blogFile('source', '_posts', 'weekend-at-xiangshan.md');
      const { position } = await typeInto(uri, '---\ntitle: 周末去爬了香山\ndate: 2025-11-09 19:40:00\ntags: [随笔, |]\ncategories: 生活\n---\n正文\n');
      try {
        // Useful: the site's tags by use, which takes the whole Hexo index. Asked as the suggest widget asks.
        let offered: string[] = [];
        await waitFor(async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, ' ');
          offered = list.items.filter(isPostcraftItem).sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0)).map(labelOf);
          return offered.slice(0, 4).join() === 'Hexo,副业,后端,踩坑' ? true : undefined;
        }, 30_000, () => `the site's tags first, got ${offered.slice(0, 8).join(', ') || 'nothing'}`);
        const completedAt = Date.now();
        assert.ok(!offered.includes('随笔'), 'the post\'s own tag is not offered');
        // Both hosts run on this machine: the worker's Date.now() and ours share a clock.
        const { activatedAt, loadMs, activationMs } = await (await activatePostcraft()).timing();
        const commandsAt = activatedAt + loadMs + activationMs;
        console.log(`    first tag completion in the web worker host: ${completedAt - commandsAt} ms after activate() registered the commands`
          + ` (${completedAt - activatedAt} ms after the bundle started loading; load ${loadMs} ms, activate() ${activationMs} ms;`
          + ` ${completedAt - seenAt} ms after this test first saw the commands)`);
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    it('runs Postcraft in the web worker host, not the Node one', async () => {
      await activatePostcraft();
      assert.ok((await vscode.commands.getCommands(true)).includes(Commands.showSiteSummary));
      // The Node host would list it had it loaded the extension (the copy's manifest has no `main`).
      assert.equal(vscode.extensions.getExtension(EXTENSION_ID), undefined);
    });

    // The posts suites check the view's provider built in this host; this is the web build's own view.
    it('shows the three blogs in its Posts view: Hexo\'s counts, nested categories and drafts, Hugo\'s series, Jekyll\'s folder categories', async () => {
      await activatePostcraft();
      const sites = await vscode.commands.executeCommand<PostsViewItem[]>(InternalCommands.postsViewDebugTree, 4);
      const site = (name: string): PostsViewItem[] => {
        const found = sites.find((item) => item.description?.endsWith(`/${name}`));
        assert.ok(found?.children, `${name} among ${sites.map((item) => item.description).join(', ')}`);
        return found.children;
      };
      const group = (items: PostsViewItem[], label: string): PostsViewItem[] => {
        const found = items.find((item) => item.label === label);
        assert.ok(found?.children, `${label} among ${items.map((item) => item.label).join(', ')}`);
        return found.children;
      };
      const hexo = site('hexo-blog');
      assert.deepEqual(hexo.map((item) => item.label), ['Tags', 'Categories', 'Drafts']);
      const pit = group(hexo, 'Tags').find((item) => item.label === '踩坑');
      assert.equal(pit?.description, '3');
      assert.equal(pit?.contextValue, TreeItemKinds.tag);
      assert.equal(pit?.children?.length, 3);
      assert.ok(group(group(hexo, 'Categories'), '技术').some((item) => item.label === '前端' && item.contextValue === TreeItemKinds.category), 'sub-categories under their parent');
      const drafts = group(hexo, 'Drafts');
      assert.equal(drafts.length, 3);
      assert.ok(drafts.every((item) => item.command === 'vscode.open' && item.contextValue === TreeItemKinds.draft && item.resource?.includes('/source/_drafts/')));
      const hugo = site('hugo-blog');
      assert.ok(group(hugo, 'series').some((item) => item.label === 'go-并发笔记' && item.description === '2'));
      assert.deepEqual(group(hugo, 'Drafts').map((item) => item.resource?.split('/').pop()), ['rust-ownership-draft.md']);
      const categories = group(site('jekyll-blog'), 'Categories').map((item) => item.label);
      assert.ok(categories.includes('tech') && categories.includes('技术思考'), `categories: ${categories.join(', ')}`);
    });

    // test/xss runs the same corpus through the renderer compiled for Node into a plain Chromium page;
    // this is the web bundle's renderer, in the editor's real webview, from the web worker host.
    it('runs none of the XSS corpus\'s payloads in the preview\'s webview, and renders the post', async () => {
      await activatePostcraft();
      const uri = blogFile('source', '_posts', 'postcraft-hostile-post.md');
      const text = FRONT_MATTER + Object.entries(PAYLOADS).map(([name, payload]) => `## ${name}\n\n${payload}\n`).join('\n');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      try {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        await vscode.commands.executeCommand(Commands.openPreviewToSide);
        const title = '<img src=x onerror=window.__xss(\'title\')>';
        let states: PreviewDebugState[] = [];
        const state = await waitFor(async () => {
          states = await vscode.commands.executeCommand<PreviewDebugState[]>(InternalCommands.previewDebugState);
          return states.find((candidate) => candidate.rendered?.title === title && candidate.rendered.pending === 0);
        }, 20_000, () => `the hostile post rendered in the webview (reported: ${JSON.stringify(states.map((candidate) => candidate.rendered?.title))})`);
        // The title is text, and every payload's section is there: the post was rendered, not refused.
        assert.deepEqual(state.rendered!.headings, Object.keys(PAYLOADS));
        // Handlers and loads get their chance (an image error, a toggle, an animation) before the probe.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const probe = await probeWebviews(title);
        assert.ok(probe.frames >= 1, 'the runner found the webview showing the post');
        assert.ok(probe.bound, 'a payload that ran could have told');
        assert.deepEqual(probe.calls, []);
        assert.equal(probe.dangerous, 0, 'nothing that could run code is in the rendered post');
        assert.deepEqual(probe.offsite, []);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(uri);
      }
    });

    it('reads nothing outside the workspace: a Jekyll theme gem\'s system folders are skipped and listed in the Site Summary', async () => {
      const jekyll = vscode.workspace.workspaceFolders!.find((folder) => folder.name === 'jekyll-blog')!.uri;
      const config = vscode.Uri.joinPath(jekyll, '_config.yml');
      const original = await vscode.workspace.fs.readFile(config);
      const summary = () => vscode.commands.executeCommand<SiteSummary>(Commands.showSiteSummary, { quiet: true });
      assert.deepEqual((await summary()).notRead, [], 'the sample blogs name nothing outside the workspace');
      // Where Debian keeps a theme gem: on the server's disk here, a request to GitHub in github.dev.
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(`${new TextDecoder().decode(original)}theme: minima\n`));
      try {
        const notRead = await waitFor(async () => {
          const skipped = (await summary()).notRead;
          return skipped.includes('/usr/share/rubygems-integration/all/gems') ? skipped : undefined;
        }, 15_000, () => 'the theme\'s gem folders among what was not read');
        assert.ok(notRead.every((path) => !path.includes('/jekyll-blog')), `only paths outside the workspace: ${notRead.join(', ')}`);
      } finally {
        await vscode.workspace.fs.writeFile(config, original);
      }
    });

    it('deploy, which needs a process, opens no terminal in the browser', async () => {
      const terminals = vscode.window.terminals.length;
      assert.equal(await vscode.commands.executeCommand(Commands.deploy, blogFile('_config.yml')), undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(vscode.window.terminals.length, terminals);
    });
  });
}
