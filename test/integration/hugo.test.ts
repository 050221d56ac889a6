import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, TreeItemKinds } from '../../src/vscode/constants';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { loadHugoSite } from '../../src/core/generators/hugo/hugoSite';
import { createVscodeFileSystem } from '../../src/vscode/services/vscodeFileSystem';
import type { SiteService } from '../../src/vscode/services/siteService';
import { PostsTreeProvider } from '../../src/vscode/features/posts/postsTree';
import { activatePostcraft, renameThroughEdit, typeInto, waitFor } from './support';

/**
 * Postcraft on the Hugo sample blog (examples/hugo-blog), open beside the Hexo one: completion in
 * TOML front matter, Hugo's diagnostics and a quick fix, through the editor's public API.
 */
function hugoRoot(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.find((folder) => folder.name === 'hugo-blog')?.uri;
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
const codeOf = (diagnostic: vscode.Diagnostic): string => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));

/** Writes a draft into the Hugo blog's posts and waits until Postcraft has indexed it. */
async function indexedDraft(name: string, text: string): Promise<vscode.Uri> {
  const draft = vscode.Uri.joinPath(hugoRoot()!, 'content', 'posts', name);
  await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(text));
  const api = await activatePostcraft();
  await waitFor(async () => ((await api.indexedPaths()).includes(draft.path) ? true : undefined), 5000, () => 'the extension indexed the new draft');
  return draft;
}

async function revert(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('a Hugo blog beside a Hexo blog', function () {
  this.timeout(30_000);

  before(async () => {
    assert.ok(hugoRoot(), 'the runner opens examples/hugo-blog beside examples/hexo-blog');
    await activatePostcraft();
  });

  it('offers the site\'s terms in TOML arrays, from every configured taxonomy', async () => {
    const uri = vscode.Uri.joinPath(hugoRoot()!, 'content', 'posts', 'gradient-descent.md');
    const { position } = await typeInto(uri, '+++\ntitle = "梯度下降的直觉"\ntags = ["机器学习", |]\nseries = []\n+++\n正文\n');
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, ',');
      const labels = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Keyword || /^\d{5}$/.test(item.sortText ?? '')).map(labelOf);
      assert.ok(labels.includes('Go') && labels.includes('后端'), `tags offered: ${labels.join(', ')}`);
      assert.ok(!labels.includes('机器学习'), 'a tag already written is not offered again');
      const { position: series } = await typeInto(uri, '+++\ntitle = "x"\nseries = [|]\n+++\n');
      const offered = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, series, '[')).items.map(labelOf);
      assert.ok(offered.includes('Go 并发笔记'), `series offered: ${offered.join(', ')}`);
    } finally {
      await revert(uri);
    }
  });

  it('reports what stops Hugo\'s build, and a date Hugo zeroes with a quick fix', async () => {
    const uri = vscode.Uri.joinPath(hugoRoot()!, 'content', 'posts', 'reading-list-2025.md');
    await typeInto(uri, '---\ntitle: 2025 年读过的书\ndate: 2025-12-30 22:00\n---\n\n{{< nope >}}\n');
    try {
      const diagnostics = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
        return found.some((d) => codeOf(d) === 'PC513') && found.some((d) => codeOf(d) === 'PC305') ? found : undefined;
      }, 10_000, 'PC513 and PC305');
      const unknown = diagnostics.find((d) => codeOf(d) === 'PC513')!;
      assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(unknown.range.start.line, 5);
      const zeroed = diagnostics.find((d) => codeOf(d) === 'PC305')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, zeroed.range);
      const fix = actions.find((action) => action.title.includes('2025-12-30 22:00:00'));
      assert.ok(fix?.edit, `a fix among ${actions.map((action) => action.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.lineAt(2).text, 'date: 2025-12-30 22:00:00');
    } finally {
      await revert(uri);
    }
  });

  it('counts the words of a TOML post\'s body, not of its front matter', async () => {
    const api = await activatePostcraft();
    const uri = vscode.Uri.joinPath(hugoRoot()!, 'content', 'about.md');
    await vscode.window.showTextDocument(uri);
    // The body's 27 CJK characters; read with Hexo's `---` split, the TOML block would count too (38).
    let counted: number | undefined;
    const count = await waitFor(async () => {
      const shown = await api.wordCount();
      counted = shown?.total;
      return counted === 27 ? shown : undefined;
    }, 5000, () => `27 words, counted ${counted}`);
    assert.equal(count.total, 27);
  });

  it('creates a post from the section archetype, publishes it in place and stamps lastmod', async () => {
    const root = hugoRoot()!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.newPost, { site: root.fsPath, title: 'Postcraft Hugo 集成测试', tags: ['Go', '测试'] });
    try {
      assert.equal(uri.toString(), vscode.Uri.joinPath(root, 'content', 'posts', 'postcraft-hugo-集成测试.md').toString());
      const created = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      // archetypes/posts.md, filled: the typed title in the archetype's quotes, the tags, still a draft.
      assert.match(created, /^\+\+\+\ntitle = 'Postcraft Hugo 集成测试'\ndate = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00\ndraft = true\ntags = \["Go", "测试"\]\ncategories = \[\]\nseries = \[\]\n\+\+\+\n/);
      const published = await vscode.commands.executeCommand<vscode.Uri>(Commands.publishDraft, uri);
      assert.equal(published.toString(), uri.toString(), 'a Hugo draft is published where it is');
      const document = await vscode.workspace.openTextDocument(uri);
      assert.match(document.getText(), /^draft = false$/m);
      assert.ok(await vscode.commands.executeCommand<boolean>(Commands.updateTimestamp, uri));
      assert.match(document.getText(), /^lastmod = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/m);
      await document.save();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('creates a post as a page bundle when asked: a folder with index.md', async () => {
    const root = hugoRoot()!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.newPost, { site: root.fsPath, title: 'Postcraft Bundle Test', bundle: true });
    const folder = vscode.Uri.joinPath(root, 'content', 'posts', 'postcraft-bundle-test');
    try {
      assert.equal(uri.toString(), vscode.Uri.joinPath(folder, 'index.md').toString());
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), /^title = 'Postcraft Bundle Test'$/m);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('publishes a dated draft keeping its date, or dated now when asked', async () => {
    const dated = await indexedDraft('postcraft-dated-draft.md', '---\ntitle: Dated\ndate: 2020-01-02\ndraft: true\n---\n');
    try {
      await vscode.commands.executeCommand(Commands.publishDraft, { uri: dated, redate: true });
      const text = (await vscode.workspace.openTextDocument(dated)).getText();
      assert.match(text, /^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/m, 'the written date became now');
      assert.doesNotMatch(text, /2020-01-02/);
      assert.match(text, /^draft: false$/m);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(dated);
    }
  });

  // The node is built in this host, as the view builds it in the extension's: a SiteIndex cannot be
  // sent to another extension host (the web worker's).
  it('[node] publishes from a Posts view node: a draft without a date is dated now, unasked', async () => {
    const root = hugoRoot()!;
    const dateless = await indexedDraft('postcraft-dateless-draft.md', '---\ntitle: Dateless\ndraft: true\n---\n');
    try {
      // The Posts view's inline action passes its node.
      const index = await SiteIndex.build(await loadHugoSite(createVscodeFileSystem(root), root.path), createVscodeFileSystem(root));
      const record = index.post(dateless.path);
      assert.equal(record?.published, false);
      const target = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.publishDraft, { type: 'post', site: index, record });
      assert.equal(target?.toString(), dateless.toString());
      const published = (await vscode.workspace.openTextDocument(dateless)).getText();
      assert.match(published, /^draft: false\ndate: \d{4}-/m);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(dateless);
    }
  });

  it('renames a term of any taxonomy across the Hugo site, in each page\'s dialect', async () => {
    const root = hugoRoot()!;
    const files = ['go-context-cancellation.md', 'http-timeouts.md'].map((name) => vscode.Uri.joinPath(root, 'content', 'posts', name));
    const before = await Promise.all(files.map(async (uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
    try {
      // `go 并发笔记` is the term Hugo keys `Go 并发笔记` by: every spelling of it is renamed.
      const changed = await vscode.commands.executeCommand<vscode.Uri[]>(Commands.renameTerm, { taxonomy: 'series', from: 'go 并发笔记', to: 'Go 并发', site: root.fsPath });
      assert.deepEqual(changed.map((uri) => uri.path.split('/').pop()).sort(), ['go-context-cancellation.md', 'http-timeouts.md']);
      const texts = await Promise.all(files.map(async (uri) => (await vscode.workspace.openTextDocument(uri)).getText()));
      assert.match(texts[0], /^series = \["Go 并发"\]$/m);
      assert.match(texts[1], /^series: \[Go 并发\]$/m);
      assert.equal(texts[0].replace('"Go 并发"', '"Go 并发笔记"'), before[0]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await Promise.all(files.map((uri, i) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(before[i]))));
    }
  });

  it('shows Hugo\'s taxonomies, its in-place drafts and its scheduled posts in the Posts view', async () => {
    const root = hugoRoot()!;
    const future = vscode.Uri.joinPath(root, 'content', 'posts', 'postcraft-future.md');
    await vscode.workspace.fs.writeFile(future, new TextEncoder().encode('---\ntitle: Next year\npublishDate: 2099-01-01\n---\n'));
    const index = await SiteIndex.build(await loadHugoSite(createVscodeFileSystem(root), root.path), createVscodeFileSystem(root));
    const changes = new vscode.EventEmitter<SiteIndex | undefined>();
    const service = { sites: [index], onDidChange: changes.event, onDidChangeTaxonomy: changes.event } as unknown as SiteService;
    const tree = new PostsTreeProvider(service);
    try {
      const groups = tree.getChildren();
      assert.deepEqual(groups.map((node) => tree.getTreeItem(node).label), [vscode.l10n.t('Tags'), vscode.l10n.t('Categories'), 'series', vscode.l10n.t('Drafts'), vscode.l10n.t('Scheduled or expired')]);
      assert.deepEqual(tree.getChildren(groups[4]).map((node) => node.type === 'post' && node.record.title), ['Next year']);
      const series = tree.getChildren(groups[2]);
      const concurrency = series.find((node) => node.type === 'term' && node.term === 'go-并发笔记');
      assert.ok(concurrency, `series terms: ${series.map((node) => tree.getTreeItem(node).label).join(', ')}`);
      assert.equal(tree.getTreeItem(concurrency).description, '2');
      assert.equal(tree.getChildren(concurrency).length, 2);
      const drafts = tree.getChildren(groups[3]);
      assert.deepEqual(drafts.map((node) => node.type === 'post' && node.record.path.split('/').pop()), ['rust-ownership-draft.md']);
      assert.equal(tree.getTreeItem(drafts[0]).contextValue, TreeItemKinds.draft, 'Publish Draft is offered on it');
    } finally {
      tree.dispose();
      changes.dispose();
      await vscode.workspace.fs.delete(future);
    }
  });

  it('moving a page keeps the refs to it: renamed through a WorkspaceEdit, the linking page follows in the same edit', async () => {
    const root = hugoRoot()!;
    const linked = vscode.Uri.joinPath(root, 'content', 'posts', 'http-timeouts.md');
    const moved = vscode.Uri.joinPath(root, 'content', 'posts', 'go-http-timeouts.md');
    const linking = vscode.Uri.joinPath(root, 'content', 'posts', 'go-context-cancellation.md');
    // An earlier test rewrote the linking page on disk: its open document catches up first.
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(linking));
    await waitFor(async () => ((await vscode.workspace.openTextDocument(linking)).getText() === onDisk ? true : undefined), 5000, 'the linking page\'s document to match the disk');
    await renameThroughEdit(linked, moved);
    try {
      assert.match((await vscode.workspace.openTextDocument(linking)).getText(), /\{\{< ref "go-http-timeouts\.md" >\}\}/);
    } finally {
      await renameThroughEdit(moved, linked);
    }
    assert.match((await vscode.workspace.openTextDocument(linking)).getText(), /\{\{< ref "http-timeouts\.md" >\}\}/);
    // Back as it was on disk: the linking page is left unsaved, never written.
    await vscode.window.showTextDocument(linking);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
