import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, TreeItemKinds } from '../../src/vscode/constants';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { loadJekyllSite } from '../../src/core/generators/jekyll/jekyllSite';
import { createVscodeFileSystem } from '../../src/vscode/services/vscodeFileSystem';
import type { SiteService } from '../../src/vscode/services/siteService';
import { PostsTreeProvider } from '../../src/vscode/features/posts/postsTree';
import { activatePostcraft, renameThroughEdit, typeInto, waitFor } from './support';

/**
 * Postcraft on the Jekyll sample blog (examples/jekyll-blog), open beside the Hexo and Hugo ones:
 * completion of layouts and of tags in Jekyll's string form, Jekyll's diagnostics and their quick
 * fixes, through the editor's public API.
 */
function jekyllRoot(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.find((folder) => folder.name === 'jekyll-blog')?.uri;
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
const codeOf = (diagnostic: vscode.Diagnostic): string => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);

async function revert(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('a Jekyll blog beside the Hexo and Hugo ones', function () {
  this.timeout(30_000);

  before(async () => {
    assert.ok(jekyllRoot(), 'the runner opens examples/jekyll-blog beside examples/hexo-blog');
    await activatePostcraft();
  });

  it('offers the site\'s layouts, the one its defaults give first, and tags a word at a time in a string', async () => {
    const uri = vscode.Uri.joinPath(jekyllRoot()!, 'tech', '_posts', '2026-02-10-ruby-blocks.md');
    const { position } = await typeInto(uri, '---\ntitle: Ruby 的 block\nlayout: |\ntags: Ruby\n---\n正文\n');
    try {
      const layouts = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position)).items
        .filter((item) => item.kind === vscode.CompletionItemKind.Value || item.kind === vscode.CompletionItemKind.EnumMember || item.kind === vscode.CompletionItemKind.Constant)
        .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))
        .map(labelOf);
      assert.deepEqual(layouts, ['post', 'default', 'page', 'none'], 'the defaults give posts `post`');
      const { position: word } = await typeInto(uri, '---\ntitle: Ruby 的 block\ntags: Ruby 写|\n---\n正文\n');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, word);
      const item = list.items.find((candidate) => labelOf(candidate) === '写作');
      assert.ok(item, `写作 offered among ${list.items.map(labelOf).join(', ')}`);
      assert.ok(!list.items.some((candidate) => labelOf(candidate) === 'Ruby'), 'a word already written is not offered');
      const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
      assert.equal(range.start.character, 'tags: Ruby '.length, 'only the word at the cursor is replaced');
    } finally {
      await revert(uri);
    }
  });

  it('warns that Jekyll reads a time without an offset as UTC, and writes the site\'s offset when asked', async () => {
    const uri = vscode.Uri.joinPath(jekyllRoot()!, '_posts', '2026-03-02-ai-side-income.md');
    // As a writer coming from Hexo writes it.
    await typeInto(uri, '---\ntitle: 用 AI 做副业\ndate: 2026-03-02 17:32:00|\ntags: [AI赚钱, 副业]\n---\n正文\n');
    try {
      const utc = await waitFor(() => ours(uri).find((d) => codeOf(d) === 'PC307'), 10_000, 'PC307 on the sample post');
      assert.equal(utc.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(utc.message, /2026-03-03 01:32:00/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, utc.range);
      const fix = actions.find((action) => action.title.includes('+0800'));
      assert.ok(fix?.edit, `a fix among ${actions.map((action) => action.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.lineAt(2).text, 'date: 2026-03-02 17:32:00 +0800');
      await waitFor(() => (ours(uri).some((d) => codeOf(d) === 'PC307') ? undefined : true), 10_000, 'PC307 gone after the fix');
    } finally {
      await revert(uri);
    }
  });

  it('says why Jekyll skips a _posts file without a date, and splits comma tags as Jekyll does', async () => {
    const skipped = vscode.Uri.joinPath(jekyllRoot()!, '_posts', 'postcraft-undated-notes.md');
    await vscode.workspace.fs.writeFile(skipped, new TextEncoder().encode('---\ntitle: Notes\ntags: 读书, 笔记\n---\nBody\n'));
    try {
      await vscode.window.showTextDocument(skipped);
      const found = await waitFor(() => {
        const codes = ours(skipped).map(codeOf);
        return codes.includes('PC109') && codes.includes('PC411') ? ours(skipped) : undefined;
      }, 10_000, () => `PC109 and PC411, got ${ours(skipped).map(codeOf).join(', ')}`);
      assert.match(found.find((d) => codeOf(d) === 'PC109')!.message, /postcraft-undated-notes\.md/);
      const comma = found.find((d) => codeOf(d) === 'PC411')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', skipped, comma.range);
      const fix = actions.find((action) => action.title.includes('[读书, 笔记]'));
      assert.ok(fix?.edit, `a fix among ${actions.map((action) => action.title).join(' | ')}`);
      // Not part of fix-all: the tags Jekyll reads change.
      const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', skipped, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
      assert.ok(fixAll.every((action) => !action.edit || action.edit.entries().every(([, edits]) => edits.every((edit) => !edit.newText.includes('[读书')))), 'fix-all leaves the comma tags alone');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(skipped);
    }
  });
  it('creates a post as jekyll-compose names it, publishes a draft into _posts, unpublishes it and stamps last_modified_at', async () => {
    const root = jekyllRoot()!;
    const created = await vscode.commands.executeCommand<vscode.Uri>(Commands.newPost, { site: root.fsPath, title: 'Postcraft Jekyll 集成测试', tags: ['Jekyll', '测试'] });
    const draft = await vscode.commands.executeCommand<vscode.Uri>(Commands.newPost, { site: root.fsPath, title: 'Postcraft draft', layout: 'draft' });
    let published: vscode.Uri | undefined;
    let unpublished: vscode.Uri | undefined;
    try {
      assert.match(created.path, /\/jekyll-blog\/_posts\/\d{4}-\d\d-\d\d-postcraft-jekyll-集成测试\.md$/);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      // The sample blog's defaults give posts their layout: none written.
      assert.match(text, /^---\ntitle: Postcraft Jekyll 集成测试\ndate: \d{4}-\d\d-\d\d \d\d:\d\d \+0800\ntags: \[Jekyll, 测试\]\n/);
      assert.doesNotMatch(text, /^layout:/m);
      assert.equal(draft.toString(), vscode.Uri.joinPath(root, '_drafts', 'postcraft-draft.md').toString());
      published = await vscode.commands.executeCommand<vscode.Uri>(Commands.publishDraft, draft);
      assert.match(published.path, /\/_posts\/\d{4}-\d\d-\d\d-postcraft-draft\.md$/);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(draft)), 'the draft moved');
      assert.match((await vscode.workspace.openTextDocument(published)).getText(), /^date: \d{4}-\d\d-\d\d \d\d:\d\d \+0800$/m);
      assert.ok(await vscode.commands.executeCommand<boolean>(Commands.updateTimestamp, published));
      const stamped = await vscode.workspace.openTextDocument(published);
      assert.match(stamped.getText(), /^last_modified_at: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0800$/m);
      await stamped.save();
      unpublished = await vscode.commands.executeCommand<vscode.Uri>(Commands.unpublishPost, published);
      assert.equal(unpublished?.toString(), draft.toString(), 'back to _drafts under its slug');
      published = undefined;
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of [created, draft, published, unpublished]) if (uri) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('renames a tag across the Jekyll site, a word in a string and an item in a list', async () => {
    const root = jekyllRoot()!;
    const list = vscode.Uri.joinPath(root, '_posts', '2026-01-15-hello-jekyll.md');
    const words = vscode.Uri.joinPath(root, 'tech', '_posts', '2026-02-10-ruby-blocks.md');
    const files = [list, words];
    const before = await Promise.all(files.map(async (uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
    try {
      // Through the document (an earlier test had it open): the editor and the index see the same text.
      const document = await vscode.workspace.openTextDocument(words);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(words, new vscode.Range(0, 0, document.lineCount, 0), before[1].replace('tags: Ruby 编程', 'tags: Ruby 写作 编程'));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await document.save();
      const api = await activatePostcraft();
      let counted = 0;
      await waitFor(async () => ((counted = await api.tagCount('写作')) === 2 ? true : undefined), 5000, () => `the index to count 写作 twice (${counted})`);
      const changed = await vscode.commands.executeCommand<vscode.Uri[]>(Commands.renameTerm, { taxonomy: 'tags', from: '写作', to: '随笔写作', site: root.fsPath });
      assert.deepEqual(changed.map((uri) => uri.path.split('/').pop()).sort(), ['2026-01-15-hello-jekyll.md', '2026-02-10-ruby-blocks.md']);
      const texts = await Promise.all(files.map(async (uri) => (await vscode.workspace.openTextDocument(uri)).getText()));
      assert.match(texts[0], /^tags: \[Jekyll, 随笔写作\]$/m);
      assert.match(texts[1], /^tags: Ruby 随笔写作 编程$/m);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await Promise.all(files.map((uri, i) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(before[i]))));
    }
  });
  it('opens the post a post_url names, and keeps post_url working when that post is renamed', async () => {
    const root = jekyllRoot()!;
    const linking = vscode.Uri.joinPath(root, 'tech', '_posts', '2026-02-10-ruby-blocks.md');
    const linked = vscode.Uri.joinPath(root, '_posts', '2026-01-15-hello-jekyll.md');
    const renamed = vscode.Uri.joinPath(root, '_posts', '2026-01-15-moved-to-jekyll.md');
    const document = await vscode.workspace.openTextDocument(linking);
    const at = document.positionAt(document.getText().indexOf('2026-01-15-hello-jekyll') + 3);
    // The previous test rewrote this post: the index may be reading it again.
    const definitions = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', linking, at);
      return found.length > 0 ? found : undefined;
    }, 5000, 'a definition for the post_url');
    const targets = definitions.map((definition) => ('targetUri' in definition ? definition.targetUri : definition.uri).toString());
    assert.deepEqual(targets, [linked.toString()]);
    await renameThroughEdit(linked, renamed);
    try {
      assert.match((await vscode.workspace.openTextDocument(linking)).getText(), /\{% post_url 2026-01-15-moved-to-jekyll %\}/);
    } finally {
      await renameThroughEdit(renamed, linked);
    }
    assert.match((await vscode.workspace.openTextDocument(linking)).getText(), /\{% post_url 2026-01-15-hello-jekyll %\}/);
    // Back as it was on disk: the linking page is left unsaved, never written.
    await vscode.window.showTextDocument(linking);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
  it('shows the Jekyll site in the Posts view: tags, categories (folders too) and drafts, with Publish on a draft', async () => {
    const root = jekyllRoot()!;
    const fs = createVscodeFileSystem(root);
    const index = await SiteIndex.build(await loadJekyllSite(fs, root.path), fs);
    const changes = new vscode.EventEmitter<SiteIndex | undefined>();
    const service = { sites: [index], onDidChange: changes.event, onDidChangeTaxonomy: changes.event } as unknown as SiteService;
    const tree = new PostsTreeProvider(service);
    try {
      const groups = tree.getChildren();
      assert.deepEqual(groups.map((node) => tree.getTreeItem(node).label), [vscode.l10n.t('Tags'), vscode.l10n.t('Categories'), vscode.l10n.t('Drafts')]);
      const categories = tree.getChildren(groups[1]).map((node) => tree.getTreeItem(node).label);
      assert.ok(categories.includes('tech') && categories.includes('技术思考'), `categories: ${categories.join(', ')}`);
      const drafts = tree.getChildren(groups[2]);
      assert.deepEqual(drafts.map((node) => node.type === 'post' && node.record.path.split('/').pop()), ['static-typing-notes.md']);
      assert.equal(tree.getTreeItem(drafts[0]).contextValue, TreeItemKinds.draft, 'Publish Draft is offered on it');
    } finally {
      tree.dispose();
      changes.dispose();
    }
  });
  // A terminal runs a process: the browser build has none.
  it('[node] deploys a Jekyll site with Jekyll\'s command, not Hexo\'s, when the writer sets none', async () => {
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>(Commands.deploy, vscode.Uri.joinPath(jekyllRoot()!, '_config.yml'));
    try {
      assert.equal(terminal.name, vscode.l10n.t('{0} deploy', 'Jekyll'));
      assert.equal(((terminal.creationOptions as vscode.TerminalOptions).cwd as vscode.Uri).toString(), jekyllRoot()!.toString());
    } finally {
      terminal.dispose();
    }
  });
});
