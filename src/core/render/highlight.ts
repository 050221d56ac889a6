import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import lua from 'highlight.js/lib/languages/lua';
import makefile from 'highlight.js/lib/languages/makefile';
import markdown from 'highlight.js/lib/languages/markdown';
import nginx from 'highlight.js/lib/languages/nginx';
import php from 'highlight.js/lib/languages/php';
import plaintext from 'highlight.js/lib/languages/plaintext';
import powershell from 'highlight.js/lib/languages/powershell';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import scss from 'highlight.js/lib/languages/scss';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { attributes, escapeHtml } from './html';
import { logException } from '../log';

/**
 * Code highlighting with highlight.js (what Hexo uses by default, `syntax_highlighter: highlight.js`),
 * with the languages blogs use most registered, not all 190: the bundle stays small. Unknown
 * languages are shown plain, as Hexo does with `auto_detect: false`.
 */
const LANGUAGES = {
  bash, c, cpp, csharp, css, diff, dockerfile, go, ini, java, javascript, json, kotlin, lua, makefile, markdown, nginx,
  php, plaintext, powershell, python, ruby, rust, scss, shell, sql, swift, typescript, xml, yaml,
};
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
hljs.registerAliases(['vue', 'svelte'], { languageName: 'xml' });
hljs.registerAliases(['toml'], { languageName: 'ini' });

/** Highlighting the same block again (every keystroke re-renders the post) costs a map lookup. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

/** Forgets highlighted blocks (for benchmarks of a cold render). */
export function clearHighlightCache(): void {
  cache.clear();
}

/** The highlighted HTML when it costs nothing now: cached, or a language shown plain anyway. */
function highlightedForFree(code: string, lang: string): string | undefined {
  if (!lang || !hljs.getLanguage(lang)) return escapeHtml(code);
  return cache.get(`${lang}\u0000${code}`);
}

export function highlightCode(code: string, language: string): string {
  const lang = language.toLowerCase();
  const free = highlightedForFree(code, lang);
  if (free !== undefined) return free;
  const key = `${lang}\u0000${code}`;
  let html: string;
  try {
    html = hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
  } catch (error) {
    // The language is registered (highlightedForFree): a throw is highlight.js failing, shown plain.
    logException(`highlighting ${lang} code`, error);
    html = escapeHtml(code);
  }
  // The oldest entry goes, not all: a post with more pieces than the limit keeps most of them cached.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, html);
  return html;
}

export interface CodeFigure {
  readonly code: string;
  readonly language?: string;
  readonly title?: string;
  readonly url?: string;
  readonly linkText?: string;
  readonly lineNumbers?: boolean;
  readonly firstLine?: number;
  /** One-based line numbers (as written, before `firstLine`) to mark. */
  readonly marked?: ReadonlySet<number>;
  readonly wrap?: boolean;
  readonly highlight?: boolean;
  readonly sourceLine?: number;
  readonly safeUrl?: (url: string) => string | undefined;
  /** Set when the block may be shown plain for now (see `RenderContext.eagerLines`); called if it is. */
  readonly deferred?: () => void;
}

/**
 * A code block as Hexo's highlight filter frames it (`<figure class="highlight lang">` with a
 * caption and a line-number gutter), laid out with a grid rather than Hexo's table.
 */
export function renderCodeFigure(figure: CodeFigure): string {
  const language = (figure.language ?? '').trim();
  const code = figure.code.replace(/\n$/, '');
  let body: string;
  let pending = false;
  if (figure.highlight === false) {
    body = escapeHtml(code);
  } else if (figure.deferred) {
    const free = highlightedForFree(code, language.toLowerCase());
    pending = free === undefined;
    body = free ?? escapeHtml(code);
    if (pending) figure.deferred();
  } else {
    body = highlightCode(code, language);
  }
  const caption: string[] = [];
  if (figure.title) caption.push(`<span class="pc-code-title">${escapeHtml(figure.title)}</span>`);
  const href = figure.url ? figure.safeUrl?.(figure.url) : undefined;
  if (href) caption.push(`<a class="pc-code-link"${attributes({ href })}>${escapeHtml(figure.linkText || 'link')}</a>`);
  if (language) caption.push(`<span class="pc-code-lang">${escapeHtml(language)}</span>`);
  let gutter = '';
  if (figure.lineNumbers) {
    const first = figure.firstLine ?? 1;
    const count = code.split('\n').length;
    const numbers: string[] = [];
    for (let i = 0; i < count; i++) {
      const marked = figure.marked?.has(i + first) ? ' class="pc-marked"' : '';
      numbers.push(`<span${marked}>${i + first}</span>`);
    }
    gutter = `<pre class="pc-gutter" aria-hidden="true">${numbers.join('\n')}</pre>`;
  }
  const classes = ['pc-code', 'highlight', language ? escapeHtml(language.toLowerCase().replace(/[^\w-]/g, '')) : 'plaintext'];
  if (figure.wrap) classes.push('pc-code-wrap');
  if (pending) classes.push('pc-pending');
  return `<figure class="${classes.join(' ')}"${attributes({ 'data-line': figure.sourceLine })}>`
    + (caption.length ? `<figcaption>${caption.join('')}</figcaption>` : '')
    + `<div class="pc-code-body">${gutter}<pre class="pc-code-pre"><code class="hljs">${body}</code></pre></div></figure>\n`;
}

/** Hexo's `mark:1,4-7` option. */
export function parseMarkedLines(spec: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!spec) return lines;
  for (const part of spec.split(',')) {
    const [from, to] = part.split('-').map((value) => Number.parseInt(value, 10));
    if (Number.isNaN(from)) continue;
    const end = Number.isNaN(to) || to === undefined ? from : Math.min(to, from + 10000);
    for (let line = from; line <= end; line++) lines.add(line);
  }
  return lines;
}
