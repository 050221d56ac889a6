import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { countWords } from '../../src/core/text/wordCount';
import { splitFrontMatter } from '../../src/core/frontMatter';
import type { SiteSummary } from '../../src/vscode/features/siteSummary';
import { activatePostcraft, blogFile, openPost, postcraftExtension, waitFor, workspaceRoot } from './support';
import { Commands, EXTENSION_ID, Settings } from '../../src/vscode/constants';

describe('the extension shell on the sample blog', () => {
  it('returns from activate() at once, without waiting for the index', async () => {
    const api = await activatePostcraft();
    const { activationMs } = await api.timing();
    assert.ok(activationMs < 250, `activate() took ${activationMs} ms`);
  });

  it('drops a post deleted on disk, even when its document, still held by VS Code, is reverted afterwards', async () => {
    const api = await activatePostcraft();
    const uri = blogFile('source', '_posts', 'postcraft-deleted-while-open.md');
    const held = async (): Promise<boolean> => (await api.indexedPaths()).some((path) => path.endsWith('/postcraft-deleted-while-open.md'));
    const settings = vscode.workspace.getConfiguration(Settings.section);
    // A long debounce holds the revert's re-index back until after the deletion has been seen.
    await settings.update(Settings.indexDebounceMs, 1500, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntitle: 删掉的文章\n---\n正文\n'));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor(async () => ((await held()) ? true : undefined), 5000, 'the new post in the index');
      await editor.edit((edit) => edit.insert(new vscode.Position(4, 0), '多一行\n'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.workspace.fs.delete(uri);
      await waitFor(async () => ((await held()) ? undefined : true), 5000, 'the deleted post to leave the index');
      // The revert's pending re-index runs now, on a clean document of a file that is gone.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      assert.equal(await held(), false, 'a clean document of a deleted file is no post');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await settings.update(Settings.indexDebounceMs, undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('indexes the blog and reports it through postcraft.showSiteSummary', async () => {
    const api = await activatePostcraft();
    // Counted from the files of the sample blog, independently of the index.
    const posts = (await vscode.workspace.fs.readDirectory(blogFile('source', '_posts'))).filter(([name]) => name.endsWith('.md'));
    const drafts = (await vscode.workspace.fs.readDirectory(blogFile('source', '_drafts'))).filter(([name]) => name.endsWith('.md'));
    // Earlier suites create and delete scratch posts; file watchers report deletions asynchronously.
    let indexed: string[] = [];
    const summary = await waitFor(async () => {
      const current = await vscode.commands.executeCommand<SiteSummary>(Commands.showSiteSummary, { quiet: true });
      indexed = await api.indexedPaths();
      return current.sites.find((entry) => entry.root === workspaceRoot().path)?.posts === posts.length ? current : undefined;
    }, 5000, () => `the index to hold the ${posts.length} posts on disk (it holds: ${indexed.map((path) => path.split('/').pop()).join(', ')})`);
    // The Hexo sample blog, and the Hugo and Jekyll ones beside it.
    assert.equal(summary.sites.length, 3);
    const site = summary.sites.find((entry) => entry.root === workspaceRoot().path)!;
    assert.ok(site, 'the Hexo blog is one of the sites');
    const hugo = summary.sites.find((entry) => entry.root.endsWith('/hugo-blog'));
    assert.equal(hugo?.posts, 7, 'the Hugo blog\'s posts (its draft included)');
    const jekyll = summary.sites.find((entry) => entry.root.endsWith('/jekyll-blog'));
    assert.equal(jekyll?.posts, 5, 'the Jekyll blog\'s posts, those below category folders included');
    assert.equal(jekyll?.drafts, 1, 'and its draft in _drafts');
    assert.equal(site.posts, posts.length);
    assert.equal(site.drafts, drafts.length);
    assert.ok(site.tags >= 10, `the sample blog has a rich tag vocabulary, got ${site.tags}`);
    assert.ok(site.categories >= 5, `and nested categories, got ${site.categories}`);
  });

  it('reflects an unsaved edit in the index within one debounce', async () => {
    await activatePostcraft();
    const editor = await openPost('source', '_posts', 'pour-over-coffee-notes.md');
    const before = await vscode.commands.executeCommand<SiteSummary>(Commands.showSiteSummary, { quiet: true });
    const tagsLine = editor.document.getText().split('\n').findIndex((line) => /^tags:/.test(line));
    assert.ok(tagsLine > 0, 'the post has a tags line');
    await editor.edit((edit) => edit.replace(editor.document.lineAt(tagsLine).range, 'tags: [一个全新的标签]'));
    const after = await waitFor(async () => {
      const summary = await vscode.commands.executeCommand<SiteSummary>(Commands.showSiteSummary, { quiet: true });
      return summary.sites[0].tags !== before.sites[0].tags ? summary : undefined;
    }, 3000, 'the index to see the new tag');
    assert.notEqual(after.sites[0].tags, before.sites[0].tags);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows a CJK-aware word count for a Chinese post', async () => {
    const api = await activatePostcraft();
    const editor = await openPost('source', '_posts', 'ai-side-income-ledger.md');
    const text = editor.document.getText();
    const expected = countWords(text.slice(splitFrontMatter(text).bodyOffset));
    const shown = await waitFor(() => api.wordCount(), 3000, 'the status bar word count');
    assert.deepEqual(shown, expected);
    assert.ok(shown.cjkCharacters > 100, 'each Chinese character counts as a word');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('offers the Hexo snippets in Markdown', async () => {
    await activatePostcraft();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'hexo-' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 5));
    const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const prefix of ['hexo-post', 'hexo-more', 'hexo-codeblock', 'hexo-asset-img', 'hexo-post-link']) {
      assert.ok(snippets.includes(prefix), `snippet ${prefix} in ${snippets.join(', ')}`);
    }
  });

  it('highlights Hexo tag plugins and the more marker with the injected grammar, but not inside fenced code', async () => {
    await activatePostcraft();
    const sample = [
      '# Grammar sample',
      '',
      '{% asset_img summit.png 香山 %}',
      '',
      '<!-- more -->',
      '',
      '```js',
      'const tag = "{% not_a_tag %}";',
      '```',
    ];
    const tokens = await tokenizeMarkdown(sample);
    const scopeOf = (line: number, content: string) => tokens[line].find((token) => token.text.trim() === content)?.scopes.join(' ') ?? '';
    assert.match(scopeOf(2, 'asset_img'), /entity\.name\.tag\.hexo/);
    assert.match(tokens[4].map((token) => token.scopes.join(' ')).join(' | '), /comment\.block\.more\.hexo/);
    for (const token of tokens[7]) assert.doesNotMatch(token.scopes.join(' '), /hexo/, `fenced code is left alone: ${token.text}`);
  });
});

/**
 * Tokenizes Markdown the way the editor does: the editor's own TextMate engine and Oniguruma build
 * (from `env.appRoot`), the built-in Markdown grammar, and the grammars Postcraft's manifest injects.
 * (Code-server has no command that returns the scopes of an open editor.)
 */
async function tokenizeMarkdown(lines: readonly string[]): Promise<Array<Array<{ text: string; scopes: string[] }>>> {
  const modules = path.join(vscode.env.appRoot, 'node_modules');
  // The editor's own copies, loaded from its install folder at run time, so no import can name them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const textmate = require(path.join(modules, 'vscode-textmate')) as typeof import('vscode-textmate');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const oniguruma = require(path.join(modules, 'vscode-oniguruma')) as typeof import('vscode-oniguruma');
  await oniguruma.loadWASM(readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm')).buffer as ArrayBuffer).catch(() => undefined);
  type GrammarContribution = { scopeName: string; path: string; language?: string; injectTo?: string[] };
  const grammars = new Map<string, string>();
  const injections = new Map<string, string[]>();
  // Postcraft through support.ts: in the web worker host it is not among `vscode.extensions`.
  const loaded = [...vscode.extensions.all.filter((extension) => extension.id !== EXTENSION_ID), postcraftExtension()];
  for (const extension of loaded) {
    for (const grammar of ((extension.packageJSON as { contributes?: { grammars?: GrammarContribution[] } }).contributes?.grammars ?? [])) {
      grammars.set(grammar.scopeName, path.join(extension.extensionPath, grammar.path));
      for (const target of grammar.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), grammar.scopeName]);
    }
  }
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scopeName) => {
      const file = grammars.get(scopeName);
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => injections.get(scopeName),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the built-in Markdown grammar loads');
  assert.ok(injections.get('text.html.markdown')?.includes('markdown.hexo.injection'), "Postcraft's manifest injects its grammar into Markdown");
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}
