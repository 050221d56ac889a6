/**
 * One pass over a post's body that finds what the content rules look at, the way Hexo 8.1 sees it:
 * - fenced code (hexo `plugins/filter/before_post_render/backtick_code_block.ts`): escaped before
 *   Nunjucks runs, so nothing in it is template syntax;
 * - Nunjucks syntax outside it (`{{ }}`, `{% %}`, `{# #}`), skipping inline code, `{% raw %}` blocks and
 *   HTML comments as `PostRenderEscape.escapeAllSwigTags` (hexo `lib/hexo/post.ts`) does, and `<code>`
 *   (indented code, inline `<code>`) as `Tag#render` (hexo `lib/extend/tag.ts`) does;
 * - headings and link targets outside code.
 * Offsets are in the whole file's text. Linear in the body's length.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TagToken extends Span {
  /** The tag's name (`asset_img`, `endraw`, ...), '' for `{% %}`. */
  readonly name: string;
  /** The arguments after the name, split like Hexo's tag parser, with their offsets. */
  readonly args: readonly (Span & { readonly value: string })[];
}

export interface VariableToken extends Span {
  /** What stands between the braces, trimmed. */
  readonly expression: string;
}

export interface UnclosedToken extends Span {
  readonly opener: '{{' | '{%' | '{#';
}

export interface Heading extends Span {
  readonly level: number;
  readonly text: string;
  /** The whole line(s) the heading occupies, line break included. */
  readonly lineSpan: Span;
}

export interface LinkTarget extends Span {
  /** The target as written (the span covers exactly it). */
  readonly url: string;
  readonly image: boolean;
}

export interface BodyScan {
  readonly bodyOffset: number;
  readonly fencedCode: readonly Span[];
  /** Text Nunjucks will not read as template syntax (code, raw blocks, comments). Sorted, disjoint. */
  readonly protectedSpans: readonly Span[];
  /** Tag-plugin calls outside protected text, `raw`/`endraw` excluded, in order. */
  readonly tags: readonly TagToken[];
  readonly variables: readonly VariableToken[];
  readonly unclosed: readonly UnclosedToken[];
  /** `{% raw %}` without `{% endraw %}`. */
  readonly unclosedRaw: readonly Span[];
  /**
   * Hexo's `rSwigTag` test on the body with fenced code escaped: without a complete `{{ }}`, `{% %}` or
   * `{# #}`, Hexo does not run Nunjucks on the post at all.
   */
  readonly hasTemplateSyntax: boolean;
  readonly headings: readonly Heading[];
  readonly links: readonly LinkTarget[];
}

const FENCE_OPEN = /^((?:[ \t]*>){0,3}|[ \t]*(?:[-*+]|\d+\.))?[ \t]*(`{3,}|~{3,})[ \t]*([^\n]*?)[ \t]*$/;
const RAW_OPEN = /^\{%-?\s*raw\s*-?%\}/;
const RAW_CLOSE = /\{%-?\s*endraw\s*-?%\}/g;
const SWIG_TEST = /(\{\{.+?\}\})|(\{#.+?#\})|(\{%.+?%\})/s;

export function scanBody(text: string, bodyOffset: number): BodyScan {
  const lines = splitLines(text, bodyOffset);
  const fencedCode = findFencedCode(text, lines);
  const indented = findIndentedCode(text, lines, fencedCode);
  // Fenced code becomes a one-line placeholder in Hexo before the template scan: mask it, keeping offsets.
  const masked = maskSpans(text, fencedCode);
  const template = scanTemplate(masked, bodyOffset, indented);
  const protectedSpans = mergeSpans([...fencedCode, ...indented, ...template.protectedSpans]);
  return {
    bodyOffset,
    fencedCode,
    protectedSpans,
    tags: template.tags,
    variables: template.variables,
    unclosed: template.unclosed,
    unclosedRaw: template.unclosedRaw,
    // Every alternative starts with `{`: a body without one needs no regex.
    hasTemplateSyntax: masked.includes('{', bodyOffset) && SWIG_TEST.test(masked.slice(bodyOffset)),
    headings: findHeadings(text, lines, protectedSpans),
    links: findLinks(text, bodyOffset, protectedSpans),
  };
}

/** Whether `offset` lies in one of the sorted, disjoint `spans`. */
export function inSpans(spans: readonly Span[], offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < spans[mid].start) high = mid - 1;
    else if (offset >= spans[mid].end) low = mid + 1;
    else return true;
  }
  return false;
}

interface Line {
  /** Offset of the line's first character. */
  readonly start: number;
  /** End of its content (before `\r\n` or `\n`). */
  readonly end: number;
  /** Start of the next line. */
  readonly next: number;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    let end = newline === -1 ? text.length : newline;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    lines.push({ start, end, next });
    start = next;
  }
  return lines;
}

/** Three backticks or tildes: every opening fence has them, and most lines do not. */
const FENCE_CANDIDATE = /```|~~~/g;

function findFencedCode(text: string, lines: readonly Line[]): Span[] {
  const spans: Span[] = [];
  if (lines.length === 0) return spans;
  FENCE_CANDIDATE.lastIndex = lines[0].start;
  for (let i = 0; i < lines.length; i++) {
    // Straight to the next line holding a candidate, at or after line i.
    const candidate = FENCE_CANDIDATE.exec(text);
    if (!candidate) break;
    while (i < lines.length && lines[i].next <= candidate.index) i++;
    if (i === lines.length) break;
    FENCE_CANDIDATE.lastIndex = lines[i].next;
    const line = text.slice(lines[i].start, lines[i].end);
    const open = FENCE_OPEN.exec(line);
    if (!open) continue;
    const fence = open[2];
    if (fence[0] === '`' && open[3].includes('`')) continue;
    // Hexo closes only on the same fence string (optionally quoted by `>`), at most one space after it.
    const close = new RegExp(`^(?:[ \\t]*>){0,3}[ \\t]*${fence}[ \\t]?$`);
    for (let j = i + 1; j < lines.length; j++) {
      if (!close.test(text.slice(lines[j].start, lines[j].end))) continue;
      spans.push({ start: lines[i].start, end: lines[j].next });
      FENCE_CANDIDATE.lastIndex = lines[j].next;
      i = j;
      break;
    }
  }
  return spans;
}

/** Indented code (four spaces or a tab after a blank line): Markdown renders it in `<code>`. */
function findIndentedCode(text: string, lines: readonly Line[], fenced: readonly Span[]): Span[] {
  const spans: Span[] = [];
  let previousBlank = true;
  let current: { start: number; end: number } | undefined;
  for (const line of lines) {
    const content = text.slice(line.start, line.end);
    const blank = content.trim() === '';
    if (inSpans(fenced, line.start)) {
      previousBlank = false;
      current = undefined;
      continue;
    }
    const indentedLine = /^(?: {4}|\t)/.test(content) && !blank;
    if (indentedLine && (previousBlank || current)) {
      if (current) current.end = line.next;
      else {
        current = { start: line.start, end: line.next };
        spans.push(current);
      }
    } else if (!blank) {
      current = undefined;
    }
    previousBlank = blank;
  }
  return spans;
}

function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let result = '';
  let at = 0;
  for (const span of spans) {
    result += text.slice(at, span.start) + 'x'.repeat(span.end - span.start);
    at = span.end;
  }
  return result + text.slice(at);
}

interface TemplateScan {
  protectedSpans: Span[];
  tags: TagToken[];
  variables: VariableToken[];
  unclosed: UnclosedToken[];
  unclosedRaw: Span[];
}

const INTERESTING = /[`<{]/g;

function scanTemplate(s: string, from: number, indented: readonly Span[]): TemplateScan {
  const result: TemplateScan = { protectedSpans: [], tags: [], variables: [], unclosed: [], unclosedRaw: [] };
  const n = s.length;
  let i = from;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x60 /* ` */ && s.charCodeAt(i - 1) !== 0x5c) {
      const end = inlineCodeEnd(s, i);
      if (end > 0) {
        result.protectedSpans.push({ start: i, end });
        i = end;
      } else {
        i += backtickRun(s, i);
      }
      continue;
    }
    if (c === 0x3c /* < */) {
      if (s.startsWith('<!--', i)) {
        const close = s.indexOf('-->', i + 4);
        const end = close === -1 ? n : close + 3;
        result.protectedSpans.push({ start: i, end });
        i = end;
        continue;
      }
      if (/^<code[\s>]/i.test(s.slice(i, i + 6))) {
        const close = s.toLowerCase().indexOf('</code>', i);
        if (close !== -1) {
          result.protectedSpans.push({ start: i, end: close + 7 });
          i = close + 7;
          continue;
        }
      }
    }
    if (c !== 0x7b /* { */) {
      // Nothing but `, < and { starts anything here: jump to the next one (most of a post is prose).
      INTERESTING.lastIndex = i + 1;
      i = INTERESTING.exec(s)?.index ?? n;
      continue;
    }
    if (inSpans(indented, i)) {
      i++;
      continue;
    }
    const next = s.charCodeAt(i + 1);
    if (next === 0x7b /* { */) {
      const end = closeOf(s, i + 2, true);
      if (end.kind === 'closed') {
        result.variables.push({ start: i, end: end.end, expression: s.slice(i + 2, end.end - 2).trim() });
        i = end.end;
      } else if (end.kind === 'single') {
        i = end.end; // `{{ x }` is text for Hexo
      } else {
        result.unclosed.push({ start: i, end: i + 2, opener: '{{' });
        i += 1;
      }
      continue;
    }
    if (next === 0x23 /* # */) {
      const close = s.indexOf('#}', i + 2);
      if (close === -1) {
        result.unclosed.push({ start: i, end: i + 2, opener: '{#' });
        i += 1;
      } else {
        result.protectedSpans.push({ start: i, end: close + 2 });
        i = close + 2;
      }
      continue;
    }
    if (next === 0x25 /* % */) {
      const end = closeOf(s, i + 2, false);
      if (end.kind !== 'closed') {
        result.unclosed.push({ start: i, end: i + 2, opener: '{%' });
        i += 1;
        continue;
      }
      const tag = readTag(s, i, end.end);
      if (RAW_OPEN.test(s.slice(i, end.end))) {
        RAW_CLOSE.lastIndex = end.end;
        const close = RAW_CLOSE.exec(s);
        if (!close) {
          result.unclosedRaw.push({ start: i, end: end.end });
          i = end.end;
        } else {
          const rawEnd = close.index + close[0].length;
          result.protectedSpans.push({ start: i, end: rawEnd });
          i = rawEnd;
        }
        continue;
      }
      result.tags.push(tag);
      i = end.end;
      continue;
    }
    i++;
  }
  result.protectedSpans.sort((a, b) => a.start - b.start);
  return result;
}

function backtickRun(s: string, at: number): number {
  let k = 0;
  while (s.charCodeAt(at + k) === 0x60) k++;
  return k;
}

/**
 * End of the inline code opened at `at`, or 0 when Hexo treats the backticks as text (a blank line or
 * the end comes first). Hexo closes on a run of backticks whose remainder has the opening length.
 */
function inlineCodeEnd(s: string, at: number): number {
  const k = backtickRun(s, at);
  for (let j = at + k; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x0a && /^\r?\n/.test(s.slice(j + 1, j + 3))) return 0;
    if (c === 0x7b && RAW_OPEN.test(s.slice(j, j + 20))) {
      RAW_CLOSE.lastIndex = j;
      const close = RAW_CLOSE.exec(s);
      if (close) {
        j = close.index + close[0].length - 1;
        continue;
      }
    }
    if (c === 0x60 && backtickRun(s, j) === k) return j + k;
  }
  return 0;
}

type CloseResult = { kind: 'closed'; end: number } | { kind: 'single'; end: number } | { kind: 'open' };

/** Finds the end of `{{ }}` (variable) or `{% %}` after `from`, outside one level of quotes, as Hexo's scanner does. */
function closeOf(s: string, from: number, variable: boolean): CloseResult {
  let quote = 0;
  for (let j = from; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22 || c === 0x27) {
      if (quote === 0) quote = c;
      else if (quote === c) quote = 0;
    }
    if (quote !== 0) continue;
    if (variable && c === 0x7d) {
      return s.charCodeAt(j + 1) === 0x7d ? { kind: 'closed', end: j + 2 } : { kind: 'single', end: j + 1 };
    }
    if (!variable && c === 0x25 && s.charCodeAt(j + 1) === 0x7d) return { kind: 'closed', end: j + 2 };
  }
  return { kind: 'open' };
}

function readTag(s: string, start: number, end: number): TagToken {
  let innerStart = start + 2;
  let innerEnd = end - 2;
  if (s[innerStart] === '-') innerStart++;
  if (s[innerEnd - 1] === '-') innerEnd--;
  const args: (Span & { value: string })[] = [];
  // Whitespace separates arguments; quotes keep spaces inside one (Nunjucks' lexer reads strings whole).
  const re = /"[^"]*"|'[^']*'|\S+/g;
  re.lastIndex = innerStart;
  for (let m = re.exec(s); m && m.index < innerEnd; m = re.exec(s)) {
    const valueEnd = Math.min(m.index + m[0].length, innerEnd);
    args.push({ start: m.index, end: valueEnd, value: unquote(s.slice(m.index, valueEnd)) });
  }
  const first = args.shift();
  return { start, end, name: first?.value ?? '', args };
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_H2 = /^ {0,3}-+[ \t]*$/;

function findHeadings(text: string, lines: readonly Line[], protectedSpans: readonly Span[]): Heading[] {
  const headings: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inSpans(protectedSpans, line.start)) continue;
    const content = text.slice(line.start, line.end);
    // An ATX heading needs a `#`; most lines have none.
    const atx = content.includes('#') ? ATX.exec(content) : null;
    if (atx) {
      const raw = atx[2] ?? '';
      const textStart = raw ? line.start + content.indexOf(raw, atx[1].length + content.indexOf('#')) : line.end;
      headings.push({ start: textStart, end: textStart + raw.length, level: atx[1].length, text: raw.trim(), lineSpan: { start: line.start, end: line.next } });
      continue;
    }
    const underline = lines[i + 1];
    if (!underline) continue;
    const under = text.slice(underline.start, underline.end);
    // Only a line of `=` or `-` makes one (tested first: it rules out nearly every line).
    if (!SETEXT_H1.test(under) && !SETEXT_H2.test(under)) continue;
    if (content.trim() === '' || /^ {4}/.test(content)) continue;
    const previous = i > 0 ? text.slice(lines[i - 1].start, lines[i - 1].end).trim() : '';
    // Only a one-line paragraph: longer ones are rare and `---` under text may be a table or a rule.
    if (previous !== '' && i > 0 && !inSpans(protectedSpans, lines[i - 1].start)) continue;
    const level = SETEXT_H1.test(under) ? 1 : SETEXT_H2.test(under) && /\S/.test(content) && !/^\s*[-*+>|]/.test(content) ? 2 : 0;
    if (level === 0) continue;
    const trimmedStart = line.start + (content.length - content.trimStart().length);
    headings.push({ start: trimmedStart, end: line.start + content.trimEnd().length, level, text: content.trim(), lineSpan: { start: line.start, end: underline.next } });
    i++;
  }
  return headings;
}

const INLINE_LINK = /(!?)\[(?:[^[\]\\\n]|\\.|\[[^\]\n]*\])*\]\([ \t]*(<[^>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)/g;
const REFERENCE = /^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;
const HTML_SOURCE = /<(img|a|source|video|audio)\b[^>]*?\s(src|href)\s*=\s*(["'])([^"'\n]*)\3/gi;

function findLinks(text: string, from: number, protectedSpans: readonly Span[]): LinkTarget[] {
  const body = text.slice(from);
  const links: LinkTarget[] = [];
  const add = (url: string, start: number, image: boolean): void => {
    if (inSpans(protectedSpans, start)) return;
    let value = url;
    let at = start;
    if (value.startsWith('<') && value.endsWith('>')) {
      value = value.slice(1, -1);
      at++;
    }
    links.push({ url: value, start: at, end: at + value.length, image });
  };
  // Each pattern needs its literal: most bodies lack one or more, and the scan is then skipped.
  if (body.includes('](')) for (const m of body.matchAll(INLINE_LINK)) {
    const index = m.index + m[0].indexOf('](') + 2;
    const offset = body.indexOf(m[2], index);
    add(m[2], from + offset, m[1] === '!');
  }
  if (body.includes(']:')) for (const m of body.matchAll(REFERENCE)) add(m[1], from + m.index + m[0].length - m[1].length, false);
  if (body.includes('<')) for (const m of body.matchAll(HTML_SOURCE)) {
    const offset = m.index + m[0].length - 1 - m[4].length;
    add(m[4], from + offset, m[1].toLowerCase() === 'img');
  }
  return links.sort((a, b) => a.start - b.start);
}
