import { NONE, type CompletionContext, type Span } from './contextTypes';
import { lineEndOf, nextLineStart } from '../text/lines';
import { scanValueAfter, skipBalanced, skipFlowSpace } from './flowScan';

/**
 * The completion analysis of TOML front matter (Hugo's `+++`): `key = value` lines at the top level,
 * where a value may be an array running over several lines; below the first `[table]` header the
 * keys belong to that table, and nothing is offered there. Read from the characters, not a parse:
 * while the writer types, the TOML is usually broken (`tags = ["a", ` has no `]` yet).
 */

interface TomlEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Offset of the `=`, or -1 while only the key is typed. */
  readonly equals: number;
  /** Where the value ends (the end of its last line). */
  readonly valueEnd: number;
}

const BARE_KEY = /^[A-Za-z0-9_-]*$/;

export function analyzeToml(text: string, region: Span, offset: number, eol: string): CompletionContext {
  const { entries, tablesStart } = scanTomlEntries(text, region);
  if (offset > tablesStart) return NONE;
  const at = entries.findIndex((entry) => offset >= entry.keyStart && offset <= entry.keyEnd && (entry.equals === -1 || offset <= entry.equals));
  const presentKeys = new Set(entries.filter((entry, index) => entry.equals !== -1 && index !== at).map((entry) => entry.key));
  const base = { format: 'toml' as const, presentKeys, eol };
  if (at !== -1) {
    const entry = entries[at];
    const typed = text.slice(entry.keyStart, offset);
    if (!BARE_KEY.test(typed)) return NONE;
    return { ...base, kind: 'key', replace: { start: entry.keyStart, end: entry.keyEnd }, typed, hasColon: entry.equals !== -1 };
  }
  const owner = entries.find((entry) => entry.equals !== -1 && offset > entry.equals && offset <= entry.valueEnd);
  if (owner) {
    const { slot, items } = scanValueAfter(text, owner.equals, owner.valueEnd, offset);
    if (!slot) return NONE;
    return { ...base, kind: 'value', key: owner.key, slot, items, preferredQuote: '"' };
  }
  // A blank line (or only spaces before the cursor) at the top level: a new key goes there.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (text.slice(Math.max(lineStart, region.start), offset).trim() !== '') return NONE;
  if (entries.some((entry) => offset > entry.keyStart && offset <= entry.valueEnd)) return NONE;
  return { ...base, kind: 'key', replace: { start: offset, end: offset }, typed: '', hasColon: false };
}

/** The top-level `key = value` entries, and where the first `[table]` header starts (region end without one). */
function scanTomlEntries(text: string, region: Span): { entries: TomlEntry[]; tablesStart: number } {
  const entries: TomlEntry[] = [];
  for (let line = region.start; line < region.end;) {
    const end = lineEndOf(text, line, region.end);
    let start = line;
    while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
    const c = text[start];
    if (start === end || c === '#') {
      line = nextLineStart(text, line, region.end);
      continue;
    }
    if (c === '[') return { entries, tablesStart: line };
    let keyEnd = start;
    while (keyEnd < end && /[A-Za-z0-9_\-."']/.test(text[keyEnd])) keyEnd++;
    const key = text.slice(start, keyEnd).replace(/^["']|["']$/g, '');
    const equalsAt = text.indexOf('=', keyEnd);
    const equals = equalsAt !== -1 && equalsAt < end && text.slice(keyEnd, equalsAt).trim() === '' ? equalsAt : -1;
    let valueEnd = end;
    if (equals !== -1) {
      // An array or inline table may run over lines: its value ends at its closing bracket's line.
      const valueStart = skipFlowSpace(text, equals + 1, end);
      if (text[valueStart] === '[' || text[valueStart] === '{') {
        const close = skipBalanced(text, valueStart, region.end);
        valueEnd = Math.max(end, lineEndOf(text, Math.max(close - 1, valueStart), region.end));
        if (close >= region.end) valueEnd = unclosedEnd(text, valueStart, region.end);
      }
    }
    entries.push({ key, keyStart: start, keyEnd, equals, valueEnd });
    line = nextLineStart(text, valueEnd, region.end);
    if (line <= start) break;
  }
  return { entries, tablesStart: region.end };
}

/**
 * An array still being typed (no `]` yet) runs to the next line that reads like a new key or a table
 * header, so that `tags = ["a", |` offers tags while the keys below stay keys.
 */
function unclosedEnd(text: string, valueStart: number, regionEnd: number): number {
  let end = lineEndOf(text, valueStart, regionEnd);
  for (let line = nextLineStart(text, valueStart, regionEnd); line < regionEnd; line = nextLineStart(text, line, regionEnd)) {
    const content = text.slice(line, lineEndOf(text, line, regionEnd));
    if (/^\s*([A-Za-z0-9_-]+\s*=|\[)/.test(content) && !/^\s*\[?\s*["']/.test(content)) break;
    end = lineEndOf(text, line, regionEnd);
  }
  return end;
}
