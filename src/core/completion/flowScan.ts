import type { QuoteChar } from '../frontMatter/yamlText';
import type { ScalarItem, ValueItem, ValueSlot } from './contextTypes';
import { lineEndOf } from '../text/lines';

/**
 * Flow lists and tokens, shared by YAML and JSON front matter (JSON's arrays and strings are YAML flow
 * syntax): the items written so far and the slot the cursor is in.
 */

export interface SlotHolder {
  slot?: ValueSlot;
}

/** A list as scanned, at any depth (`ValueItem` keeps two levels: see `asScalar`). */
export interface ScannedList {
  readonly kind: 'list';
  readonly items: Scanned[];
  readonly span: { start: number; end: number };
}

export type Scanned = ScalarItem | ScannedList;

/** Lists nested deeper than this are skipped, not scanned (the scan recurses). */
export const MAX_DEPTH = 32;

export function toValueItem(node: Scanned): ValueItem {
  return node.kind === 'scalar' ? node : { kind: 'list', items: node.items.map(asScalar), span: node.span };
}

/**
 * An item of an item: Hexo makes it a name with `${item}` (`removeEmptyTag` in hexo
 * `lib/models/post.ts`), so a list there is ONE name, its items joined by commas: under
 * `categories: [[A, [B, C]]]` the post is in A and in A > "B,C" (checked with hexo 8.1.2).
 */
export function asScalar(node: Scanned): ScalarItem {
  return node.kind === 'scalar' ? node : { kind: 'scalar', value: joinedName(node), span: node.span };
}

export function joinedName(node: Scanned): string {
  return node.kind === 'scalar' ? node.value : node.items.map(joinedName).join(',');
}

/**
 * The slot, unless it is in a list below the second level: what is typed there only becomes part of
 * a name made of several (see `asScalar`), so no tag or category offered there would be right.
 */
export function reachable(slot: ValueSlot | undefined): ValueSlot | undefined {
  return slot && slot.path.length <= 2 ? slot : undefined;
}

export interface Token {
  readonly item: ScalarItem;
  /** Where the token's text ends, trailing spaces included (plain) or after the closing quote. */
  readonly rawEnd: number;
  /** For quoted tokens: false while the closing quote is still missing. */
  readonly closed: boolean;
}

export function scanFlowList(
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
export function scanToken(text: string, start: number, lineEnd: number, context: 'flow' | 'block'): Token {
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

export function inToken(token: Token, cursor: number): boolean {
  const { span, quote } = token.item;
  if (quote) return cursor > span.start && cursor <= (token.closed ? span.end - 1 : token.rawEnd);
  return cursor >= span.start && cursor <= token.rawEnd;
}

export function tokenSlot(
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
export function closingQuote(text: string, start: number, lineEnd: number): number {
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

export function unquote(body: string, quote: QuoteChar): string {
  if (quote === "'") return body.replace(/''/g, "'");
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    // An escape JSON does not know, half typed: read it the forgiving way.
    return body.replace(/\\(.)/g, '$1');
  }
}

export function skipBalanced(text: string, open: number, end: number): number {
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
export function skipFlowSpace(text: string, from: number, end: number): number {
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
/**
 * The value after a JSON `:` or a TOML `=` at `separator`, up to `end`: its items, and the slot the
 * cursor is in (a scalar, or an item of a flow list); an inline table offers nothing.
 */
export function scanValueAfter(text: string, separator: number, end: number, cursor: number): { slot?: ValueSlot; items: ValueItem[] } {
  const holder: SlotHolder = {};
  const items: ValueItem[] = [];
  const p = skipFlowSpace(text, separator + 1, end);
  if (p >= end) {
    if (cursor <= p) holder.slot = { replace: { start: cursor, end: cursor }, typed: '', container: 'scalar', before: cursor === separator + 1 ? ' ' : '', path: [0] };
  } else if (text[p] === '[') {
    items.push(...scanFlowList(text, p, end, cursor, holder, []).items.map(toValueItem));
  } else if (text[p] !== '{') {
    const lineEnd = Math.min(lineEndOf(text, p, end), end);
    const token = scanToken(text, p, lineEnd, 'flow');
    items.push(token.item);
    if (inToken(token, cursor)) holder.slot = tokenSlot(text, token, cursor, 'scalar', [0], lineEnd, 'flow');
  }
  return { slot: reachable(holder.slot), items };
}
