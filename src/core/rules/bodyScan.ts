import { indexAtOrAfter, Positions } from '../text/positions';
import { SpanList } from '../text/spanList';
import { InlineCode } from './inlineCode';
import { findInlineLinks } from './markdownLinks';
import { TemplateClosers } from './templateClosers';
import { tagWords, type TagWord } from '../text/tagWords';

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
  /** Indented code blocks (Markdown renders them in `<code>`). */
  readonly indentedCode: readonly Span[];
  /** Inline code, HTML comments and `<code>` elements outside template tags (kinds HIDDEN_*), in order: Hexo hides them from Nunjucks. */
  readonly hiddenFromTemplate: SpanList;
  /** Where a fence that never closes opens, or -1: Markdown makes the rest of the post code. */
  readonly unclosedFence: number;
  /** HTML blocks (CommonMark types 1, 6 and 7): Markdown leaves backticks in them as they are. */
  readonly htmlBlocks: readonly Span[];
  /** Text Nunjucks will not read as template syntax (code, raw blocks, comments). Sorted, disjoint. */
  readonly protectedSpans: SpanList;
  /** Tag-plugin calls outside protected text, `raw`/`endraw` excluded, in order. */
  readonly tags: readonly TagToken[];
  /** The first MAX_STORED_TOKENS `{{ }}` (the rules report at most MAX_FINDINGS each). */
  readonly variables: readonly VariableToken[];
  /** The first MAX_STORED_TOKENS openers that never close. */
  readonly unclosed: readonly UnclosedToken[];
  /** How many tags, variables and unclosed openers the body holds in all. */
  readonly templateTokens: number;
  /** `{% raw %}` without `{% endraw %}`. */
  readonly unclosedRaw: readonly Span[];
  /**
   * Hexo's `rSwigTag` test on the body with fenced code escaped: without a complete `{{ }}`, `{% %}` or
   * `{# #}`, Hexo does not run Nunjucks on the post at all.
   */
  readonly hasTemplateSyntax: boolean;
  /** The first MAX_STORED_TOKENS headings outside code (the rules look for the first H1). */
  readonly headings: readonly Heading[];
  /** The first MAX_STORED_LINKS links and images outside code, in order. */
  readonly links: readonly LinkTarget[];
}

// Info strings are trimmed by hand: `[ \t]*([^\n]*?)[ \t]*$` backtracks quadratically over long blank runs.
/** Tokens kept of each kind the rules only report (a post of a million `{{` would hold a million). */
export const MAX_STORED_TOKENS = 10_000;
/** Links kept for PC502, which checks each against the site's files. */
export const MAX_STORED_LINKS = 100_000;

const FENCE_OPEN = /^((?:[ \t]*>){0,3}|[ \t]*(?:[-*+]|\d+\.))?[ \t]*(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^(?:[ \t]*>){0,3}[ \t]*(`{3,}|~{3,})[ \t]?$/;
const RAW_OPEN = /^\{%-?\s*raw\s*-?%\}/;
const RAW_OPENS = /\{%-?\s*raw\s*-?%\}/g;
const RAW_CLOSES = /\{%-?\s*endraw\s*-?%\}/g;

/** Lines of the scratch arrays kept between scans (a post of more grows its own, let go after). */
const MAX_KEPT_LINES = 65_536;
let scratch = { starts: new Int32Array(256), ends: new Int32Array(256), nexts: new Int32Array(256) };

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

export function scanBody(text: string, bodyOffset: number): BodyScan {
  const lines = new Lines(text, bodyOffset);
  const { spans: fencedCode, unclosed: unclosedFence } = findFencedCode(text, lines);
  const indented = findIndentedCode(text, lines, fencedCode);
  // Fenced code becomes a one-line placeholder in Hexo before the template scan: mask it, keeping offsets.
  const masked = maskSpans(text, fencedCode);
  const template = scanTemplate(masked, bodyOffset, indented);
  const protectedSpans = SpanList.merge([SpanList.of(fencedCode), SpanList.of(indented), template.protectedSpans]);
  return {
    bodyOffset,
    fencedCode,
    indentedCode: indented,
    hiddenFromTemplate: template.hidden,
    unclosedFence,
    htmlBlocks: findHtmlBlocks(lines, fencedCode),
    protectedSpans,
    tags: template.tags,
    variables: template.variables,
    templateTokens: template.templateTokens,
    unclosed: template.unclosed,
    unclosedRaw: template.unclosedRaw,
    hasTemplateSyntax: hasSwigTag(masked, bodyOffset),
    headings: findHeadings(lines, protectedSpans),
    links: findLinks(text, bodyOffset, protectedSpans),
  };
}

/**
 * Hexo's `rSwigTag` test, `/(\{\{.+?\}\})|(\{#.+?#\})|(\{%.+?%\})/s`, without its quadratic search on a
 * post of unclosed openers: some opener with its closer at least one character after it.
 */
function hasSwigTag(text: string, from: number): boolean {
  return [['{{', '}}'], ['{#', '#}'], ['{%', '%}']].some(([open, close]) => {
    const first = text.indexOf(open, from);
    return first !== -1 && text.lastIndexOf(close) >= first + 3;
  });
}

/** Kinds of `hiddenFromTemplate` spans. */
export const HIDDEN_CODE = 1;
export const HIDDEN_COMMENT = 2;
export const HIDDEN_ELEMENT = 3;

/** Whether `offset` lies in one of the sorted, disjoint `spans`. */
export function inSpans(spans: readonly Span[] | SpanList, offset: number): boolean {
  if (spans instanceof SpanList) return spans.contains(offset);
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

/**
 * The body's lines as offsets (typed arrays: a 10 MB post of short lines would otherwise hold
 * millions of small objects). `end` is the end of the content, before `\r\n` or `\n`; `next` the start
 * of the following line. The arrays are one scratch set shared by every scan (`scanBody` runs to its
 * end without yielding, and no `Lines` outlives it): a new set per post was most of the cost of
 * building them on 10,000 short posts.
 */
class Lines {
  readonly count: number;
  readonly starts: Int32Array<ArrayBufferLike>;
  readonly ends: Int32Array<ArrayBufferLike>;
  readonly nexts: Int32Array<ArrayBufferLike>;

  constructor(private readonly text: string, from: number) {
    // One pass into arrays grown by doubling: counting the lines first read every body twice.
    let { starts, ends, nexts } = scratch;
    let count = 0;
    for (let start = from; start < text.length; count++) {
      if (count === starts.length) {
        starts = grown(starts);
        ends = grown(ends);
        nexts = grown(nexts);
      }
      const newline = text.indexOf('\n', start);
      const next = newline === -1 ? text.length : newline + 1;
      let end = newline === -1 ? text.length : newline;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      starts[count] = start;
      ends[count] = end;
      nexts[count] = next;
      start = next;
    }
    // A huge post's arrays are not kept for the next scan.
    if (starts.length <= MAX_KEPT_LINES) scratch = { starts, ends, nexts };
    this.count = count;
    this.starts = starts;
    this.ends = ends;
    this.nexts = nexts;
  }

  content(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** Whether the line holds only white space (as `trim()` sees it), without copying it. */
  blank(i: number): boolean {
    for (let at = this.starts[i]; at < this.ends[i]; at++) {
      const c = this.text.charCodeAt(at);
      if (c === 0x20 || c === 0x09 || (c >= 0x0a && c <= 0x0d)) continue;
      if (c > 0x7f && /\s/.test(this.text[at])) continue;
      return false;
    }
    return true;
  }

  /** The first character after at most `indent` spaces, or -1 (the line's code unit, for cheap prefilters). */
  leadingChar(i: number, indent = 3): number {
    let at = this.starts[i];
    const limit = Math.min(this.ends[i], at + indent);
    while (at < limit && this.text.charCodeAt(at) === 0x20) at++;
    return at < this.ends[i] ? this.text.charCodeAt(at) : -1;
  }
}

function findFencedCode(text: string, lines: Lines): { spans: Span[]; unclosed: number } {
  // Only lines holding ``` or ~~~ can open or close a fence.
  const fences = Positions.of(text, /`{3,}|~{3,}/g, lines.count > 0 ? lines.starts[0] : text.length);
  // Lines are asked in order: the next fence at or after the line is searched again only once passed.
  let nextFence = -2;
  const hasFence = (i: number): boolean => {
    if (nextFence === -2 || (nextFence !== -1 && nextFence < lines.starts[i])) nextFence = fences.startFrom(lines.starts[i]);
    return nextFence !== -1 && nextFence < lines.ends[i];
  };
  // Hexo closes only on the same fence string (optionally quoted by `>`), at most one space after it.
  // The lines that could close each fence string, found once: searching forward from every opening
  // line would be quadratic on a post of unclosed fences.
  const closers = new Map<string, number[]>();
  const candidates: number[] = [];
  for (let i = 0; i < lines.count; i++) {
    if (!hasFence(i)) continue;
    candidates.push(i);
    const close = FENCE_CLOSE.exec(lines.content(i));
    if (!close) continue;
    const list = closers.get(close[1]);
    if (list) list.push(i);
    else closers.set(close[1], [i]);
  }
  const spans: Span[] = [];
  let unclosed = -1;
  let after = -1;
  for (const i of candidates) {
    if (i <= after) continue;
    const open = FENCE_OPEN.exec(lines.content(i));
    if (!open) continue;
    const fence = open[2];
    if (fence[0] === '`' && open[3].includes('`')) continue;
    // Hexo's `rBacktick` takes its content group, `((?:[\s\S]*?\n)?)`, greedily: a closing line right
    // after the opening one closes it only when no later line does.
    const later = firstAfter(closers.get(fence), i + 1);
    const j = later !== -1 ? later : firstAfter(closers.get(fence), i);
    if (j === -1) {
      // Hexo leaves it alone; Markdown makes it code to the end.
      if (unclosed === -1) unclosed = lines.starts[i];
      continue;
    }
    spans.push({ start: lines.starts[i], end: lines.nexts[j] });
    after = j;
  }
  return { spans, unclosed };
}

const HTML_BLOCK_TAGS = 'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|'
  + 'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|'
  + 'noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const HTML_BLOCK_START = new RegExp(`^ {0,3}</?(?:${HTML_BLOCK_TAGS})(?:\\s|/?>|$)`, 'i');
const HTML_RAW_START = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
const HTML_TAG_LINE = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/**
 * HTML blocks as CommonMark starts and ends them (types 1, 6 and 7; comments are handled as Hexo
 * escapes them): from a block-level tag to the next blank line, from `<pre>` (script, style,
 * textarea) to its closing tag, from a line holding one complete tag after a blank line.
 */
function findHtmlBlocks(lines: Lines, fenced: readonly Span[]): Span[] {
  const blocks: Span[] = [];
  let previousBlank = true;
  for (let i = 0; i < lines.count; i++) {
    const blank = lines.blank(i);
    if (blank || lines.leadingChar(i) !== 0x3c /* < */ || inSpans(fenced, lines.starts[i])) {
      previousBlank = blank;
      continue;
    }
    const content = lines.content(i);
    const raw = HTML_RAW_START.exec(content);
    let end = -1;
    if (raw) {
      const close = new RegExp(`</${raw[1]}>`, 'i');
      end = i;
      while (end < lines.count - 1 && !close.test(lines.content(end))) end++;
    } else if (HTML_BLOCK_START.test(content) || (previousBlank && content.length < 2000 && HTML_TAG_LINE.test(content))) {
      end = i;
      while (end + 1 < lines.count && !lines.blank(end + 1)) end++;
    }
    previousBlank = false;
    if (end === -1) continue;
    blocks.push({ start: lines.starts[i], end: lines.nexts[end] });
    i = end;
  }
  return blocks;
}

/** The first value greater than `after` in a sorted list, or -1. */
function firstAfter(sorted: readonly number[] | undefined, after: number): number {
  if (!sorted) return -1;
  const index = indexAtOrAfter(sorted, after + 1);
  return index === -1 ? -1 : sorted[index];
}

/** Indented code (four spaces or a tab after a blank line): Markdown renders it in `<code>`. */
function findIndentedCode(text: string, lines: Lines, fenced: readonly Span[]): Span[] {
  const spans: Span[] = [];
  // Only a line starting with a space or a tab can be indented code: most posts have none.
  let indentable = false;
  for (let i = 0; i < lines.count && !indentable; i++) {
    const c = text.charCodeAt(lines.starts[i]);
    indentable = c === 0x20 || c === 0x09;
  }
  if (!indentable) return spans;
  let previousBlank = true;
  let current: { start: number; end: number } | undefined;
  for (let i = 0; i < lines.count; i++) {
    const start = lines.starts[i];
    const blank = lines.blank(i);
    if (inSpans(fenced, start)) {
      // A fence is a block: indented code may start right after it, as after a blank line.
      previousBlank = true;
      current = undefined;
      continue;
    }
    const indentedLine = !blank && (text.charCodeAt(start) === 0x09 || text.startsWith('    ', start));
    if (indentedLine && (previousBlank || current)) {
      if (current) current.end = lines.nexts[i];
      else {
        current = { start, end: lines.nexts[i] };
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
  templateTokens: number;
  /** In scan order, so sorted: comments, raw blocks and everything in `hidden`. */
  protectedSpans: SpanList;
  /** Inline code, HTML comments and `<code>` elements: Hexo hides them from Nunjucks (raw blocks are Nunjucks' own). */
  hidden: SpanList;
  tags: TagToken[];
  variables: VariableToken[];
  unclosed: UnclosedToken[];
  unclosedRaw: Span[];
}

/** The characters the template scan acts on; the prose between them is skipped in one search. */
const SCAN_STOPS = /[`<{]/g;

function scanTemplate(s: string, from: number, indented: readonly Span[]): TemplateScan {
  const result: TemplateScan = { templateTokens: 0, protectedSpans: new SpanList(), hidden: new SpanList(), tags: [], variables: [], unclosed: [], unclosedRaw: [] };
  const n = s.length;
  // Every "where does it close" is answered from positions found once (see Positions, TemplateClosers,
  // InlineCode): scanning forward from each opener is quadratic on posts of thousands of openers.
  // Built at the first `{{` or `{%`: most posts have none, and building it reads the whole body.
  let closers: TemplateClosers | undefined;
  const closerOf = (offset: number): number => (closers ??= new TemplateClosers(s, from)).closerOf(offset);
  const rawOpens = Positions.of(s, RAW_OPENS, from);
  const rawCloses = Positions.of(s, RAW_CLOSES, from);
  const commentCloses = Positions.of(s, /#\}/g, from);
  const codeCloses = Positions.of(s, /<\/code>/gi, from);
  const inlineCode = new InlineCode(s, from, rawOpens, rawCloses);
  let i = from;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 0x60 && c !== 0x3c && c !== 0x7b) {
      SCAN_STOPS.lastIndex = i;
      const stop = SCAN_STOPS.exec(s);
      if (!stop) break;
      i = stop.index;
      continue;
    }
    if (c === 0x60 /* ` */ && s.charCodeAt(i - 1) !== 0x5c) {
      const end = inlineCode.endOf(i);
      if (end > 0) {
        result.hidden.push(i, end, HIDDEN_CODE);
        result.protectedSpans.push(i, end);
        i = end;
      } else {
        i += inlineCode.runLength(i);
      }
      continue;
    }
    if (c === 0x3c /* < */) {
      if (s.startsWith('<!--', i)) {
        const close = s.indexOf('-->', i + 4);
        const end = close === -1 ? n : close + 3;
        result.hidden.push(i, end, HIDDEN_COMMENT);
        result.protectedSpans.push(i, end);
        i = end;
        continue;
      }
      if (/^<code[\s>]/i.test(s.slice(i, i + 6))) {
        const close = codeCloses.endFrom(i);
        if (close !== -1) {
          result.hidden.push(i, close, HIDDEN_ELEMENT);
          result.protectedSpans.push(i, close);
          i = close;
          continue;
        }
      }
    }
    if (c !== 0x7b /* { */ || inSpans(indented, i)) {
      i++;
      continue;
    }
    const next = s.charCodeAt(i + 1);
    if (next === 0x7b /* { */) {
      const close = closerOf(i);
      if (close !== -1 && s.charCodeAt(close + 1) === 0x7d) {
        const end = close + 2;
        if (result.variables.length < MAX_STORED_TOKENS) result.variables.push({ start: i, end, expression: s.slice(i + 2, close).trim() });
        result.templateTokens++;
        i = end;
      } else if (close !== -1) {
        i = close + 1; // `{{ x }` is text for Hexo
      } else {
        if (result.unclosed.length < MAX_STORED_TOKENS) result.unclosed.push({ start: i, end: i + 2, opener: '{{' });
        result.templateTokens++;
        i += 1;
      }
      continue;
    }
    if (next === 0x23 /* # */) {
      const close = commentCloses.endFrom(i + 2);
      if (close === -1) {
        if (result.unclosed.length < MAX_STORED_TOKENS) result.unclosed.push({ start: i, end: i + 2, opener: '{#' });
        result.templateTokens++;
        i += 1;
      } else {
        result.protectedSpans.push(i, close);
        i = close;
      }
      continue;
    }
    if (next === 0x25 /* % */) {
      const close = closerOf(i);
      if (close === -1) {
        if (result.unclosed.length < MAX_STORED_TOKENS) result.unclosed.push({ start: i, end: i + 2, opener: '{%' });
        result.templateTokens++;
        i += 1;
        continue;
      }
      const end = close + 2;
      const tag = readTag(s, i, end);
      if (RAW_OPEN.test(s.slice(i, end))) {
        const rawEnd = rawCloses.endFrom(end);
        if (rawEnd === -1) {
          result.unclosedRaw.push({ start: i, end });
          i = end;
        } else {
          result.protectedSpans.push(i, rawEnd);
          i = rawEnd;
        }
        continue;
      }
      result.tags.push(tag);
      result.templateTokens++;
      i = end;
      continue;
    }
    i++;
  }
  return result;
}

/**
 * A tag as the rules see it. Its arguments are split when first asked for: a 10 MB post of a million
 * tags would otherwise hold a million argument lists that no rule reads.
 */
class ScannedTag implements TagToken {
  private split: (Span & { value: string })[] | undefined;

  constructor(private readonly text: string, readonly start: number, readonly end: number, readonly name: string) {}

  get args(): readonly (Span & { readonly value: string })[] {
    this.split ??= wordsOfTag(this.text, this.start, this.end).slice(1);
    return this.split;
  }
}

function readTag(s: string, start: number, end: number): TagToken {
  const [innerStart, innerEnd] = tagInner(s, start, end);
  let at = innerStart;
  while (at < innerEnd && /\s/.test(s[at])) at++;
  // The name is the first word (see wordsOfTag); found without splitting the rest.
  let stop = at;
  const quote = s[at];
  if (quote === '"' || quote === "'") {
    const close = s.indexOf(quote, at + 1);
    if (close !== -1 && close < innerEnd) return new ScannedTag(s, start, end, s.slice(at + 1, close));
  }
  while (stop < innerEnd && !/\s/.test(s[stop])) stop++;
  return new ScannedTag(s, start, end, s.slice(at, stop));
}

function tagInner(s: string, start: number, end: number): [number, number] {
  let innerStart = start + 2;
  let innerEnd = end - 2;
  if (s[innerStart] === '-') innerStart++;
  if (s[innerEnd - 1] === '-') innerEnd--;
  return [innerStart, Math.max(innerStart, innerEnd)];
}

/** A tag's words, name first: whitespace separates them; quotes keep spaces inside one (Nunjucks' lexer reads strings whole). */
function wordsOfTag(s: string, start: number, end: number): TagWord[] {
  const [innerStart, innerEnd] = tagInner(s, start, end);
  return tagWords(s, innerStart, innerEnd);
}


const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

/**
 * An ATX heading's level and text (closing `#`s and blanks removed), by hand: the equivalent regular
 * expression, `(.*?)(?:[ \t]+#+)?[ \t]*$`, backtracks quadratically over a long run of blanks.
 */
function atxHeading(content: string): { level: number; raw: string; start: number } | undefined {
  const open = ATX_OPEN.exec(content);
  if (!open) return undefined;
  let start = open[0].length;
  while (isBlank(content.charCodeAt(start))) start++;
  let end = content.length;
  while (end > start && isBlank(content.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > start && content.charCodeAt(hashes - 1) === 0x23) hashes--;
  if (hashes < end && hashes > start && isBlank(content.charCodeAt(hashes - 1))) {
    end = hashes;
    while (end > start && isBlank(content.charCodeAt(end - 1))) end--;
  }
  return { level: open[1].length, raw: content.slice(start, end), start };
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_H2 = /^ {0,3}-+[ \t]*$/;

function findHeadings(lines: Lines, protectedSpans: SpanList): Heading[] {
  const headings: Heading[] = [];
  // Each line's first character, asked once: it is the next line's `underLead` first.
  let nextLead = lines.count > 0 ? lines.leadingChar(0) : -1;
  for (let i = 0; i < lines.count && headings.length < MAX_STORED_TOKENS; i++) {
    const start = lines.starts[i];
    // Only a line starting with `#`, or followed by a line of `=` or `-`, can be a heading.
    const lead = nextLead;
    const underLead = i + 1 < lines.count ? lines.leadingChar(i + 1) : -1;
    nextLead = underLead;
    if (lead !== 0x23 /* # */ && underLead !== 0x3d /* = */ && underLead !== 0x2d /* - */) continue;
    if (inSpans(protectedSpans, start)) continue;
    const content = lines.content(i);
    const atx = atxHeading(content);
    if (atx) {
      const textStart = atx.raw ? start + atx.start : lines.ends[i];
      headings.push({ start: textStart, end: textStart + atx.raw.length, level: atx.level, text: atx.raw.trim(), lineSpan: { start, end: lines.nexts[i] } });
      continue;
    }
    if (i + 1 >= lines.count || content.trim() === '' || /^ {4}/.test(content)) continue;
    const under = lines.content(i + 1);
    // Only a one-line paragraph: longer ones are rare and `---` under text may be a table or a rule.
    if (i > 0 && !lines.blank(i - 1) && !inSpans(protectedSpans, lines.starts[i - 1])) continue;
    const level = SETEXT_H1.test(under) ? 1 : SETEXT_H2.test(under) && /\S/.test(content) && !/^\s*[-*+>|]/.test(content) ? 2 : 0;
    if (level === 0) continue;
    const trimmedStart = start + (content.length - content.trimStart().length);
    headings.push({ start: trimmedStart, end: start + content.trimEnd().length, level, text: content.trim(), lineSpan: { start, end: lines.nexts[i + 1] } });
    i++;
    nextLead = i + 1 < lines.count ? lines.leadingChar(i + 1) : -1;
  }
  return headings;
}

const REFERENCE = /^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;
// `[^<>]` keeps each tag's search inside it: `[^>]*?` ran to the end of the text from every `<a`.
const HTML_SOURCE = /<(img|a|source|video|audio)\b[^<>]*?\s(src|href)\s*=\s*(["'])([^"'\n]*)\3/gi;

function findLinks(text: string, from: number, protectedSpans: SpanList): LinkTarget[] {
  const body = text.slice(from);
  const links: LinkTarget[] = [];
  const add = (url: string, start: number, image: boolean): void => {
    if (links.length >= MAX_STORED_LINKS || inSpans(protectedSpans, start)) return;
    let value = url;
    let at = start;
    if (value.startsWith('<') && value.endsWith('>')) {
      value = value.slice(1, -1);
      at++;
    }
    links.push({ url: value, start: at, end: at + value.length, image });
  };
  for (const link of findInlineLinks(text, from)) add(link.target, link.start, link.image);
  // Each search only where its mark is in the body: most posts have no reference definition or HTML.
  if (body.includes(']:')) for (const m of body.matchAll(REFERENCE)) add(m[1], from + m.index + m[0].length - m[1].length, false);
  if (body.includes('<')) for (const m of body.matchAll(HTML_SOURCE)) {
    const offset = m.index + m[0].length - 1 - m[4].length;
    add(m[4], from + offset, m[1].toLowerCase() === 'img');
  }
  return links.sort((a, b) => a.start - b.start);
}
