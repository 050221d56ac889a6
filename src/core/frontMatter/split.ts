import type { FrontMatterFormat } from './types';

/** A span of the original text by offsets, end exclusive. */
export interface OffsetSpan {
  readonly start: number;
  readonly end: number;
}

/** Where Hexo would cut a file into front matter and body, as offsets into the ORIGINAL text. */
export interface FrontMatterSplit {
  /** 'none' when Hexo finds no front matter (including an unclosed one). */
  readonly format: FrontMatterFormat;
  /** The separator as Hexo matched it (`---`, `-----`, `;;;`); absent without front matter. */
  readonly separator?: string;
  /** The opening separator run, line break excluded; absent when the opening is omitted. */
  readonly openingFence?: OffsetSpan;
  /** The closing separator run as Hexo matched it, line break excluded. */
  readonly closingFence?: OffsetSpan;
  /** What Hexo hands to the YAML/JSON parser (before its CRLF and tab rewriting). */
  readonly content?: OffsetSpan;
  /** Where the body starts: after the closing separator's line break, or after the BOM. */
  readonly bodyOffset: number;
  /**
   * Set when the text starts with a separator run but Hexo finds no closing separator (or only an
   * empty block): Hexo then reads the whole file as the body, separators included.
   */
  readonly unclosedOpening?: OffsetSpan;
}

const DASH = 0x2d;
const SEMICOLON = 0x3b;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/**
 * Splits like hexo-front-matter v4 `split` (lib/front_matter.ts) on the text Hexo sees, i.e. after
 * hexo-fs `readFile` strips a BOM and turns CRLF into LF (hexo-fs lib/fs.ts `escapeFileContent`).
 * The rules, restated from its three regexes:
 * - `^(-{3,}|;{3,})\n(data)\n\1\n?(body)`: an opening run on the first line, then the FIRST later
 *   line break followed by exactly that run (the closing line may go on: `----` closes `---`,
 *   leaving `-` in the body). `data` must not be empty.
 * - Otherwise, a text that starts with 3+ `-` or `;` has no front matter at all.
 * - Otherwise `^(data)\n(-{3,}|;{3,})\n?(body)`: everything before the first line that starts with
 *   3+ `-` or `;` is front matter (whether it really is depends on the parser's result).
 * Implemented with indexOf scans instead of regexes: linear on any input, offsets in the original
 * text (a `\r` before `\n` is treated as part of the line break).
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  const first = text.charCodeAt(start);
  if (first === DASH || first === SEMICOLON) {
    const runEnd = endOfRun(text, start, first);
    if (runEnd - start >= 3) return splitWithOpening(text, start, runEnd);
  }
  return splitWithoutOpening(text, start);
}

function splitWithOpening(text: string, start: number, runEnd: number): FrontMatterSplit {
  const unclosed: FrontMatterSplit = { format: 'none', bodyOffset: start, unclosedOpening: { start, end: runEnd } };
  const openingBreak = lineBreakLength(text, runEnd);
  if (openingBreak === 0) return unclosed;
  const separator = text.slice(start, runEnd);
  const contentStart = runEnd + openingBreak;
  const needle = '\n' + separator;
  for (let from = contentStart; ;) {
    const breakAt = text.indexOf(needle, from);
    if (breakAt === -1) return unclosed;
    const contentEnd = contentEndBefore(text, breakAt, contentStart);
    if (contentEnd > contentStart) {
      const closeStart = breakAt + 1;
      const closeEnd = closeStart + separator.length;
      return {
        format: formatOf(separator),
        separator,
        openingFence: { start, end: runEnd },
        closingFence: { start: closeStart, end: closeEnd },
        content: { start: contentStart, end: contentEnd },
        bodyOffset: closeEnd + lineBreakLength(text, closeEnd),
      };
    }
    from = breakAt + 1;
  }
}

function splitWithoutOpening(text: string, start: number): FrontMatterSplit {
  for (let breakAt = text.indexOf('\n', start); breakAt !== -1; breakAt = text.indexOf('\n', breakAt + 1)) {
    const c = text.charCodeAt(breakAt + 1);
    if (c !== DASH && c !== SEMICOLON) continue;
    const runEnd = endOfRun(text, breakAt + 1, c);
    if (runEnd - (breakAt + 1) < 3) continue;
    const contentEnd = contentEndBefore(text, breakAt, start);
    if (contentEnd === start) continue;
    const separator = text.slice(breakAt + 1, runEnd);
    return {
      format: formatOf(separator),
      separator,
      closingFence: { start: breakAt + 1, end: runEnd },
      content: { start, end: contentEnd },
      bodyOffset: runEnd + lineBreakLength(text, runEnd),
    };
  }
  return { format: 'none', bodyOffset: start };
}

function formatOf(separator: string): 'yaml' | 'json' {
  return separator.charCodeAt(0) === SEMICOLON ? 'json' : 'yaml';
}

function endOfRun(text: string, from: number, code: number): number {
  let i = from;
  while (text.charCodeAt(i) === code) i++;
  return i;
}

/** Length of the line break at `offset` as Hexo sees it: `\n`, or `\r\n` (normalised to `\n`). */
export function lineBreakLength(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c === LF) return 1;
  return c === CR && text.charCodeAt(offset + 1) === LF ? 2 : 0;
}

/** The content ends before the `\n` at `breakAt`, and before its `\r` when they form a CRLF. */
function contentEndBefore(text: string, breakAt: number, contentStart: number): number {
  return breakAt > contentStart && text.charCodeAt(breakAt - 1) === CR ? breakAt - 1 : breakAt;
}
