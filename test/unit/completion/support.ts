import { completeFrontMatter } from '../../../src/core/completion';
import type { CompletionItem, CompletionOptions } from '../../../src/core/completion';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';

/** 2026-03-02 09:32:05 UTC, i.e. 17:32:05 in Asia/Shanghai. */
export const NOW = new Date(Date.UTC(2026, 2, 2, 9, 32, 5));

export function post(frontMatter: string, body = '正文\n'): string {
  return `---\n${frontMatter}\n---\n${body}`;
}

export const SITE_FILES: Record<string, string> = {
  '/b/_config.yml': 'timezone: Asia/Shanghai\nlanguage: [zh-CN, en]\ndate_format: YYYY-MM-DD\ntime_format: HH:mm:ss\n',
  '/b/scaffolds/post.md': '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n',
  '/b/scaffolds/draft.md': '---\ntitle: {{ title }}\ntags:\n---\n',
  '/b/scaffolds/photo.md': '---\ntitle: {{ title }}\nlayout: photo\n---\n',
  '/b/source/_posts/a.md': post('title: A\ntags: [副业, AI赚钱, 随笔]\ncategories: [技术, 前端]\nauthor: 林舟'),
  '/b/source/_posts/b.md': post('title: B\ntags:\n  - 副业\n  - AI赚钱\ncategories: [技术, 前端]\nauthor: 林舟'),
  '/b/source/_posts/c.md': post('title: C\ntags: [副业, "读书, 笔记"]\ncategories:\n  - [技术, 后端]\n  - [生活, 读书]\nmood: 开心'),
  '/b/source/_posts/d.md': post('title: D\ntags: 咖啡\ncategories: 生活'),
  '/b/source/_drafts/draft-only.md': post('title: Draft\ntags: [草稿标签]'),
  '/b/source/about/index.md': post('title: 关于'),
};

export async function buildIndex(files: Record<string, string> = {}, base = SITE_FILES): Promise<SiteIndex> {
  const fs = new MemoryFileSystem({ ...base, ...files });
  return SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
}

/** Splits `text` at its cursor marker into the text and the cursor offset: `‸` if there is one (for YAML's own `|`), else `|`. */
export function cursor(textWithCursor: string): { text: string; offset: number } {
  const marker = textWithCursor.includes('‸') ? '‸' : '|';
  const offset = textWithCursor.indexOf(marker);
  if (offset === -1) throw new Error('no | cursor marker');
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset };
}

export function complete(index: SiteIndex | undefined, textWithCursor: string, options: Partial<CompletionOptions> = {}): CompletionItem[] {
  const { text, offset } = cursor(textWithCursor);
  return [...completeFrontMatter(text, offset, index, { now: NOW, path: '/b/source/_posts/new.md', kind: 'post', ...options }).items];
}

export function labels(items: readonly CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)).map((item) => item.label);
}

export function find(items: readonly CompletionItem[], label: string): CompletionItem {
  const item = items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no item ${label} among ${items.map((candidate) => candidate.label).join(', ')}`);
  return item;
}

/** Resolves a snippet to the text it inserts with its placeholders' defaults (first choice of a choice). */
export function snippetText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/** The text after accepting `label` at the cursor (the item's edit and its additional edits). */
export function accept(index: SiteIndex | undefined, textWithCursor: string, label: string, options: Partial<CompletionOptions> = {}): string {
  const { text } = cursor(textWithCursor);
  const item = find(complete(index, textWithCursor, options), label);
  const edits = [{ range: item.range, newText: item.isSnippet ? snippetText(item.insertText) : item.insertText }, ...(item.additionalEdits ?? [])]
    .sort((a, b) => b.range.startOffset - a.range.startOffset);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.range.startOffset) + edit.newText + result.slice(edit.range.endOffset);
  return result;
}
