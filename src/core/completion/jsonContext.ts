import { NONE, type CompletionContext, type Span } from './contextTypes';
import { lineEndOf, lineStartOf, skipBlanks } from '../text/lines';
import { closingQuote, scanValueAfter, skipFlowSpace, unquote } from './flowScan';

/** The completion analysis of Hexo's `;;;` JSON front matter: `"key": value,` entries without the outer braces. */

interface JsonEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly colon: number;
  /** Where the value ends: at its comma, or at the end of the entry's last token. */
  readonly valueEnd: number;
  readonly comma: boolean;
}

export function analyzeJson(text: string, region: Span, offset: number, eol: string): CompletionContext {
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
    const { slot, items } = scanValueAfter(text, owner.colon, owner.valueEnd, offset);
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