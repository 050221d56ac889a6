import type MarkdownIt from 'markdown-it';
import { AUTOLINK_RULE } from '../../../render/autolink';
import { ruleEnv, sourceLine } from '../../../render/env';
import { attributes, escapeHtml } from '../../../render/html';
import type { PreviewHeading } from '../../../render/types';

type Token = MarkdownIt.Token;

/**
 * Where kramdown (Jekyll 4.3's Markdown, GFM input, measured with `jekyll build`) reads a post
 * differently from the preview's CommonMark: a line break in a paragraph is a space, bare URLs stay
 * text, headers get kramdown's GFM ids, `{: .class #id}` attribute lists set attributes and are never
 * shown, `* TOC` followed by `{:toc}` is the table of contents, and only `$$…$$` is math (inline or
 * as a block): a single `$` is a dollar sign.
 */
export function kramdownPlugin(md: MarkdownIt.MarkdownIt): void {
  md.set({ breaks: false });
  md.core.ruler.at(AUTOLINK_RULE, () => undefined);
  md.inline.ruler.before('math_inline', 'kramdown_dollars', kramdownDollars);
  md.core.ruler.push('kramdown_attributes', attributeLists);
  // kramdown numbers footnote references without brackets (`<sup><a class="footnote">1</a></sup>`).
  md.renderer.rules.footnote_caption = (tokens, idx) => {
    const meta = tokens[idx].meta as { id: number; subId?: number };
    return `${meta.id + 1}${meta.subId ? `:${meta.subId}` : ''}`;
  };
  md.renderer.rules.kramdown_toc = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) =>
    tableOfContents(env.headings, tokens[idx].tag, sourceLine(env, tokens[idx].map as [number, number])));
}

/**
 * kramdown-parser-gfm's header id (`generate_gfm_header_id`): the header's text as kramdown reads it
 * (code and math included, markup and raw HTML left out, typographic quotes and dashes as their
 * characters), lower-cased, every character but letters, marks, digits, `_`, `-`, spaces and tabs
 * dropped, spaces and tabs made `-`. CJK stays; a leading digit stays. Repeats get `-1`, `-2`.
 */
export function kramdownHeadingId(_source: string, children: readonly Token[] = []): string {
  return headingText(children).toLowerCase().replace(/[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '').replace(/[ \t]/g, '-');
}

function headingText(children: readonly Token[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'math_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
  }
  return text;
}

const DOLLAR = 0x24;

/** `$$x$$` inside a line is kramdown's inline math; a lone `$` is text (so `$5` never starts a formula). */
function kramdownDollars(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== DOLLAR) return false;
  if (state.src.charCodeAt(start + 1) !== DOLLAR) {
    if (!silent) state.pending += '$';
    state.pos = start + 1;
    return true;
  }
  const end = state.src.indexOf('$$', start + 2);
  if (end === -1 || end > state.posMax || state.src.slice(start + 2, end).trim() === '') return false;
  if (!silent) {
    const token = state.push('math_inline', 'span', 0);
    token.content = state.src.slice(start + 2, end).trim();
    token.markup = '$$';
  }
  state.pos = end + 2;
  return true;
}

/** `{: .class #id key="value"}` on a line of its own; `{:name: …}` (a definition) and `{:toc}` too. */
const BLOCK_IAL = /^\{:(?!:)([^{}\n]*)\}[ \t]*$/;
const SPAN_IAL = /^\{:(?!:)([^{}\n]*)\}/;
const HEADER_ID = /[ \t]+\{#([A-Za-z][\w:-]*)\}[ \t]*$/;
const TOC = /^\s*toc\s*$/;
/** The source lines of each parse, split once. */
const sourceLinesOf = new WeakMap<MarkdownIt.StateCore, string[]>();

/** The class names and id an attribute list sets: the only attributes the preview applies (no handlers, no style). */
function readAttributeList(list: string): { classes: string[]; id?: string } {
  const classes: string[] = [];
  let id: string | undefined;
  const words = list.replace(/[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’|\S*)/g, ' ').split(/\s+/);
  for (const word of words) {
    if (/^\.[A-Za-z_][\w-]*$/.test(word) && !word.startsWith('.pc-')) classes.push(word.slice(1));
    else if (/^#[A-Za-z][\w:-]*$/.test(word)) id = word.slice(1);
  }
  return { classes, id };
}

function applyAttributes(token: Token | undefined, list: string): void {
  if (!token) return;
  const { classes, id } = readAttributeList(list);
  for (const name of classes) token.attrJoin('class', name);
  if (id) token.attrSet('id', id);
}

/** The opening token of the block that ends just before `index` (a heading, a list, a paragraph, a fence). */
function previousBlock(tokens: readonly Token[], index: number): Token | undefined {
  const before = tokens[index - 1];
  if (!before) return undefined;
  if (before.nesting === 0) return before.block ? before : undefined;
  if (before.nesting === 1) return undefined;
  for (let i = index - 2; i >= 0; i--) if (tokens[i].nesting === 1 && tokens[i].level === before.level) return tokens[i];
  return undefined;
}

/** The index just past the token that closes the block opened at `open`. */
function closeOf(tokens: readonly Token[], open: number): number {
  for (let i = open + 1; i < tokens.length; i++) if (tokens[i].nesting === -1 && tokens[i].level === tokens[open].level) return i + 1;
  return tokens.length;
}

function attributeLists(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      const end = closeOf(tokens, i);
      const last = tokens.slice(i, end).reverse().find((candidate) => candidate.type === 'inline');
      const lines = last?.content.split('\n') ?? [];
      const ial = BLOCK_IAL.exec(lines[lines.length - 1] ?? '');
      if (ial && TOC.test(ial[1])) {
        const toc = new state.Token('kramdown_toc', token.type === 'ordered_list_open' ? 'ol' : 'ul', 0);
        toc.block = true;
        toc.map = token.map;
        tokens.splice(i, end - i, toc);
        continue;
      }
    }
    if (token.type === 'table_open') tableList(tokens, i);
    if (token.type !== 'inline' || !token.children) continue;
    const opening = tokens[i - 1];
    // kramdown's header needs text: a lone `#` is a paragraph.
    if (opening?.type === 'heading_open' && token.content.trim() === '') {
      opening.type = 'paragraph_open';
      opening.tag = 'p';
      tokens[i + 1].type = 'paragraph_close';
      tokens[i + 1].tag = 'p';
      const text = new state.Token('text', '', 0);
      text.content = opening.markup;
      token.children = [text];
      continue;
    }
    if (opening?.type === 'heading_open') {
      const last = token.children[token.children.length - 1];
      const match = last?.type === 'text' ? HEADER_ID.exec(last.content) : null;
      if (last && match) {
        last.content = last.content.slice(0, match.index);
        opening.attrSet('id', match[1]);
      }
    }
    if (opening?.type === 'paragraph_open' && blockLists(state, i)) {
      i -= 2;
      continue;
    }
    spanLists(token.children);
  }
}

/**
 * Attribute lists on lines of their own inside a paragraph: a first line applies to the paragraph,
 * a last line too; a paragraph of nothing else applies to the block before it and goes. True when
 * the paragraph went.
 */
function blockLists(state: MarkdownIt.StateCore, index: number): boolean {
  const tokens = state.tokens;
  const inline = tokens[index];
  const lines = inline.content.split('\n');
  const map = tokens[index - 1].map;
  let sourceLines = sourceLinesOf.get(state);
  if (!sourceLines) sourceLinesOf.set(state, (sourceLines = state.src.split('\n')));
  if (lines.every((line) => BLOCK_IAL.test(line))) {
    // kramdown: a list right after a block (no blank line between) is that block's; else the next one's.
    const blankBefore = map !== null && (map[0] === 0 || (sourceLines[map[0] - 1] ?? '').trim() === '');
    tokens.splice(index - 1, 3);
    const target = blankBefore ? (tokens[index - 1]?.nesting === -1 ? undefined : tokens[index - 1]) : previousBlock(tokens, index - 1);
    for (const line of lines) applyAttributes(target, BLOCK_IAL.exec(line)![1]);
    return true;
  }
  // Read from the source lines (smartypants may have curled the quotes in the text tokens); the
  // tokens of such a line (text, or HTML written inside the list) go with it.
  const children = inline.children!;
  const lastLine = lines.length > 1 ? BLOCK_IAL.exec(lines[lines.length - 1]) : null;
  const lastBreak = children.map((child) => child.type).lastIndexOf('softbreak');
  if (lastLine && lastBreak !== -1) {
    children.splice(lastBreak);
    // At the margin after a list or a quote (a lazy line to CommonMark), it is the container's.
    const atMargin = map !== null && (sourceLines[map[1] - 1] ?? '').startsWith('{:');
    applyAttributes(atMargin ? enclosingContainer(tokens, index + 1) ?? tokens[index - 1] : tokens[index - 1], lastLine[1]);
  }
  const firstLine = lines.length > 1 ? BLOCK_IAL.exec(lines[0]) : null;
  const firstBreak = children.findIndex((child) => child.type === 'softbreak');
  if (firstLine && firstBreak !== -1) {
    children.splice(0, firstBreak + 1);
    applyAttributes(tokens[index - 1], firstLine[1]);
  }
  return false;
}

/** The outermost container that closes right after the token at `close` (a paragraph's close), if any. */
function enclosingContainer(tokens: readonly Token[], close: number): Token | undefined {
  let last = close;
  while (tokens[last + 1]?.nesting === -1) last++;
  if (last === close) return undefined;
  for (let i = close - 1; i >= 0; i--) if (tokens[i].nesting === 1 && tokens[i].level === tokens[last].level) return tokens[i];
  return undefined;
}

/** A table's last row that holds only an attribute list (`{: .x}` under a table) is the table's list. */
function tableList(tokens: Token[], open: number): void {
  const close = closeOf(tokens, open) - 1;
  let row = close;
  while (row > open && tokens[row].type !== 'tr_open') row--;
  if (row <= open) return;
  const cells = tokens.slice(row, close).filter((token) => token.type === 'inline');
  const ial = cells.length > 0 ? BLOCK_IAL.exec(cells[0].content.trim()) : null;
  if (!ial || cells.slice(1).some((cell) => cell.content.trim() !== '')) return;
  let rowEnd = row;
  while (tokens[rowEnd].type !== 'tr_close') rowEnd++;
  tokens.splice(row, rowEnd - row + 1);
  applyAttributes(tokens[open], ial[1]);
}

/** `*word*{: .class}`: a list right after a span applies to it and is not shown. */
function spanLists(children: Token[]): void {
  for (let i = 1; i < children.length; i++) {
    const child = children[i];
    if (child.type !== 'text') continue;
    const match = SPAN_IAL.exec(child.content);
    if (!match) continue;
    const before = children[i - 1];
    let target: Token | undefined;
    if (before.type === 'code_inline') target = before;
    else if (before.nesting === -1) {
      for (let j = i - 2; j >= 0; j--) if (children[j].nesting === 1 && children[j].level === before.level) {
        target = children[j];
        break;
      }
    }
    if (!target) continue;
    applyAttributes(target, match[1]);
    child.content = child.content.slice(match[0].length);
  }
}

/** kramdown's TOC (`<ul id="markdown-toc">`): the headings, nested by level. */
function tableOfContents(headings: readonly PreviewHeading[], tag: string, line: number | undefined): string {
  let html = `<${tag} id="markdown-toc"${attributes({ 'data-line': line })}>`;
  const levels: number[] = [];
  for (const heading of headings) {
    if (levels.length === 0) {
      levels.push(heading.level);
    } else if (heading.level > levels[levels.length - 1]) {
      html += `<${tag}>`;
      levels.push(heading.level);
    } else {
      while (levels.length > 1 && heading.level < levels[levels.length - 1]) {
        html += `</li></${tag}>`;
        levels.pop();
      }
      html += '</li>';
    }
    html += `<li><a${attributes({ href: `#${heading.id}`, id: `markdown-toc-${heading.id}` })}>${escapeHtml(heading.text)}</a>`;
  }
  if (levels.length > 0) html += '</li>' + `</${tag}></li>`.repeat(levels.length - 1);
  return `${html}</${tag}>\n`;
}
