import * as jsYaml from 'js-yaml';
import { parseWithoutThrowing } from '../../frontMatter/guardedParse';
import { FAILSAFE_SCHEMA, Type, YAMLException } from 'js-yaml';
import type { FrontMatterData, FrontMatterError, FrontMatterErrorCode, FrontMatterSyntax, FrontMatterBlock, FrontMatterSplit, OffsetSpan, ParsedFrontMatter } from '../../frontMatter';
import { binaryMarkerOffset, MAX_FRONT_MATTER_LENGTH } from '../../frontMatter/hexoLoad';
import { rangedEntries } from '../../frontMatter/rangedBlock';
import { dataFromParsed, linesOf } from '../../frontMatter/readData';
import { loadToml, parseTomlBlock } from '../../frontMatter/tomlBlock';
import { logException } from '../../log';
import { LineMap } from '../../text/lineMap';
import type { SourceRange } from '../../text/sourceRange';
import { splitHugoFrontMatter } from './frontMatterSplit';

/**
 * Hugo 0.111 reads YAML with go-yaml v2: YAML 1.1 booleans (`yes`, `on`, `y`...), and a timestamp
 * decoded into an untyped value stays the string written (Hugo parses dates itself).
 */
const YAML_11_BOOLEANS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((word) => [word, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((word) => [word, false] as const),
]);
const yaml11Bool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && YAML_11_BOOLEANS.has(data),
  construct: (data: string) => YAML_11_BOOLEANS.get(data),
  predicate: (value: unknown) => typeof value === 'boolean',
});
/** js-yaml's own types (exported at run time, not in its type definitions). */
const types = (jsYaml as unknown as { types: Record<'null' | 'int' | 'float' | 'merge' | 'binary' | 'omap' | 'pairs' | 'set', Type> }).types;
const HUGO_YAML_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [types.null, yaml11Bool, types.int, types.float, types.merge],
  explicit: [types.binary, types.omap, types.pairs, types.set],
});

export type Loaded = { readonly data: Record<string, unknown> } | { readonly error: FrontMatterErrorCode; readonly offset: number; readonly reason: string };

export function loadYaml(source: string): Loaded {
  let value: unknown;
  try {
    value = jsYaml.load(source, { schema: HUGO_YAML_SCHEMA });
  } catch (error) {
    const position = error instanceof YAMLException ? (error as YAMLException & { mark?: { position?: number } }).mark?.position : undefined;
    const reason = error instanceof YAMLException ? error.reason || error.message : String(error);
    return { error: 'yaml-syntax', offset: position ?? 0, reason };
  }
  if (value === null || value === undefined) return { data: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { error: 'not-a-mapping', offset: 0, reason: Array.isArray(value) ? 'a list' : 'a single value' };
  return { data: value as Record<string, unknown> };
}

export function loadJson(source: string): Loaded {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    return { error: 'json-syntax', offset: position ? Number(position[1]) : source.length, reason: message.replace(/ in JSON at position \d+.*$/, '') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not-a-mapping', offset: 0, reason: 'not an object' };
  return { data: value as Record<string, unknown> };
}

export function loadBlock(format: 'yaml' | 'toml' | 'json', source: string): Loaded {
  if (format === 'yaml') return loadYaml(source);
  if (format === 'json') return loadJson(source);
  const result = loadToml(source);
  return 'data' in result ? result : { error: 'toml-syntax', ...result.error };
}

const FAILS = 'Hugo cannot read this front matter and stops building the site.';

/** Hugo's reading of a content file's front matter, with source ranges. Never throws. */
export function parseHugoFrontMatter(text: string): ParsedFrontMatter {
  return parseWithoutThrowing(text, 'Hugo', 'fail', parseUnguarded);
}

function parseUnguarded(text: string): ParsedFrontMatter {
  const nul = binaryMarkerOffset(text);
  if (nul !== -1) {
    return failure('none', undefined, 0, 'binary', 'The file is binary (it contains NUL bytes), not a Markdown post.', new LineMap(text.slice(0, nul + 1)).range(nul, nul + 1));
  }
  const split = splitHugoFrontMatter(text);
  if (split.unclosedOpening) {
    const fence = split.unclosedOpening;
    const opening = text.slice(fence.start, fence.end);
    const message = opening === '---' || opening === '+++' || opening === '{'
      ? `The front matter opened by '${opening}' is never closed. ${FAILS}`
      : `A file that starts with '${opening[0]}' must open its front matter with '${opening[0].repeat(3)}'. ${FAILS}`;
    return failure('none', undefined, split.bodyOffset, 'unclosed', message, new LineMap(text.slice(0, fence.end)).range(fence.start, fence.end), 'fail');
  }
  if (split.format === 'none' || !split.content || !split.closingFence) {
    return { format: 'none', bodyOffset: split.bodyOffset, data: {}, entries: [], errors: [], valid: true };
  }
  const format = split.format as 'yaml' | 'toml' | 'json';
  const lineMap = new LineMap(text.slice(0, split.bodyOffset));
  const block = toBlock(format, split, lineMap);
  const content = split.content;
  if (content.end - content.start > MAX_FRONT_MATTER_LENGTH) {
    return failure(format, block, split.bodyOffset, 'too-large', `The front matter is longer than ${MAX_FRONT_MATTER_LENGTH} characters; it was not parsed.`, block.content);
  }
  if (format === 'toml') {
    const toml = parseTomlBlock(text, content, lineMap);
    if (!toml.error) return { format, block, bodyOffset: split.bodyOffset, data: toml.data, entries: toml.entries, errors: [], valid: true };
    const error = syntaxError('toml-syntax', toml.error.reason, toml.error.offset, text, lineMap, content);
    return { format, block, bodyOffset: split.bodyOffset, data: {}, entries: [], errors: [error], valid: false };
  }
  const loaded = loadBlock(format, text.slice(content.start, content.end));
  const json = format === 'json';
  if ('data' in loaded) {
    return { format, block, bodyOffset: split.bodyOffset, data: loaded.data, entries: rangedEntries(text, content, lineMap, loaded.data, json), errors: [], valid: true };
  }
  const error = loaded.error === 'not-a-mapping'
    ? { code: loaded.error, message: `The front matter is ${loaded.reason}, not key: value pairs. ${FAILS}`, range: block.content, effect: 'fail' as const }
    : syntaxError(loaded.error, loaded.reason, content.start + loaded.offset, text, lineMap, content);
  // What each entry says on its own is still shown (completion, the outline); Hugo reads nothing.
  return { format, block, bodyOffset: split.bodyOffset, data: {}, entries: rangedEntries(text, content, lineMap, undefined, json), errors: [error], valid: false };
}

function syntaxError(code: FrontMatterErrorCode, reason: string, offset: number, text: string, lineMap: LineMap, content: OffsetSpan): FrontMatterError {
  const start = Math.max(content.start, Math.min(offset, content.end));
  let end = start;
  while (end < content.end && end - start < 80 && !/[\s,\]}]/.test(text[end])) end++;
  return { code, message: `${reason} — ${FAILS}`, range: lineMap.range(start, end), effect: 'fail' };
}

function toBlock(format: 'yaml' | 'toml' | 'json', split: FrontMatterSplit, lineMap: LineMap): FrontMatterBlock {
  const content = split.content as OffsetSpan;
  const closing = split.closingFence as OffsetSpan;
  const opening = split.openingFence;
  return {
    format,
    openingFence: opening ? lineMap.range(opening.start, opening.end) : undefined,
    closingFence: lineMap.range(closing.start, closing.end),
    content: lineMap.range(content.start, content.end),
    range: lineMap.range(opening ? opening.start : content.start, closing.end),
  };
}

function failure(format: ParsedFrontMatter['format'], block: FrontMatterBlock | undefined, bodyOffset: number,
  code: FrontMatterErrorCode, message: string, range: SourceRange, effect?: FrontMatterError['effect']): ParsedFrontMatter {
  return { format, block, bodyOffset, data: {}, entries: [], errors: [effect ? { code, message, range, effect } : { code, message, range }], valid: false };
}

/** The index's hot path: split and load, no ranges; anything unusual goes through the full parse. */
export function readHugoFrontMatterData(text: string): FrontMatterData {
  try {
    if (binaryMarkerOffset(text) !== -1) return fromFullParse(text);
    const split = splitHugoFrontMatter(text);
    if (split.unclosedOpening) return fromFullParse(text);
    const content = split.content;
    if (split.format === 'none' || !content || !split.closingFence) return { format: 'none', data: {}, bodyOffset: split.bodyOffset };
    if (content.end - content.start > MAX_FRONT_MATTER_LENGTH) return fromFullParse(text);
    const loaded = loadBlock(split.format as 'yaml' | 'toml' | 'json', text.slice(content.start, content.end));
    if (!('data' in loaded)) return fromFullParse(text);
    return { format: split.format, data: loaded.data, bodyOffset: split.bodyOffset, frontMatterLines: linesOf(text, split) };
  } catch (error) {
    logException('reading Hugo front matter (fast path)', error);
    return fromFullParse(text);
  }
}

function fromFullParse(text: string): FrontMatterData {
  return dataFromParsed(parseHugoFrontMatter(text));
}

export const HUGO_FRONT_MATTER: FrontMatterSyntax = {
  split: splitHugoFrontMatter,
  parse: parseHugoFrontMatter,
  readData: readHugoFrontMatterData,
};
