import type MarkdownIt from 'markdown-it';

/**
 * Goldmark's definition lists (on in Hugo by default), as hugo 0.111 renders them:
 *
 *     Term                 <dl>
 *     Another term         <dt>Term</dt><dt>Another term</dt>
 *     : definition    →    <dd>definition</dd>
 *     : another            <dd>another</dd>
 *
 * Each line of the paragraph before a `: ` line is a term; a definition runs on over lines indented
 * to its text (or lazily continued) and over blank lines followed by such lines. A blank line before
 * a definition makes it loose (its paragraphs shown as paragraphs). Terms and definitions right after
 * a list join it. Only `:` marks a definition (not `~`).
 */
export function definitionListPlugin(md: MarkdownIt.MarkdownIt, enabled: (env: unknown) => boolean = () => true): void {
  md.block.ruler.before('paragraph', 'goldmark_definition_list', (state, startLine, endLine, silent) => enabled(state.env) && definitionList(state, startLine, endLine, silent));
}

/** The offset of a definition's text when `line` starts with `:` and a space, else -1. */
function definitionStart(state: MarkdownIt.StateBlock, line: number): number {
  if (state.sCount[line] < state.blkIndent || state.sCount[line] - state.blkIndent >= 4) return -1;
  const start = state.bMarks[line] + state.tShift[line];
  if (state.src.charCodeAt(start) !== 0x3a) return -1;
  const after = state.src.charCodeAt(start + 1);
  if (after !== 0x20 && after !== 0x09) return -1;
  return start + 1;
}

function isBlank(state: MarkdownIt.StateBlock, line: number): boolean {
  return state.bMarks[line] + state.tShift[line] >= state.eMarks[line];
}

/** Whether a block that ends a paragraph (a heading, a fence, a list…) starts at `line`. */
function interruptsParagraph(state: MarkdownIt.StateBlock, line: number, endLine: number): boolean {
  return state.md.block.ruler.getRules('paragraph').some((rule) => rule(state, line, endLine, true));
}

function definitionList(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4 || definitionStart(state, startLine) >= 0) return false;
  // The terms: the paragraph's lines, up to the first definition (after blank lines, a loose one).
  let line = startLine;
  while (line < endLine && !isBlank(state, line) && definitionStart(state, line) < 0) line++;
  const termEnd = line;
  while (line < endLine && isBlank(state, line)) line++;
  if (line >= endLine || definitionStart(state, line) < 0) return false;
  // Only then (most paragraphs are no terms): a block that starts inside ends the paragraph first.
  for (let term = startLine + 1; term < termEnd; term++) if (interruptsParagraph(state, term, endLine)) return false;
  if (silent) return true;

  const previous = state.tokens[state.tokens.length - 1];
  if (previous?.type === 'dl_close' && previous.level === state.level) {
    state.tokens.pop();
    state.level++;
  } else {
    const open = state.push('dl_open', 'dl', 1);
    open.map = [startLine, startLine];
  }
  for (let term = startLine; term < termEnd; term++) {
    state.push('dt_open', 'dt', 1).map = [term, term + 1];
    const inline = state.push('inline', '', 0);
    inline.content = state.src.slice(state.bMarks[term] + state.tShift[term], state.eMarks[term]).trim();
    inline.map = [term, term + 1];
    inline.children = [];
    state.push('dt_close', 'dt', -1);
  }
  let blankBefore = line > termEnd;
  while (line < endLine) {
    const end = definitionEnd(state, line, endLine);
    writeDefinition(state, line, end, !blankBefore);
    let next = end;
    while (next < endLine && isBlank(state, next)) next++;
    if (next >= endLine || definitionStart(state, next) < 0) break;
    blankBefore = next > end;
    line = next;
  }
  state.push('dl_close', 'dl', -1);
  return true;
}

/** The line after a definition starting at `first`: over its lazy lines, and blank lines before indented ones. */
function definitionEnd(state: MarkdownIt.StateBlock, first: number, endLine: number): number {
  const indent = contentIndent(state, first);
  let line = first + 1;
  while (line < endLine) {
    if (isBlank(state, line)) {
      let next = line + 1;
      while (next < endLine && isBlank(state, next)) next++;
      if (next >= endLine || state.sCount[next] < indent) return line;
      line = next;
      continue;
    }
    if (definitionStart(state, line) >= 0) return line;
    line++;
  }
  return line;
}

/** The column a definition's text starts at: after `:` and the spaces that follow it. */
function contentIndent(state: MarkdownIt.StateBlock, line: number): number {
  const marker = definitionStart(state, line);
  let pos = marker;
  while (pos < state.eMarks[line] && (state.src.charCodeAt(pos) === 0x20 || state.src.charCodeAt(pos) === 0x09)) pos++;
  return state.sCount[line] + (pos - (state.bMarks[line] + state.tShift[line]));
}

function writeDefinition(state: MarkdownIt.StateBlock, first: number, end: number, tight: boolean): void {
  const marker = definitionStart(state, first);
  let content = marker;
  while (content < state.eMarks[first] && (state.src.charCodeAt(content) === 0x20 || state.src.charCodeAt(content) === 0x09)) content++;
  const open = state.push('dd_open', 'dd', 1);
  open.map = [first, end];
  // The definition's lines as a nested block, as markdown-it reads a list item's content.
  const saved = { blkIndent: state.blkIndent, tShift: state.tShift[first], sCount: state.sCount[first], tight: state.tight, parentType: state.parentType };
  const indent = contentIndent(state, first);
  state.tShift[first] = content - state.bMarks[first];
  state.sCount[first] = indent;
  state.blkIndent = indent;
  state.tight = true;
  state.parentType = 'dd' as typeof state.parentType;
  const before = state.tokens.length;
  state.md.block.tokenize(state, first, end);
  if (tight) {
    for (let i = before; i < state.tokens.length; i++) {
      const token = state.tokens[i];
      if (token.level === state.level && (token.type === 'paragraph_open' || token.type === 'paragraph_close')) token.hidden = true;
    }
  }
  state.blkIndent = saved.blkIndent;
  state.tShift[first] = saved.tShift;
  state.sCount[first] = saved.sCount;
  state.tight = saved.tight;
  state.parentType = saved.parentType;
  state.line = end;
  state.push('dd_close', 'dd', -1);
}
