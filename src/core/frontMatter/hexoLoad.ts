import { load, YAMLException } from 'js-yaml';
import { shiftToLocalWallClock } from './dates';

/** Front matter longer than this (UTF-16 units) is only split, not parsed: bounded time in the editor. */
export const MAX_FRONT_MATTER_LENGTH = 1 << 20;

/**
 * How far to look for a NUL when deciding a file is binary. Git looks at 8000 bytes; 1024 keeps the
 * indexing hot path cheap and still catches images, archives and other binary formats.
 */
const BINARY_SNIFF_LENGTH = 1024;

/** Offset of the first NUL within the sniffed prefix, or -1 for text. */
export function binaryMarkerOffset(text: string): number {
  // lastIndexOf from a bounded index scans at most BINARY_SNIFF_LENGTH characters, whatever the size.
  if (text.lastIndexOf('\u0000', BINARY_SNIFF_LENGTH - 1) === -1) return -1;
  return text.indexOf('\u0000');
}

export type LoadOutcome =
  | { readonly kind: 'data'; readonly data: Record<string, unknown> }
  /** Not front matter for Hexo (e.g. a paragraph above a `---` rule): the whole file is the body. */
  | { readonly kind: 'none' }
  | { readonly kind: 'not-a-mapping'; readonly value: unknown }
  | { readonly kind: 'error'; readonly error: unknown };

/** js-yaml 4 `load` with Hexo's (absent) options, as hexo-front-matter `parseYAML` calls it. */
export function loadHexoYaml(parserText: string, hasOpening: boolean): LoadOutcome {
  const kept = rereading?.[hasOpening ? 1 : 0];
  if (!kept) return loadUncached(parserText, hasOpening);
  const outcome = kept.get(parserText);
  if (outcome) {
    kept.delete(parserText);
    return outcome;
  }
  const loaded = loadUncached(parserText, hasOpening);
  if (kept.size < MAX_KEPT_FOR_REREADING) kept.set(parserText, loaded);
  return loaded;
}

/**
 * Outcomes kept for one more reading of the same text, by whether the block had an opening fence:
 * `postcraft check` reads each post's front matter twice (for the index, then with ranges for the
 * rules), and the second js-yaml load was a sixteenth of it. A cache of a pure function keyed by the
 * exact text: a post changed in between is parsed again. Off unless a batch turns it on; nothing
 * that reads an outcome may change it.
 */
let rereading: [Map<string, LoadOutcome>, Map<string, LoadOutcome>] | undefined;
const MAX_KEPT_FOR_REREADING = 200_000;

/** Turns the cache for one rereading on (the CLI's check, for its run) or off (and empties it). */
export function keepYamlForRereading(on: boolean): void {
  rereading = on ? [new Map(), new Map()] : undefined;
}

function loadUncached(parserText: string, hasOpening: boolean): LoadOutcome {
  let value: unknown;
  try {
    value = load(parserText);
  } catch (error) {
    return { kind: 'error', error };
  }
  return interpretLoaded(value, hasOpening);
}

/** hexo-front-matter `parseJSON`: the brace-less JSON is wrapped in `{}`. */
export function loadHexoJson(parserText: string): LoadOutcome {
  try {
    return interpretLoaded(JSON.parse(`{${parserText}}`), true);
  } catch (error) {
    return { kind: 'error', error };
  }
}

/**
 * hexo-front-matter `parse` keeps a result only when `typeof result === 'object'` and it is truthy;
 * otherwise the whole file is the body. Without an opening separator that is the normal case of a
 * Markdown file with a `---` rule, so it is no front matter rather than an error. A YAML list passes
 * Hexo's test but is no usable post data (Hexo would treat the array as the post): an error.
 */
function interpretLoaded(value: unknown, hasOpening: boolean): LoadOutcome {
  if (isRecord(value)) return { kind: 'data', data: shiftTopLevelDates(value) };
  if (!hasOpening && !Array.isArray(value)) return { kind: 'none' };
  return { kind: 'not-a-mapping', value };
}

/** hexo-front-matter `parse`, "Convert timezone": only top-level Date values are shifted. */
export function shiftTopLevelDates(data: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (value instanceof Date) data[key] = shiftToLocalWallClock(value);
  }
  return data;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where js-yaml says the error is, as an offset in the string it read. */
export function yamlErrorOffset(error: unknown): number | undefined {
  if (error instanceof YAMLException) {
    const position = (error as YAMLException & { mark?: { position?: number } }).mark?.position;
    if (typeof position === 'number') return position;
  }
  return undefined;
}

export function yamlErrorReason(error: unknown): string {
  if (error instanceof YAMLException) return error.reason || error.message;
  return error instanceof Error ? error.message : String(error);
}

/** V8's JSON.parse message names the position (`... in JSON at position 42 ...`). */
export function jsonErrorOffset(error: unknown): number | undefined {
  const match = error instanceof Error ? /at position (\d+)/.exec(error.message) : null;
  return match ? Number(match[1]) : undefined;
}

export function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Positions refer to the `{...}` Hexo builds, not to the file: drop them, the range says where.
  return message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
}
