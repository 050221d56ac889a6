/**
 * Inline links and images, `[text](target "title")`, found line by line in linear time. A regular
 * expression with nested brackets backtracks over every `[` of a line (quadratic on a line of `[` or
 * `](`); here the two deterministic parts are computed right to left once per line: where a link text
 * starting at each position ends (one level of nested brackets, backslash escapes), and where a
 * target starting there ends (one level of balanced parentheses, escapes).
 */
export interface InlineLink {
  /** Offset of the target as written, `<...>` included. */
  readonly start: number;
  readonly target: string;
  readonly image: boolean;
}

export function findInlineLinks(text: string, from: number): InlineLink[] {
  const links: InlineLink[] = [];
  // Only lines holding `](` can hold a link: jump from one to the next.
  for (let at = text.indexOf('](', from); at !== -1;) {
    const lineStart = Math.max(from, text.lastIndexOf('\n', at) + 1);
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 ? text.length : newline;
    linksOfLine(text.slice(lineStart, lineEnd), lineStart, links);
    at = newline === -1 ? -1 : text.indexOf('](', newline);
  }
  return links;
}

function linksOfLine(line: string, offset: number, links: InlineLink[]): void {
  const n = line.length;
  // labelEnd[i]: index of the `]` ending a link text whose content starts at i, or -1.
  // targetEnd[i]: end of the longest bare target starting at i (i itself when none).
  const labelEnd = new Int32Array(n + 2).fill(-1);
  const targetEnd = new Int32Array(n + 2);
  targetEnd[n] = n;
  targetEnd[n + 1] = n + 1;
  let nextBracket = -1;
  let nextStop = -1;
  // Nothing before the first `[` is asked for.
  const first = line.indexOf('[');
  if (first === -1) return;
  for (let i = n - 1; i >= first; i--) {
    const c = line.charCodeAt(i);
    if (c === CLOSE) labelEnd[i] = i;
    else if (c === BACKSLASH) labelEnd[i] = i + 1 < n ? labelEnd[i + 2] : -1;
    else if (c === OPEN) labelEnd[i] = nextBracket === -1 ? -1 : labelEnd[nextBracket + 1];
    else labelEnd[i] = labelEnd[i + 1];

    if (c === BACKSLASH) targetEnd[i] = i + 1 < n ? targetEnd[i + 2] : i;
    else if (c === PAREN_OPEN) targetEnd[i] = nextStop !== -1 && line.charCodeAt(nextStop) === PAREN_CLOSE ? targetEnd[nextStop + 1] : i;
    else if (c === PAREN_CLOSE || isSpace(c)) targetEnd[i] = i;
    else targetEnd[i] = targetEnd[i + 1];

    // Updated after use: both look strictly past i (`[^\]\n]*\]` and `\([^\s()]*\)` start at i + 1).
    if (c === CLOSE) nextBracket = i;
    if (c === PAREN_OPEN || c === PAREN_CLOSE || isSpace(c)) nextStop = i;
  }
  for (let i = first; i < n; i++) {
    if (line.charCodeAt(i) !== OPEN) continue;
    const close = labelEnd[i + 1];
    if (close === -1 || line.charCodeAt(close + 1) !== PAREN_OPEN) continue;
    const link = targetAfter(line, close + 2, targetEnd);
    if (!link) continue;
    links.push({ start: offset + link.start, target: link.target, image: i > 0 && line.charCodeAt(i - 1) === BANG });
    i = link.end - 1;
  }
}

/**
 * `[ \t]*(<...>|target)([ \t]+title)?[ \t]*\)` from `at`, or undefined. A `<...>` that is not followed
 * by a title or `)` is tried again as a bare target, as the alternation backtracks (`[](<u>[a])`).
 */
function targetAfter(line: string, at: number, targetEnd: Int32Array): { start: number; end: number; target: string } | undefined {
  const start = skipBlanks(line, at);
  if (line.charCodeAt(start) === LESS) {
    const close = line.indexOf('>', start);
    const pointy = close === -1 ? undefined : closeAfterTarget(line, start, close + 1);
    if (pointy) return pointy;
  }
  const end = targetEnd[start];
  return end === start ? undefined : closeAfterTarget(line, start, end);
}

/** The link whose target is `line[start, end)`, when an optional title and `)` follow it. */
function closeAfterTarget(line: string, start: number, end: number): { start: number; end: number; target: string } | undefined {
  let j = skipBlanks(line, end);
  if (j > end) {
    const title = titleEnd(line, j);
    if (title !== -1) j = skipBlanks(line, title);
  }
  return line.charCodeAt(j) === PAREN_CLOSE ? { start, end: j + 1, target: line.slice(start, end) } : undefined;
}

/** End of a `"..."`, `'...'` or `(...)` title at `at`, or -1. */
function titleEnd(line: string, at: number): number {
  const open = line[at];
  const close = open === '(' ? ')' : open === '"' || open === "'" ? open : undefined;
  if (!close) return -1;
  const end = line.indexOf(close, at + 1);
  return end === -1 ? -1 : end + 1;
}

function skipBlanks(line: string, at: number): number {
  let i = at;
  while (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x0b || c === 0xa0 || (c >= 0x2000 && (c <= 0x200a || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f)) || c === 0xfeff || c === 0x1680;
}

const OPEN = 0x5b;
const CLOSE = 0x5d;
const BACKSLASH = 0x5c;
const PAREN_OPEN = 0x28;
const PAREN_CLOSE = 0x29;
const LESS = 0x3c;
const BANG = 0x21;
