import katex from 'katex';
import type MarkdownIt from 'markdown-it';
import { asRenderEnv, markDeferred, mayDefer } from './env';
import { attributes, escapeHtml } from './html';

/**
 * `$…$` and `$$…$$` math rendered with KaTeX, as Hexo math plugins (hexo-filter-mathjax,
 * hexo-renderer-markdown-it-plus) read it. Inline math follows Pandoc's rule so prices do not turn
 * into formulas: the opening `$` is not followed by a space, the closing one not preceded by a
 * space nor followed by a digit. KaTeX runs with `trust: false` (no \href, \url, \includegraphics
 * to arbitrary targets) and a cap on macro expansion.
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

/** Forgets rendered formulas (for benchmarks of a cold render). */
export function clearMathCache(): void {
  cache.clear();
}

/**
 * A formula as KaTeX HTML. With `deferred` (the formula may be shown plain for now, see
 * `RenderContext.eagerLines`), an uncached formula is shown as its TeX source and `deferred` is called.
 */
export function renderMath(tex: string, displayMode: boolean, deferred?: () => void): string {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  if (deferred) {
    deferred();
    const delimiter = displayMode ? '$$' : '$';
    return `<span class="pc-math-pending">${escapeHtml(`${delimiter}${tex}${delimiter}`)}</span>`;
  }
  let html: string;
  try {
    html = katex.renderToString(tex, { displayMode, throwOnError: false, trust: false, strict: 'ignore', maxExpand: 500, maxSize: 50, output: 'htmlAndMathml' });
  } catch (error) {
    html = `<span class="pc-math-error" title="${escapeHtml(error instanceof Error ? error.message : String(error))}">${escapeHtml(tex)}</span>`;
  }
  // The oldest entry goes, not all: a post with more pieces than the limit keeps most of them cached.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, html);
  return html;
}

const DOLLAR = 0x24;

function mathInline(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== DOLLAR || asRenderEnv(state.env).math === false) return false;
  const src = state.src;
  const next = src.charCodeAt(start + 1);
  if (next === DOLLAR || next === 0x20 || next === 0x09 || next === 0x0a || Number.isNaN(next)) return false;
  let end = start + 1;
  for (;;) {
    end = src.indexOf('$', end);
    if (end === -1) return false;
    if (src.charCodeAt(end - 1) === 0x5c) { // \$ inside math
      end++;
      continue;
    }
    const before = src.charCodeAt(end - 1);
    const after = src.charCodeAt(end + 1);
    if (before === 0x20 || before === 0x09 || before === 0x0a || (after >= 0x30 && after <= 0x39)) {
      end++;
      continue;
    }
    break;
  }
  if (!silent) {
    const token = state.push('math_inline', 'span', 0);
    token.content = src.slice(start + 1, end);
    token.markup = '$';
  }
  state.pos = end + 1;
  return true;
}

function mathBlock(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (pos + 2 > max || state.src.charCodeAt(pos) !== DOLLAR || state.src.charCodeAt(pos + 1) !== DOLLAR) return false;
  if (asRenderEnv(state.env).math === false) return false;
  pos += 2;
  let firstLine = state.src.slice(pos, max);
  let lastLine = '';
  let line = startLine;
  let found = false;
  if (firstLine.trim().endsWith('$$')) {
    // $$ … $$ on one line
    firstLine = firstLine.trim().slice(0, -2);
    found = true;
  }
  if (silent) return true;
  while (!found) {
    line++;
    if (line >= endLine) return false;
    pos = state.bMarks[line] + state.tShift[line];
    max = state.eMarks[line];
    if (pos < max && state.sCount[line] < state.blkIndent) return false;
    const text = state.src.slice(pos, max).trim();
    if (text.endsWith('$$')) {
      lastLine = text.slice(0, -2);
      found = true;
    }
  }
  state.line = line + 1;
  const token = state.push('math_block', 'div', 0);
  token.block = true;
  const middle = line > startLine + 1 ? state.getLines(startLine + 1, line, state.tShift[startLine], true) : '';
  token.content = [firstLine.trim(), middle, lastLine].filter((part) => part.trim() !== '').join('\n');
  token.map = [startLine, state.line];
  token.markup = '$$';
  return true;
}

export function mathPlugin(md: MarkdownIt.MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.block.ruler.after('blockquote', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  // Inline tokens carry no line of their own: each formula gets its paragraph's, for deferring.
  md.core.ruler.push('pc_math_lines', (state) => {
    const env = asRenderEnv(state.env);
    if (!env.eagerLines) return;
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.map || !token.children) continue;
      for (const child of token.children) if (child.type === 'math_inline') child.meta = { map: token.map };
    }
  });
  md.renderer.rules.math_inline = (tokens, idx, _options, rawEnv) => {
    const env = asRenderEnv(rawEnv);
    const map = (tokens[idx].meta as { map?: [number, number] } | null)?.map;
    return renderMath(tokens[idx].content, false, mayDefer(env, map) ? () => markDeferred(env) : undefined);
  };
  md.renderer.rules.math_block = (tokens, idx, _options, rawEnv) => {
    const env = asRenderEnv(rawEnv);
    const token = tokens[idx];
    const line = token.map ? token.map[0] + (env.lineOffset ?? 0) : undefined;
    const html = renderMath(token.content, true, mayDefer(env, token.map) ? () => markDeferred(env) : undefined);
    return `<div class="pc-math"${attributes({ 'data-line': line })}>${html}</div>\n`;
  };
}
