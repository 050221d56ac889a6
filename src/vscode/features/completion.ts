import * as vscode from 'vscode';
import { completeFrontMatter, type CompletionItem as CoreItem, type CompletionItemKind as CoreKind, type Message } from '../../core/completion';
import { MARKDOWN_SELECTOR } from '../constants';
import { toCorePath, toVsRange } from '../convert';
import type { SiteService } from '../services/siteService';
import type { SiteFileSets } from '../services/siteFileSets';
import { createVscodeFileSystem } from '../services/vscodeFileSystem';

/** Suggestions appear without Ctrl+Space after `: `, `[`, `, ` and `- ` (and on `---` in an empty file). */
// `"` starts a TOML or JSON string; `=` ends a TOML key.
// `%` opens a Hexo tag (`{%`); `(` a Markdown link's target, `/` a folder in it.
export const COMPLETION_TRIGGER_CHARACTERS = [':', ' ', '[', ',', '-', '"', '=', '%', '(', '/'];

const KINDS: Record<CoreKind, vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  tag: vscode.CompletionItemKind.Keyword,
  category: vscode.CompletionItemKind.Folder,
  value: vscode.CompletionItemKind.EnumMember,
  date: vscode.CompletionItemKind.Constant,
  frontMatter: vscode.CompletionItemKind.Snippet,
  post: vscode.CompletionItemKind.Reference,
  snippet: vscode.CompletionItemKind.Snippet,
  file: vscode.CompletionItemKind.File,
};

/**
 * Front-matter completion in Markdown posts of a Hexo site. The logic is the core's
 * (`src/core/completion`); this converts ranges and kinds and localizes the descriptions.
 */
export function registerCompletion(service: SiteService, siteFiles: SiteFileSets): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(MARKDOWN_SELECTOR, new PostCompletionProvider(service, siteFiles), ...COMPLETION_TRIGGER_CHARACTERS);
}

class PostCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly service: SiteService, private readonly siteFiles: SiteFileSets) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined | Promise<vscode.CompletionItem[] | undefined> {
    const index = this.service.siteFor(document.uri);
    if (!index) return undefined;
    const path = toCorePath(document.uri);
    const kind = index.site.classify(path);
    // Scaffolds, READMEs and theme files are not posts: their `{{ }}` and keys follow other rules.
    if (!kind) return undefined;
    // The live text: unsaved edits count, in this document and (through the index) in others.
    const text = document.getText();
    const offset = document.offsetAt(position);
    const result = completeFrontMatter(text, offset, index, { now: new Date(), path, kind });
    if (result.items.length > 0) return result.items.map(toVsItem);
    // Outside the front matter: the generator's tags or shortcodes, and what they and links point at.
    const { generator } = index.site;
    if (!generator.completeBody) return undefined;
    const complete = (siteFiles?: ReadonlySet<string>) => {
      const items = generator.completeBody!(text, offset, index, { path, ...(siteFiles ? { siteFiles } : {}) });
      return items.length > 0 ? items.map(toVsItem) : undefined;
    };
    // Only a file argument waits for the site's files (listed once per site, then kept current), and
    // only what the generator must read first (once per site) for what it offers.
    const prepared = generator.prepareBodyCompletion?.(text, offset, index, createVscodeFileSystem(document.uri));
    if (!generator.bodyCompletionWantsFiles?.(text, offset)) return prepared ? prepared.then(() => complete()) : complete();
    return Promise.all([this.siteFiles.filesFor(index, document.uri), prepared]).then(([files]) => complete(files.files));
  }
}

function toVsItem(core: CoreItem): vscode.CompletionItem {
  const item = new vscode.CompletionItem(core.label, KINDS[core.kind]);
  // The editor defaults both to the label: leaving them out when equal keeps each reply smaller (a
  // site's 400 tags go to the editor on every request).
  if (core.isSnippet) item.insertText = new vscode.SnippetString(core.insertText);
  else if (core.insertText !== core.label) item.insertText = core.insertText;
  item.range = toVsRange(core.range);
  if (core.filterText !== core.label) item.filterText = core.filterText;
  item.sortText = core.sortText;
  if (core.detail) item.detail = localize(core.detail);
  const documentation: string[] = [];
  if (core.documentation) documentation.push(localize(core.documentation));
  if (core.preview) documentation.push(['```yaml', core.preview, '```'].join('\n'));
  if (documentation.length > 0) item.documentation = new vscode.MarkdownString(documentation.join('\n\n'));
  if (core.additionalEdits) item.additionalTextEdits = core.additionalEdits.map((edit) => vscode.TextEdit.replace(toVsRange(edit.range), edit.newText));
  if (core.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: '' };
  return item;
}

/** The core's messages are English with `{0}` placeholders; l10n/bundle.l10n.zh-cn.json translates them. */
function localize(message: Message): string {
  return vscode.l10n.t(message.message, ...(message.args ?? []));
}
