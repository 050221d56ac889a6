import type { FrontMatterSplit, OffsetSpan } from '../../frontMatter';

const BOM = 0xfeff;

/**
 * Where Hugo (0.111, `parser/pageparser`) cuts a content file into front matter and body, as offsets
 * into the original text. Restated from its lexer:
 * - Blank lines, spaces and a byte-order mark before the front matter are skipped.
 * - `---` opens YAML and `+++` opens TOML (exactly three characters; anything else starting with `-`
 *   or `+` is an error that fails the build). The block ends at the first later line that starts with
 *   the same three characters; the rest of that line and its line break are dropped.
 * - `{` opens JSON, which ends at its matching `}` (strings and escapes respected).
 * - Any other first character: no front matter, the whole file is the body.
 * A block that does not close fails the build (`unclosedOpening`).
 */
export function splitHugoFrontMatter(text: string): FrontMatterSplit {
  let start = 0;
  while (start < text.length) {
    const c = text.charCodeAt(start);
    if (c === BOM || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) start++;
    else break;
  }
  const first = text[start];
  if (first === '-' || first === '+') return splitDelimited(text, start, first.repeat(3));
  if (first === '{') return splitJson(text, start);
  return { format: 'none', bodyOffset: text.charCodeAt(0) === BOM ? 1 : 0 };
}

function splitDelimited(text: string, start: number, delimiter: string): FrontMatterSplit {
  const openingEnd = start + 3;
  if (!text.startsWith(delimiter, start)) {
    // Hugo: "invalid YAML delimiter" (or TOML): the build stops.
    return { format: 'none', bodyOffset: start, unclosedOpening: { start, end: Math.min(text.length, openingEnd) } };
  }
  const format = delimiter === '---' ? 'yaml' : 'toml';
  // The content starts after the opening's line break, or right after the three characters.
  const contentStart = openingEnd + lineBreakAt(text, openingEnd);
  let closeAt = -1;
  if (contentStart > openingEnd && text.startsWith(delimiter, contentStart)) closeAt = contentStart;
  for (let at = text.indexOf('\n', contentStart); closeAt === -1 && at !== -1; at = text.indexOf('\n', at + 1)) {
    if (text.startsWith(delimiter, at + 1)) closeAt = at + 1;
  }
  if (closeAt === -1) return { format: 'none', bodyOffset: start, unclosedOpening: { start, end: openingEnd } };
  const closingEnd = closeAt + 3;
  const contentEnd = Math.max(contentStart, closeAt > 0 && text.charCodeAt(closeAt - 1) === 0x0a ? closeAt - (text.charCodeAt(closeAt - 2) === 0x0d ? 2 : 1) : closeAt);
  return {
    format,
    separator: delimiter,
    openingFence: { start, end: openingEnd },
    closingFence: { start: closeAt, end: closingEnd },
    content: { start: contentStart, end: contentEnd },
    bodyOffset: closingEnd + lineBreakAt(text, closingEnd),
  };
}

function splitJson(text: string, start: number): FrontMatterSplit {
  const end = matchingBrace(text, start);
  if (end === -1) return { format: 'none', bodyOffset: start, unclosedOpening: { start, end: start + 1 } };
  const closing: OffsetSpan = { start: end - 1, end };
  return { format: 'json', separator: '{', closingFence: closing, content: { start, end }, bodyOffset: end + lineBreakAt(text, end) };
}

/** One past the `}` that closes the `{` at `start`, or -1. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return i + 1;
  }
  return -1;
}

function lineBreakAt(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c === 0x0a) return 1;
  return c === 0x0d && text.charCodeAt(offset + 1) === 0x0a ? 2 : c === 0x0d ? 1 : 0;
}
