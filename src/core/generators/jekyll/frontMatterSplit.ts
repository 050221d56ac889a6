import type { FrontMatterSplit } from '../../frontMatter';

const BOM = 0xfeff;
const LF = 0x0a;

/** Ruby's `\s`: space, tab, line feed, vertical tab, form feed, carriage return. */
function isRubySpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * Where Jekyll 4.3 cuts a file into front matter and body, restated from `Document::YAML_FRONT_MATTER_REGEXP`
 * (`\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)`, Ruby's `m`: `.` crosses lines) on the text after a BOM:
 * - The file must start with `---` and only whitespace up to a line break; the front matter starts
 *   after the last line break of that whitespace.
 * - It ends at the first later line that is `---` or `...` followed by nothing but whitespace; the
 *   body starts after the last line break of the whitespace that follows (blank lines are swallowed).
 * - An opening without a closing leaves the whole file as body (`unclosedOpening`); Jekyll then
 *   titles the post from its file name.
 * Linear: one scan of line starts.
 */
export function splitJekyllFrontMatter(text: string): FrontMatterSplit {
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  const none: FrontMatterSplit = { format: 'none', bodyOffset: start };
  if (!text.startsWith('---', start)) return none;
  const openingEnd = start + 3;
  let afterSpace = openingEnd;
  let contentStart = -1;
  while (afterSpace < text.length && isRubySpace(text.charCodeAt(afterSpace))) {
    if (text.charCodeAt(afterSpace) === LF) contentStart = afterSpace + 1;
    afterSpace++;
  }
  if (contentStart === -1) return none;
  const unclosed: FrontMatterSplit = { format: 'none', bodyOffset: start, unclosedOpening: { start, end: openingEnd } };
  for (let line = contentStart; line !== -1 && line <= text.length; line = nextLineStart(text, line)) {
    const fence = text.startsWith('---', line) || text.startsWith('...', line) ? line + 3 : -1;
    if (fence === -1) continue;
    const bodyOffset = closingBodyOffset(text, fence);
    if (bodyOffset === -1) continue;
    const contentEnd = line === contentStart ? line : line - 1 - (line - 2 >= contentStart && text.charCodeAt(line - 2) === 0x0d ? 1 : 0);
    return {
      format: 'yaml',
      separator: '---',
      openingFence: { start, end: openingEnd },
      closingFence: { start: line, end: fence },
      content: { start: contentStart, end: Math.max(contentStart, contentEnd) },
      bodyOffset,
    };
  }
  return unclosed;
}

function nextLineStart(text: string, from: number): number {
  const breakAt = text.indexOf('\n', from);
  return breakAt === -1 ? -1 : breakAt + 1;
}

/** `\s*$\n?` after a closing fence: where the body starts, or -1 when the line goes on with text. */
function closingBodyOffset(text: string, fence: number): number {
  let end = fence;
  let lastBreak = -1;
  while (end < text.length && isRubySpace(text.charCodeAt(end))) {
    if (text.charCodeAt(end) === LF) lastBreak = end;
    end++;
  }
  if (end === text.length) return end;
  return lastBreak === -1 ? -1 : lastBreak + 1;
}
