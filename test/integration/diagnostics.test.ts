import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE } from '../../src/vscode/constants';
import { activatePostcraft } from './support';

/**
 * Validation in the real editor, on a fresh copy of examples/hexo-blog: diagnostics as the author
 * sees them (`languages.getDiagnostics`), quick fixes through `vscode.executeCodeActionProvider`,
 * applied with `workspace.applyEdit`, and "Check All Posts".
 */
function root(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

function postcraftDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

async function waitForCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(() => postcraftDiagnostics(uri).find((diagnostic) => codeOf(diagnostic) === code), `${code} on ${uri.path}`);
}

function rangeOf(diagnostic: vscode.Diagnostic): number[] {
  const { start, end } = diagnostic.range;
  return [start.line, start.character, end.line, end.character];
}

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  // Other extensions may offer quick fixes too: keep Postcraft's (its titles), in the order given.
  return actions.filter((action) => POSTCRAFT_FIX_TITLE.test(action.title));
}

const POSTCRAFT_FIX_TITLE = /^(Remove the duplicate|Rename to|Replace with|Wrap in \{% raw %\}|Add "disableNunjucks: true")/;

const FAULTY = [
  '---',
  'title: 诊断测试',
  'date: 2026-03-02 10:00:00',
  'tags: [Hexo, 前端, Hexo] # 标签',
  'catagories:',
  '  - 技术',
  '---',
  '',
  'Hello {{ message }}!',
  '',
].join('\n');

describe('validation diagnostics in the editor', function () {
  this.timeout(60_000);
  const faulty = (): vscode.Uri => vscode.Uri.joinPath(root(), 'source', '_posts', 'postcraft-diagnostics-test.md');

  before(async () => {
    await activatePostcraft();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(faulty()).then(undefined, () => undefined);
  });

  it('Check All Posts finds nothing wrong in the sample blogs: one piece of advice each, no warning or error', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number; infos: number }>(Commands.checkAll);
    assert.ok(summary.files >= 28, `checked ${summary.files} files`);
    assert.deepEqual([summary.errors, summary.warnings, summary.infos], [0, 0, 2]);
    // The Hugo blog's advice: its draft is left out of the default build.
    const hugo = vscode.workspace.workspaceFolders!.find((folder) => folder.name === 'hugo-blog')!.uri;
    assert.deepEqual(postcraftDiagnostics(vscode.Uri.joinPath(hugo, 'content', 'posts', 'rust-ownership-draft.md')).map((d) => d.code), ['PC306']);
    // The Jekyll blog: nothing at all.
    const jekyll = vscode.workspace.workspaceFolders!.find((folder) => folder.name === 'jekyll-blog')!;
    const jekyllPosts = await vscode.workspace.findFiles(new vscode.RelativePattern(jekyll, '**/_posts/*.md'));
    assert.equal(jekyllPosts.length, 5);
    for (const uri of jekyllPosts) assert.deepEqual(postcraftDiagnostics(uri).map((d) => d.code), [], uri.path);
    const posts = await vscode.workspace.findFiles('source/**/*.md');
    assert.ok(posts.length >= 18);
    for (const uri of posts) {
      const expected = uri.path.endsWith('/ai-side-income-ledger.md') ? ['PC501'] : [];
      assert.deepEqual(postcraftDiagnostics(uri).map((d) => d.code), expected, uri.path);
    }
  });

  it('shows an open sample post without diagnostics', async () => {
    const uri = vscode.Uri.joinPath(root(), 'source', '_posts', 'nunjucks-braces-in-hexo.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(postcraftDiagnostics(uri), []);
  });

  it('reports faults of a new post with exact ranges, codes and messages', async () => {
    await vscode.workspace.fs.writeFile(faulty(), new TextEncoder().encode(FAULTY));
    const document = await vscode.workspace.openTextDocument(faulty());
    await vscode.window.showTextDocument(document);
    const duplicate = await waitForCode(faulty(), 'PC403');
    assert.deepEqual(rangeOf(duplicate), [3, 17, 3, 21]);
    assert.equal(duplicate.message, 'The tag "Hexo" is written twice: Hexo counts this post twice under it.');
    assert.equal(duplicate.severity, vscode.DiagnosticSeverity.Warning);
    const typo = await waitForCode(faulty(), 'PC203');
    assert.deepEqual(rangeOf(typo), [4, 0, 4, 10]);
    const variable = await waitForCode(faulty(), 'PC507');
    assert.deepEqual(rangeOf(variable), [8, 6, 8, 19]);
  });

  it('removes a duplicate tag with its preferred quick fix, keeping the flow list and the comment', async () => {
    const uri = faulty();
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostic = await waitForCode(uri, 'PC403');
    const fixes = await quickFixes(uri, diagnostic);
    assert.deepEqual(fixes.map((fix) => [fix.title, fix.isPreferred]), [['Remove the duplicate "Hexo"', true]]);
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit!));
    assert.equal(document.lineAt(3).text, 'tags: [Hexo, 前端] # 标签');
  });

  it('renames a misspelled key in place', async () => {
    const uri = faulty();
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostic = await waitFor(() => postcraftDiagnostics(uri).find((d) => codeOf(d) === 'PC203' && d.range.start.line === 4), 'PC203');
    const [rename] = await quickFixes(uri, diagnostic);
    assert.equal(rename.title, 'Rename to "categories"');
    assert.ok(await vscode.workspace.applyEdit(rename.edit!));
    assert.equal(document.getText(), FAULTY.replace('tags: [Hexo, 前端, Hexo]', 'tags: [Hexo, 前端]').replace('catagories:', 'categories:'));
  });

  it('offers raw escaping first and disableNunjucks second for a template variable', async () => {
    const uri = faulty();
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostic = await waitFor(() => postcraftDiagnostics(uri).find((d) => codeOf(d) === 'PC507' && postcraftDiagnostics(uri).every((other) => codeOf(other) !== 'PC203')), 'PC507 after the rename');
    const fixes = await quickFixes(uri, diagnostic);
    assert.deepEqual(fixes.map((fix) => [fix.title, fix.isPreferred]), [
      ['Wrap in {% raw %}...{% endraw %}', true], ['Add "disableNunjucks: true" to the front matter', false],
    ]);
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit!));
    assert.equal(document.lineAt(8).text, 'Hello {% raw %}{{ message }}{% endraw %}!');
    await waitFor(() => (postcraftDiagnostics(uri).length === 0 ? true : undefined), 'no diagnostics left');
  });

  it('refreshes while typing and fixes everything with source.fixAll.postcraft; honours context.only', async () => {
    const uri = faulty();
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const line = document.lineAt(3);
    assert.ok(await editor.edit((edit) => edit.replace(line.range, 'tags: [Hexo, 前端, Hexo, 随笔, 随笔]')));
    await waitForCode(uri, 'PC403');
    const onlyQuickFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, line.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(onlyQuickFixes.every((action) => !action.kind || !action.kind.value.startsWith('source')));
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, line.range, 'source.fixAll.postcraft');
    const ours = fixAll.filter((action) => action.kind?.value === 'source.fixAll.postcraft');
    assert.equal(ours.length, 1);
    assert.ok(await vscode.workspace.applyEdit(ours[0].edit!));
    assert.equal(document.lineAt(3).text, 'tags: [Hexo, 前端, 随笔]');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('source.fixAll applies only the safe fixes: a re-cased tag stays a quick fix, a missing date is written as Hexo reads it', async () => {
    const uri = vscode.Uri.joinPath(root(), 'source', '_posts', 'postcraft-fix-all-safety-test.md');
    const text = '---\ntitle: 只修安全的\ntags: [hexo, 随笔, 随笔]\n---\n正文\n';
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      // `hexo` is `Hexo` elsewhere in the site: a good suggestion, but another tag to Hexo.
      const recase = await waitForCode(uri, 'PC404');
      assert.deepEqual((await quickFixes(uri, recase)).map((fix) => [fix.title, fix.isPreferred]), [['Replace with "Hexo"', true]]);
      // No date, and :title.md names carry none: Hexo dates the post by the file's birth time, shown here.
      const missingDate = await waitForCode(uri, 'PC201');
      const born = /by its file on disk \((\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) here\)/.exec(missingDate.message)?.[1];
      assert.ok(born, missingDate.message);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, document.lineAt(2).range, vscode.CodeActionKind.SourceFixAll.value);
      const ours = actions.filter((action) => action.kind?.value === 'source.fixAll.postcraft');
      assert.equal(ours.length, 1);
      assert.ok(await vscode.workspace.applyEdit(ours[0].edit!));
      assert.equal(document.getText(), `---\ntitle: 只修安全的\ndate: ${born}\ntags: [hexo, 随笔]\n---\n正文\n`);
      // The re-case is still there to pick.
      const still = await waitFor(() => postcraftDiagnostics(uri).find((d) => codeOf(d) === 'PC404' && postcraftDiagnostics(uri).every((other) => codeOf(other) !== 'PC403')), 'PC404 after fix-all');
      assert.deepEqual((await quickFixes(uri, still)).map((fix) => fix.title), ['Replace with "Hexo"']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('keeps Check All\'s results for a closed file current: re-checked when it changes on disk (also once clean), cleared when deleted', async () => {
    const closed = vscode.Uri.joinPath(root(), 'source', '_posts', 'postcraft-closed-file-test.md');
    const write = (tags: string): Thenable<void> => vscode.workspace.fs.writeFile(closed,
      new TextEncoder().encode(`---\ntitle: 未打开的文章\ndate: 2026-03-02 10:00:00\n${tags}\n---\n正文\n`));
    const codes = (): string[] => postcraftDiagnostics(closed).map(codeOf);
    try {
      await write('tags: 读书，笔记');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the file is not open');
      // The site index picks the new file up from the file watcher: check again until it has.
      await waitFor(async () => {
        await vscode.commands.executeCommand(Commands.checkAll);
        return codes().includes('PC406') ? true : undefined;
      }, 'PC406 from Check All');
      await write('tags: [读书, 笔记, 笔记]');
      await waitFor(() => (codes().join() === 'PC403' ? true : undefined), 'PC403 alone after the change');
      // Clean, then broken again: a post Check All found clean is followed too.
      await write('tags: [读书, 笔记]');
      await waitFor(() => (codes().length === 0 ? true : undefined), 'no diagnostics once it is clean');
      await write('tags: 读书，笔记');
      await waitFor(() => (codes().includes('PC406') ? true : undefined), 'PC406 again when it breaks');
      await vscode.workspace.fs.delete(closed);
      await waitFor(() => (codes().length === 0 ? true : undefined), 'no diagnostics after the delete');
    } finally {
      await vscode.workspace.fs.delete(closed).then(undefined, () => undefined);
    }
  });

  it('checks a post that appears on disk after Check All, alone or in a folder moved in, without another Check All', async () => {
    const summary = await vscode.commands.executeCommand<{ cancelled: boolean }>(Commands.checkAll);
    assert.equal(summary.cancelled, false);
    const created = vscode.Uri.joinPath(root(), 'source', '_posts', 'postcraft-created-after-check.md');
    const outside = vscode.Uri.joinPath(root(), 'postcraft-outside-source');
    const moved = vscode.Uri.joinPath(root(), 'source', '_posts', 'postcraft-series');
    const codes = (): string[] => postcraftDiagnostics(created).map(codeOf);
    try {
      assert.deepEqual(codes(), []);
      // As a `git pull` would bring it: written on disk, never opened.
      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('---\ntitle: 新拉下来的文章\ndate: 2026-03-03 10:00:00\ntags: 读书，笔记\n---\n正文\n'));
      await waitFor(() => (codes().includes('PC406') ? true : undefined), 'PC406 on the new post');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === created.toString()), 'the file was never opened');
      await vscode.workspace.fs.delete(created);
      await waitFor(() => (codes().length === 0 ? true : undefined), 'no diagnostics after the delete');

      // A folder of posts moved into the source folder arrives as one event for the folder.
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(outside, 'series', 'part-1.md'), new TextEncoder().encode('---\ntitle: 系列一\ndate: 2026-03-04 10:00:00\ntags: 读书、笔记\n---\n正文\n'));
      await vscode.workspace.fs.rename(vscode.Uri.joinPath(outside, 'series'), moved);
      const movedPost = vscode.Uri.joinPath(moved, 'part-1.md');
      await waitFor(() => (postcraftDiagnostics(movedPost).map(codeOf).includes('PC406') ? true : undefined), 'PC406 on the post of the moved folder');
      // The index has read the folder too (the post is not open), and forgets it when the folder goes.
      const api = await activatePostcraft();
      assert.ok((await api.indexedPaths()).includes(movedPost.path), 'the moved-in post is indexed');
      await vscode.workspace.fs.delete(moved, { recursive: true });
      await waitFor(async () => ((await api.indexedPaths()).includes(movedPost.path) ? undefined : true), 'the deleted folder\'s post gone from the index');
    } finally {
      await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(moved, { recursive: true }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(outside, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
