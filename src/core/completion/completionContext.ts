import { splitFrontMatter } from '../frontMatter';
import type { QuoteChar } from '../frontMatter/yamlText';

/**
 * Where the cursor is in a post's front matter, found from the characters around it rather than from
 * a parse: while the writer types, the YAML is broken more often than not (`tags: [a, ` has no `]`
 * yet), and completion must still know it is in the second item of the `tags` flow list.
 *
 * The analysis reads only the front matter (Hexo's split tells where it is), line by line: a line
 * starting in column 0 holds a top-level key, and the lines after it up to the next such line hold
 * its value — a scalar, a flow list `[a, b]` (possibly over several lines), or a block list of `- a`
 * items, whose items may themselves be lists (`- [A, B]`, or a block list below a bare `-` or after
 * `- - `: a category hierarchy). A quoted value may run over lines; those lines hold no keys. Hexo's
 * `;;;` JSON front matter is read as entries `"key": value` separated by commas.
 */

/** A span of the text by offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ScalarItem {
  readonly kind: 'scalar';
  /** The value as written, unquoted (escapes resolved). */
  readonly value: string;
  readonly span: Span;
  readonly quote?: QuoteChar;
}

export interface ListItem {
  readonly kind: 'list';
  readonly items: readonly ScalarItem[];
  readonly span: Span;
}

export type ValueItem = ScalarItem | ListItem;

/** Where a value chosen from the list goes, and how it must be written there. */
export interface ValueSlot {
  /** What the item replaces: the token being typed (its closing quote included when there is one). */
  readonly replace: Span;
  /** What is typed of the token before the cursor (without an opening quote). */
  readonly typed: string;
  /** Set when the cursor is inside a quoted token: the item keeps the author's quote and closes it. */
  readonly quote?: QuoteChar;
  /** `scalar`: the key's single value; `flow`: an item of `[...]`; `block`: a `- item`. */
  readonly container: 'scalar' | 'flow' | 'block';
  /** Text the item puts before the value: a space after `:`/`,`/`-` typed without one, `- ` on an empty indented line. */
  readonly before: string;
  /** Text the item puts after the value: `, ` when it goes in front of an item of a flow list. */
  readonly after?: string;
  /** The item being replaced, if any (it does not count as already present). */
  readonly token?: Span;
  /** The slot's place in the value: `[i]` for a top-level item, `[i, j]` for item j of the list at i. */
  readonly path: readonly number[];
}

interface ContextBase {
  readonly format: 'yaml' | 'json';
  /** Top-level keys written in the front matter, except the one being typed. */
  readonly presentKeys: ReadonlySet<string>;
  /** The line break the document uses. */
  readonly eol: string;
}

export interface KeyContext extends ContextBase {
  readonly kind: 'key';
  readonly replace: Span;
  readonly typed: string;
  /** True when a `:` already follows the key being edited: the item inserts the name only. */
  readonly hasColon: boolean;
  /** JSON only: where a comma must go after the previous entry, and whether the new entry needs one after it. */
  readonly commaBefore?: number;
  readonly commaAfter?: boolean;
}

export interface ValueContext extends ContextBase {
  readonly kind: 'value';
  /** The key whose value the cursor is in, as written (`tags`, `tag`, `categories`...). */
  readonly key: string;
  readonly slot: ValueSlot;
  /** Every item of the key's value, in order (so completion can leave out what is already there). */
  readonly items: readonly ValueItem[];
  /** The quote the author uses in this front matter, for values that need quoting. */
  readonly preferredQuote: QuoteChar;
}

export interface NewFrontMatterContext {
  readonly kind: 'newFrontMatter';
  /** What a whole front matter replaces: the dashes typed on the first line, if any. */
  readonly replace: Span;
  readonly eol: string;
  /** True when a line break already follows the first line (else the front matter brings its own). */
  readonly lineBreakFollows: boolean;
}

export type CompletionContext = { readonly kind: 'none' } | KeyContext | ValueContext | NewFrontMatterContext;

const NONE = { kind: 'none' } as const;
const LF = 10;
const CR = 13;

export function analyzeCompletionContext(text: string, offset: number): CompletionContext {
  if (offset < 0 || offset > text.length) return NONE;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const split = splitFrontMatter(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  let region: Span;
  let format: 'yaml' | 'json';
  if (split.format !== 'none' && split.content) {
    region = split.content;
    format = split.format;
    // Without an opening `---`, Hexo takes whatever precedes the first `---` line as front matter; a
    // body with a horizontal rule must not get key suggestions, so insist it already reads like keys.
    if (!split.openingFence && !looksLikeEntries(text, region, format, offset)) return NONE;
  } else if (split.unclosedOpening) {
    // `---` typed, the closing one not yet: the front matter runs to the next separator-like line.
    const opening = split.unclosedOpening;
    if (offset <= lineEndOf(text, opening.end, text.length)) {
      // Only a bare `---` so far: offer the whole front matter; with keys below, leave them alone.
      return text.slice(opening.end).trim() === '' ? newFrontMatter(text, bom, offset, eol) : NONE;
    }
    const start = opening.end + lineBreakAt(text, opening.end);
    if (start === opening.end) return NONE;
    region = { start, end: unclosedRegionEnd(text, start, text.charCodeAt(opening.start)) };
    format = text.charCodeAt(opening.start) === 0x3b ? 'json' : 'yaml';
  } else {
    return newFrontMatter(text, bom, offset, eol);
  }
  if (offset < region.start || offset > region.end) return NONE;
  return format === 'json' ? analyzeJson(text, region, offset, eol) : analyzeYaml(text, region, offset, eol);
}

/** In a file without front matter, on its first line, before anything but dashes: offer a whole one. */
function newFrontMatter(text: string, bom: number, offset: number, eol: string): CompletionContext {
  const firstLineEnd = lineEndOf(text, bom, text.length);
  if (offset < bom || offset > firstLineEnd) return NONE;
  const line = text.slice(bom, firstLineEnd);
  if (!/^-*\s*$/.test(line)) return NONE;
  const dashesEnd = bom + line.length - line.replace(/^-*/, '').length;
  return { kind: 'newFrontMatter', replace: { start: bom, end: Math.max(offset, dashesEnd) }, eol, lineBreakFollows: firstLineEnd < text.length };
}

function looksLikeEntries(text: string, region: Span, format: 'yaml' | 'json', offset: number): boolean {
  for (let line = region.start; line < region.end; line = nextLineStart(text, line, region.end)) {
    const end = lineEndOf(text, line, region.end);
    if (offset >= line && offset <= end) continue;
    const content = text.slice(line, end);
    if (content.trim() === '' || content.startsWith('#')) continue;
    return format === 'json' ? /^\s*"[^"]*"\s*:/.test(content) : keyColon(text, line, end) !== -1 && isOwnerLine(text, line, end);
  }
  return false;
}

/** The end of an unclosed front matter: the next line that starts a separator run or a code fence. */
function unclosedRegionEnd(text: string, start: number, separator: number): number {
  for (let line = start; line < text.length; line = nextLineStart(text, line, text.length)) {
    const c = text.charCodeAt(line);
    if ((c === separator && text.charCodeAt(line + 1) === separator && text.charCodeAt(line + 2) === separator)
      || text.startsWith('```', line) || text.startsWith('~~~', line)) {
      return Math.max(start, line - (text.charCodeAt(line - 2) === CR ? 2 : 1));
    }
  }
  return text.length;
}

// ---------------------------------------------------------------------------------------------------
// YAML

function analyzeYaml(text: string, region: Span, offset: number, eol: string): CompletionContext {
  const lineStart = lineStartOf(text, offset, region.start);
  const lineEnd = lineEndOf(text, offset, region.end);
  const { owners, quoted } = yamlOwnerLines(text, region);
  // Inside a quoted value that runs over lines, even a line like `world: again"` is text.
  if (quoted.some((span) => offset > span.start && offset <= span.end)) return NONE;
  const base = { format: 'yaml' as const, presentKeys: yamlKeys(text, owners, lineStart), eol };

  let owner: number | undefined;
  if (owners.includes(lineStart)) {
    const colon = keyColon(text, lineStart, lineEnd);
    if (colon === -1 || offset <= colon) return yamlKeyContext(text, lineStart, lineEnd, offset, base);
    owner = lineStart;
  } else {
    owner = owners.filter((line) => line < lineStart).pop();
  }
  const ownerEnd = owner === undefined ? -1 : lineEndOf(text, owner, region.end);
  const colon = owner === undefined ? -1 : keyColon(text, owner, ownerEnd);
  const blankLine = text.slice(lineStart, lineEnd).trim() === '';
  const keyHere = (): CompletionContext => {
    if (!blankLine || offset !== lineStart) return NONE;
    // Indented lines below mean the value above goes on (a block scalar's blank line, a folded
    // scalar, a list): a key typed here would cut it in two. In a block scalar even `  # x` is text.
    const blockScalar = colon !== -1 && /^[ \t]*[|>]/.test(text.slice(colon + 1, ownerEnd));
    if (valueGoesOnBelow(text, lineEnd, region.end, blockScalar)) return NONE;
    return { ...base, kind: 'key', replace: { start: offset, end: offset }, typed: '', hasColon: false };
  };
  if (owner === undefined || colon === -1) return keyHere();

  const next = owners.find((line) => line > lineStart);
  const valueEnd = next === undefined ? region.end : Math.max(lineEnd, next - (text.charCodeAt(next - 2) === CR ? 2 : 1));
  const scan = scanYamlValue(text, colon + 1, valueEnd, offset);
  if (!scan.slot) return keyHere();
  return {
    ...base,
    kind: 'value',
    key: keyName(text, owner, colon),
    slot: scan.slot,
    items: scan.items,
    preferredQuote: preferredQuote(text, region),
  };
}

/** Whether the next line with content below `lineEnd` is indented (comment lines count only when `comments`). */
function valueGoesOnBelow(text: string, lineEnd: number, regionEnd: number, comments: boolean): boolean {
  for (let line = nextLineStart(text, lineEnd, regionEnd); line < regionEnd; line = nextLineStart(text, line, regionEnd)) {
    const end = lineEndOf(text, line, regionEnd);
    const content = skipBlanks(text, line, end);
    if (content >= end || (!comments && text[content] === '#')) continue;
    return content > line;
  }
  return false;
}

/**
 * The lines holding top-level keys, and the quoted values that run over several lines. js-yaml reads
 * `title: "Hello` then `world: again"` as one string, so the second line is no key. A quote counts as
 * running on only if it closes where YAML allows (nothing but a comment after it on its line): a
 * quote still being typed must not swallow the keys below.
 */
function yamlOwnerLines(text: string, region: Span): { owners: number[]; quoted: Span[] } {
  const owners: number[] = [];
  const quoted: Span[] = [];
  for (let line = region.start; line < region.end; line = nextLineStart(text, line, region.end)) {
    const end = lineEndOf(text, line, region.end);
    if (!isOwnerLine(text, line, end)) continue;
    owners.push(line);
    const colon = keyColon(text, line, end);
    if (colon === -1) continue;
    const open = skipBlanks(text, colon + 1, end);
    if ((text[open] !== '"' && text[open] !== "'") || closingQuote(text, open, end) !== -1) continue;
    const close = closingQuote(text, open, region.end);
    if (close === -1) continue;
    const closeLineEnd = lineEndOf(text, close, region.end);
    if (!/^[ \t]*(?:#.*)?$/.test(text.slice(close + 1, closeLineEnd))) continue;
    quoted.push({ start: open, end: close + 1 });
    line = closeLineEnd;
  }
  return { owners, quoted };
}

function yamlKeyContext(
  text: string, lineStart: number, lineEnd: number, offset: number,
  base: Pick<KeyContext, 'format' | 'presentKeys' | 'eol'>,
): CompletionContext {
  const typed = text.slice(lineStart, offset);
  if (!/^[^\s:#'"[\]{},]*$/.test(typed)) return NONE;
  let end = offset;
  while (end < lineEnd && !/[\s:#'"[\]{},]/.test(text[end])) end++;
  const hasColon = /^\s*:/.test(text.slice(end, lineEnd));
  return { ...base, kind: 'key', replace: { start: lineStart, end }, typed, hasColon };
}

/** A line holding a top-level key: it starts in column 0 with something other than a comment or a `- ` item. */
function isOwnerLine(text: string, lineStart: number, lineEnd: number): boolean {
  if (lineStart >= lineEnd) return false;
  const c = text[lineStart];
  if (c === ' ' || c === '\t' || c === '#') return false;
  if (c === '-') {
    const next = text[lineStart + 1];
    return !(lineStart + 1 >= lineEnd || next === ' ' || next === '\t' || next === '-');
  }
  return true;
}

/** The colon that ends the key on a line, or -1 (YAML: a `:` followed by a space or the end of the line). */
function keyColon(text: string, lineStart: number, lineEnd: number): number {
  let from = lineStart;
  const quote = text[lineStart];
  if (quote === '"' || quote === "'") {
    const close = closingQuote(text, lineStart, lineEnd);
    if (close === -1) return -1;
    from = close + 1;
  }
  for (let i = text.indexOf(':', from); i !== -1 && i < lineEnd; i = text.indexOf(':', i + 1)) {
    const hash = text.indexOf(' #', from);
    if (hash !== -1 && hash < i) return -1;
    const next = text[i + 1];
    if (i + 1 >= lineEnd || next === ' ' || next === '\t') return i;
  }
  return -1;
}

function keyName(text: string, lineStart: number, colon: number): string {
  const raw = text.slice(lineStart, colon).trim();
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0])) return unquote(raw.slice(1, -1), raw[0] as QuoteChar);
  return raw;
}

function yamlKeys(text: string, owners: readonly number[], exceptLine: number): Set<string> {
  const keys = new Set<string>();
  for (const line of owners) {
    if (line === exceptLine) continue;
    const colon = keyColon(text, line, lineEndOf(text, line, text.length));
    if (colon !== -1) keys.add(keyName(text, line, colon));
  }
  return keys;
}

/** The quote style of the first quoted value in the front matter; double quotes when there is none. */
function preferredQuote(text: string, region: Span): QuoteChar {
  const match = /(?:^|[:[,-])[ \t]*(["'])/m.exec(text.slice(region.start, region.end));
  return match?.[1] === "'" ? "'" : '"';
}

interface ValueScan {
  readonly items: ValueItem[];
  readonly slot?: ValueSlot;
}

interface SlotHolder {
  slot?: ValueSlot;
}

/** A list as scanned, at any depth (`ValueItem` keeps two levels: see `asScalar`). */
interface ScannedList {
  readonly kind: 'list';
  readonly items: Scanned[];
  readonly span: { start: number; end: number };
}

type Scanned = ScalarItem | ScannedList;

/** Lists nested deeper than this are skipped, not scanned (the scan recurses). */
const MAX_DEPTH = 32;

function toValueItem(node: Scanned): ValueItem {
  return node.kind === 'scalar' ? node : { kind: 'list', items: node.items.map(asScalar), span: node.span };
}

/**
 * An item of an item: Hexo makes it a name with `${item}` (`removeEmptyTag` in hexo
 * `lib/models/post.ts`), so a list there is ONE name, its items joined by commas: under
 * `categories: [[A, [B, C]]]` the post is in A and in A > "B,C" (checked with hexo 8.1.2).
 */
function asScalar(node: Scanned): ScalarItem {
  return node.kind === 'scalar' ? node : { kind: 'scalar', value: joinedName(node), span: node.span };
}

function joinedName(node: Scanned): string {
  return node.kind === 'scalar' ? node.value : node.items.map(joinedName).join(',');
}

/**
 * The slot, unless it is in a list below the second level: what is typed there only becomes part of
 * a name made of several (see `asScalar`), so no tag or category offered there would be right.
 */
function reachable(slot: ValueSlot | undefined): ValueSlot | undefined {
  return slot && slot.path.length <= 2 ? slot : undefined;
}

/** Reads a key's value from just after its colon to `end`, noting the slot the cursor is in, if any. */
function scanYamlValue(text: string, from: number, end: number, cursor: number): ValueScan {
  const holder: SlotHolder = {};
  const keyLineEnd = lineEndOf(text, from, end);
  const p = skipBlanks(text, from, keyLineEnd);
  const first = text[p];
  if (p < keyLineEnd && first !== '#') {
    if (first === '[') {
      const list = scanFlowList(text, p, end, cursor, holder, []);
      return { items: list.items.map(toValueItem), slot: reachable(holder.slot) };
    }
    // Mappings, block scalars, anchors, aliases and tags: nothing to complete.
    if (OPAQUE.includes(first)) return { items: [] };
    const token = scanToken(text, p, keyLineEnd, 'block');
    if (inToken(token, cursor)) holder.slot = tokenSlot(text, token, cursor, 'scalar', [0], keyLineEnd, 'block');
    return { items: [token.item], slot: holder.slot };
  }

  // Nothing on the key line yet: the value is a scalar to come, or a block list below.
  const block = scanBlockList(text, nextLineStart(text, keyLineEnd, end), end, cursor, holder);
  // Unless a list or a scalar follows below, the key line itself takes the value.
  if (!holder.slot && block.empty && cursor >= from && cursor <= p) {
    holder.slot = { replace: { start: cursor, end: cursor }, typed: '', container: 'scalar', before: cursor === from ? ' ' : '', path: [0] };
  }
  return { items: block.items.map(toValueItem), slot: reachable(holder.slot) };
}

/** What starts a value that holds nothing to complete: a mapping, a block scalar, an anchor, an alias, a tag. */
const OPAQUE = '{|>&*!';

/** A block sequence being read: the key's own list, or a list that is an item of it (`-` then `  - a`, or `- - a`). */
interface BlockFrame {
  /** The column of its dashes, once its first item is read. */
  indent?: number;
  readonly items: Scanned[];
  readonly path: readonly number[];
  /** The list node it fills (absent for the key's own list). */
  readonly list?: ScannedList;
  /** Its last item: a bare `-` (its value, if any, is a list on the lines below), a scalar, or anything else. */
  last?: 'empty' | 'scalar' | 'other';
}

/**
 * Reads the lines below a key as a block list, following indentation as YAML does: an item may be a
 * flow list (`- [A, B]`), or a block list itself, either below a bare `-` or inline (`- - A`). A line
 * deeper than the items that is not such a list continues the item above (a multi-line scalar).
 */
function scanBlockList(text: string, firstLine: number, end: number, cursor: number, holder: SlotHolder): { items: Scanned[]; empty: boolean } {
  const top: BlockFrame = { items: [], path: [] };
  const stack = [top];
  // A line of text below the key before any `-`: the value is a multi-line scalar, not a list.
  let scalar = false;
  for (let line = firstLine; line < end;) {
    const lineEnd = lineEndOf(text, line, end);
    const indentEnd = skipBlanks(text, line, lineEnd);
    if (indentEnd >= lineEnd) {
      if (!scalar && cursor > line && cursor <= lineEnd) emptyLineSlot(stack, cursor - line, cursor, lineEnd, holder);
    } else if (isDash(text, indentEnd, lineEnd) && !scalar) {
      const column = indentEnd - line;
      while (stack.length > 1 && column < (stack[stack.length - 1].indent ?? 0)) stack.pop();
      let frame = stack[stack.length - 1];
      if (frame.indent === undefined) {
        frame.indent = column;
      } else if (column > frame.indent) {
        if (frame.last !== 'empty') {
          line = nextLineStart(text, lineEnd, end);
          continue;
        }
        frame = openNested(stack, frame, indentEnd, column);
      }
      line = scanBlockItem(text, line, indentEnd, lineEnd, end, cursor, stack, frame, holder);
      continue;
    } else if (text[indentEnd] !== '#' && top.indent === undefined) {
      scalar = true;
    }
    line = nextLineStart(text, lineEnd, end);
  }
  return { items: top.items, empty: top.indent === undefined && !scalar };
}

/** Reads the item whose `-` is at `dash`; returns where the next line starts. */
function scanBlockItem(
  text: string, line: number, dash: number, lineEnd: number, end: number, cursor: number, stack: BlockFrame[], frame: BlockFrame, holder: SlotHolder,
): number {
  const dashEnd = dash + 1;
  const q = skipBlanks(text, dashEnd, lineEnd);
  const path = [...frame.path, frame.items.length];
  let next = nextLineStart(text, lineEnd, end);
  if (isDash(text, q, lineEnd) && stack.length < MAX_DEPTH) {
    // `- - A`: the item is a list whose first item is on this line.
    return scanBlockItem(text, line, q, lineEnd, end, cursor, stack, openNested(stack, frame, q, q - line), holder);
  }
  if (q < lineEnd && text[q] === '[') {
    const inner = scanFlowList(text, q, end, cursor, holder, path);
    add(frame, { kind: 'list', items: inner.items, span: { start: q, end: inner.close } }, 'other');
    next = nextLineStart(text, lineEndOf(text, Math.max(q, inner.close - 1), end), end);
  } else if (q >= lineEnd || text[q] === '#') {
    frame.last = 'empty';
    if (cursor >= dashEnd && cursor <= q) {
      holder.slot = { replace: { start: cursor, end: cursor }, typed: '', container: 'block', before: cursor === dashEnd ? ' ' : '', path };
    }
  } else if (OPAQUE.includes(text[q])) {
    frame.last = 'other';
  } else {
    const token = scanToken(text, q, lineEnd, 'block');
    add(frame, token.item, 'scalar');
    if (inToken(token, cursor)) holder.slot = tokenSlot(text, token, cursor, 'block', path, lineEnd, 'block');
  }
  return next;
}

function add(frame: BlockFrame, item: Scanned, last: BlockFrame['last']): void {
  frame.items.push(item);
  frame.last = last;
  if (frame.list) frame.list.span.end = item.span.end;
}

/** Starts the list that is the value of `parent`'s next item, its dashes in `column`. */
function openNested(stack: BlockFrame[], parent: BlockFrame, dash: number, column: number): BlockFrame {
  const list: ScannedList = { kind: 'list', items: [], span: { start: dash, end: dash } };
  const frame: BlockFrame = { indent: column, items: list.items, path: [...parent.path, parent.items.length], list };
  add(parent, list, 'other');
  stack.push(frame);
  return frame;
}

/**
 * An empty line among the items, with the cursor in `column`: a new `- ` item goes there, in the
 * deepest list whose dashes the column reaches; deeper still, under a bare `-`, it starts that item's list.
 */
function emptyLineSlot(stack: readonly BlockFrame[], column: number, cursor: number, lineEnd: number, holder: SlotHolder): void {
  let depth = stack.length - 1;
  while (depth > 0 && column < (stack[depth].indent ?? 0)) depth--;
  const frame = stack[depth];
  let path = [...frame.path, frame.items.length];
  if (frame.indent !== undefined && column > frame.indent) {
    // Deeper than the items and not under a bare `-`: the line continues the item above.
    if (frame.last !== 'empty') return;
    path = [...path, 0];
  }
  holder.slot = { replace: { start: cursor, end: lineEnd }, typed: '', container: 'block', before: '- ', path };
}

/** A `-` that starts a block list item: followed by a space, a tab or the end of the line. */
function isDash(text: string, at: number, lineEnd: number): boolean {
  return text[at] === '-' && (at + 1 >= lineEnd || text[at + 1] === ' ' || text[at + 1] === '\t');
}

// ---------------------------------------------------------------------------------------------------
// Flow lists and tokens (shared by YAML and JSON: JSON's arrays and strings are YAML flow syntax)

interface Token {
  readonly item: ScalarItem;
  /** Where the token's text ends, trailing spaces included (plain) or after the closing quote. */
  readonly rawEnd: number;
  /** For quoted tokens: false while the closing quote is still missing. */
  readonly closed: boolean;
}

function scanFlowList(
  text: string, open: number, end: number, cursor: number, holder: SlotHolder, path: readonly number[],
): { items: Scanned[]; close: number } {
  const items: Scanned[] = [];
  let i = open + 1;
  let slotStart = i;
  let expectItem = true;
  const emptySlot = (at: number): void => {
    if (!expectItem || cursor < slotStart || cursor > at) return;
    holder.slot = {
      replace: { start: cursor, end: cursor }, typed: '', container: 'flow',
      before: text[cursor - 1] === ',' ? ' ' : '', path: [...path, items.length],
    };
  };
  for (;;) {
    const t = skipFlowSpace(text, i, end);
    if (t >= end) {
      emptySlot(end);
      return { items, close: end };
    }
    const c = text[t];
    if (c === ']') {
      emptySlot(t);
      return { items, close: t + 1 };
    }
    if (c === ',') {
      emptySlot(t);
      i = t + 1;
      slotStart = i;
      expectItem = true;
      continue;
    }
    if (c === '[' && path.length < MAX_DEPTH) {
      const inner = scanFlowList(text, t, end, cursor, holder, [...path, items.length]);
      items.push({ kind: 'list', items: inner.items, span: { start: t, end: inner.close } });
      i = inner.close;
    } else if (c === '[' || c === '{') {
      i = skipBalanced(text, t, end);
    } else {
      const token = scanToken(text, t, lineEndOf(text, t, end), 'flow');
      items.push(token.item);
      if (inToken(token, cursor)) holder.slot = tokenSlot(text, token, cursor, 'flow', [...path, items.length - 1], lineEndOf(text, t, end), 'flow');
      if (!token.closed) return { items, close: end };
      i = Math.max(token.rawEnd, t + 1);
    }
    expectItem = false;
  }
}

/** Reads one scalar token at `start`: quoted (to its closing quote on the line) or plain (to a delimiter). */
function scanToken(text: string, start: number, lineEnd: number, context: 'flow' | 'block'): Token {
  const c = text[start];
  if (c === '"' || c === "'") {
    const close = closingQuote(text, start, lineEnd);
    if (close !== -1) {
      return { item: { kind: 'scalar', value: unquote(text.slice(start + 1, close), c), span: { start, end: close + 1 }, quote: c }, rawEnd: close + 1, closed: true };
    }
    return { item: { kind: 'scalar', value: unquote(text.slice(start + 1, lineEnd), c), span: { start, end: lineEnd }, quote: c }, rawEnd: lineEnd, closed: false };
  }
  let end = start;
  while (end < lineEnd) {
    const ch = text[end];
    if (context === 'flow' && (ch === ',' || ch === ']' || ch === '[' || ch === '{' || ch === '}')) break;
    if (ch === '#' && end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) break;
    end++;
  }
  let trimmed = end;
  while (trimmed > start && (text[trimmed - 1] === ' ' || text[trimmed - 1] === '\t')) trimmed--;
  return { item: { kind: 'scalar', value: text.slice(start, trimmed), span: { start, end: trimmed } }, rawEnd: end, closed: true };
}

function inToken(token: Token, cursor: number): boolean {
  const { span, quote } = token.item;
  if (quote) return cursor > span.start && cursor <= (token.closed ? span.end - 1 : token.rawEnd);
  return cursor >= span.start && cursor <= token.rawEnd;
}

function tokenSlot(
  text: string, token: Token, cursor: number, container: ValueSlot['container'], path: readonly number[], lineEnd: number, context: 'flow' | 'block',
): ValueSlot {
  const { span, quote } = token.item;
  const before = /[,:]/.test(text[span.start - 1] ?? '') ? ' ' : '';
  if (quote) {
    let end = span.end;
    if (!token.closed) {
      // The closing quote is not typed yet: the token ends where the list goes on, or with the line.
      end = lineEnd;
      if (context === 'flow') {
        const delimiter = text.slice(cursor, lineEnd).search(/[,\]]/);
        if (delimiter !== -1) end = cursor + delimiter;
      }
      while (end > cursor && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    }
    return { replace: { start: span.start + 1, end }, typed: text.slice(span.start + 1, cursor), quote, container, before: '', path, token: span };
  }
  if (context === 'flow' && cursor === span.start && span.end > span.start) {
    // `[|a, b]`: a new item goes in front of `a`, which stays.
    return { replace: { start: cursor, end: cursor }, typed: '', container, before: '', after: ', ', path };
  }
  return { replace: { start: span.start, end: Math.max(cursor, span.end) }, typed: text.slice(span.start, cursor), container, before, path, token: span };
}

/** The offset of the quote closing the one at `start` on its line, or -1. */
function closingQuote(text: string, start: number, lineEnd: number): number {
  const quote = text[start];
  for (let i = start + 1; i < lineEnd; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') {
      i++;
    } else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function unquote(body: string, quote: QuoteChar): string {
  if (quote === "'") return body.replace(/''/g, "'");
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    // An escape JSON does not know, half typed: read it the forgiving way.
    return body.replace(/\\(.)/g, '$1');
  }
}

function skipBalanced(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = closingQuote(text, i, lineEndOf(text, i, end));
      if (close === -1) return end;
      i = close;
    } else if (c === '[' || c === '{') {
      depth++;
    } else if (c === ']' || c === '}') {
      if (--depth === 0) return i + 1;
    }
  }
  return end;
}

/** Skips spaces, line breaks and `#` comments inside a flow collection. */
function skipFlowSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      i = lineEndOf(text, i, end);
    } else {
      break;
    }
  }
  return i;
}

// ---------------------------------------------------------------------------------------------------
// JSON (`;;;`): `"key": value,` entries without the outer braces

interface JsonEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly colon: number;
  /** Where the value ends: at its comma, or at the end of the entry's last token. */
  readonly valueEnd: number;
  readonly comma: boolean;
}

function analyzeJson(text: string, region: Span, offset: number, eol: string): CompletionContext {
  const entries = scanJsonEntries(text, region);
  const at = entries.findIndex((entry) => offset >= entry.keyStart && offset <= entry.keyEnd);
  const presentKeys = new Set(entries.filter((entry, index) => entry.colon !== -1 && index !== at).map((entry) => entry.key));
  const base = { format: 'json' as const, presentKeys, eol };
  const keyContext = (start: number, end: number, typed: string, hasColon: boolean, index: number): CompletionContext => {
    const previous = entries.slice(0, index).filter((entry) => entry.keyStart < start).pop();
    const next = entries.find((entry) => entry.keyStart >= end);
    return {
      ...base, kind: 'key', replace: { start, end }, typed, hasColon,
      commaBefore: previous && !previous.comma ? previous.valueEnd : undefined,
      commaAfter: !hasColon && next !== undefined,
    };
  };
  if (at !== -1) {
    const entry = entries[at];
    const quoted = text[entry.keyStart] === '"';
    if (quoted && offset === entry.keyStart) return NONE;
    const typed = text.slice(entry.keyStart + (quoted ? 1 : 0), offset);
    if (/[\s:,]/.test(typed)) return NONE;
    return keyContext(entry.keyStart, entry.keyEnd, typed, entry.colon !== -1, at);
  }
  const owner = entries.find((entry) => entry.colon !== -1 && offset > entry.colon && offset <= entry.valueEnd);
  if (owner) {
    const holder: SlotHolder = {};
    const items: ValueItem[] = [];
    const p = skipFlowSpace(text, owner.colon + 1, owner.valueEnd);
    if (p >= owner.valueEnd) {
      if (offset <= p) holder.slot = { replace: { start: offset, end: offset }, typed: '', container: 'scalar', before: offset === owner.colon + 1 ? ' ' : '', path: [0] };
    } else if (text[p] === '[') {
      items.push(...scanFlowList(text, p, owner.valueEnd, offset, holder, []).items.map(toValueItem));
    } else if (text[p] !== '{') {
      const lineEnd = Math.min(lineEndOf(text, p, owner.valueEnd), owner.valueEnd);
      const token = scanToken(text, p, lineEnd, 'flow');
      items.push(token.item);
      if (inToken(token, offset)) holder.slot = tokenSlot(text, token, offset, 'scalar', [0], lineEnd, 'flow');
    }
    const slot = reachable(holder.slot);
    if (!slot) return NONE;
    return { ...base, kind: 'value', key: owner.key, slot, items, preferredQuote: '"' };
  }
  // Between entries: a new key goes at the cursor, if the cursor is not just after a value.
  const lineStart = lineStartOf(text, offset, region.start);
  if (text.slice(lineStart, offset).trim() !== '' && !/,\s*$/.test(text.slice(region.start, offset))) return NONE;
  return keyContext(offset, offset, '', false, entries.length);
}

function scanJsonEntries(text: string, region: Span): JsonEntry[] {
  const entries: JsonEntry[] = [];
  let i = region.start;
  while (i < region.end) {
    i = skipFlowSpace(text, i, region.end);
    if (i >= region.end) break;
    const c = text[i];
    if (c !== '"' && !/[\w$-]/.test(c)) {
      i++;
      continue;
    }
    const keyStart = i;
    const lineEnd = lineEndOf(text, i, region.end);
    let keyEnd: number;
    let key: string;
    if (c === '"') {
      const close = closingQuote(text, i, lineEnd);
      keyEnd = close === -1 ? lineEnd : close + 1;
      key = unquote(text.slice(i + 1, close === -1 ? lineEnd : close), '"');
    } else {
      keyEnd = i;
      while (keyEnd < lineEnd && /[^\s:,"]/.test(text[keyEnd])) keyEnd++;
      key = text.slice(i, keyEnd);
    }
    const afterKey = skipBlanks(text, keyEnd, lineEnd);
    if (text[afterKey] !== ':') {
      entries.push({ key, keyStart, keyEnd, colon: -1, valueEnd: keyEnd, comma: false });
      i = Math.max(keyEnd, i + 1);
      continue;
    }
    const valueEnd = jsonValueEnd(text, afterKey + 1, region.end);
    const comma = text[valueEnd] === ',';
    entries.push({ key, keyStart, keyEnd, colon: afterKey, valueEnd, comma });
    i = comma ? valueEnd + 1 : valueEnd;
  }
  return entries;
}

/**
 * Where a JSON value ends: at the comma after it, or — when the comma is missing because the writer
 * is typing the next entry — at the end of the line its last token ends on.
 */
function jsonValueEnd(text: string, from: number, end: number): number {
  let depth = 0;
  let seen = false;
  let lastTokenEnd = from;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '"') {
      const close = closingQuote(text, i, lineEndOf(text, i, end));
      i = close === -1 ? lineEndOf(text, i, end) - 1 : close;
      seen = true;
      lastTokenEnd = i + 1;
    } else if (c === '[' || c === '{') {
      depth++;
      seen = true;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
      lastTokenEnd = i + 1;
    } else if (c === ',' && depth === 0) {
      return i;
    } else if (c === '\n' && depth === 0 && seen) {
      return lastTokenEnd;
    } else if (!/\s/.test(c)) {
      seen = true;
      lastTokenEnd = i + 1;
    }
  }
  return end;
}

// ---------------------------------------------------------------------------------------------------
// Lines

function lineStartOf(text: string, offset: number, min: number): number {
  // `lastIndexOf` reads a negative start as 0, and would find a line break at 0 before offset 0.
  if (offset <= min) return min;
  return Math.max(min, text.lastIndexOf('\n', offset - 1) + 1);
}

/** The end of the line's content at `offset` (before `\r\n`/`\n`), at most `max`. */
function lineEndOf(text: string, offset: number, max: number): number {
  const newline = text.indexOf('\n', offset);
  let end = newline === -1 || newline > max ? max : newline;
  if (end > offset && text.charCodeAt(end - 1) === CR && end === newline) end--;
  return Math.max(offset, end);
}

function nextLineStart(text: string, offset: number, max: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 || newline >= max ? max : newline + 1;
}

function lineBreakAt(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c === LF) return 1;
  return c === CR && text.charCodeAt(offset + 1) === LF ? 2 : 0;
}

function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
