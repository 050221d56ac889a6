import type { QuoteChar } from '../frontMatter/yamlText';
import { NONE, type CompletionContext, type KeyContext, type Span, type ValueItem, type ValueSlot } from './contextTypes';
import { CR, lineEndOf, lineStartOf, nextLineStart, skipBlanks } from '../text/lines';
import { closingQuote, inToken, MAX_DEPTH, reachable, scanFlowList, scanToken, tokenSlot, toValueItem, unquote, type Scanned, type ScannedList, type SlotHolder } from './flowScan';

/** The completion analysis of YAML front matter: keys in column 0, their values (scalars, flow and block lists). */

export function analyzeYaml(text: string, region: Span, offset: number, eol: string): CompletionContext {
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
export function isOwnerLine(text: string, lineStart: number, lineEnd: number): boolean {
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
export function keyColon(text: string, lineStart: number, lineEnd: number): number {
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