import { load, YAMLException } from 'js-yaml';
import { parseWithoutThrowing } from '../../frontMatter/guardedParse';
import type { FrontMatterBlock, FrontMatterData, FrontMatterError, FrontMatterErrorCode, FrontMatterSplit, FrontMatterSyntax, OffsetSpan, ParsedFrontMatter } from '../../frontMatter';
import { describeExpandedEntry, limitAliasExpansion } from '../../frontMatter/aliasExpansion';
import { binaryMarkerOffset, MAX_FRONT_MATTER_LENGTH } from '../../frontMatter/hexoLoad';
import { rangedEntries } from '../../frontMatter/rangedBlock';
import { dataFromParsed, linesOf } from '../../frontMatter/readData';
import { logException } from '../../log';
import { LineMap } from '../../text/lineMap';
import { splitJekyllFrontMatter } from './frontMatterSplit';
import { PSYCH_SCHEMA } from './psychYaml';

type Loaded = { readonly data: Record<string, unknown> } | { readonly error: FrontMatterErrorCode; readonly offset: number; readonly reason: string };

/**
 * The YAML as Psych loads it. Psych keeps the last of two equal keys (js-yaml's `json` option does
 * the same). A list or a single value is no front matter Jekyll can merge: it fails like bad YAML.
 */
export function loadJekyllYaml(source: string): Loaded {
  let value: unknown;
  try {
    value = load(source, { schema: PSYCH_SCHEMA, json: true });
  } catch (error) {
    const position = error instanceof YAMLException ? (error as YAMLException & { mark?: { position?: number } }).mark?.position : undefined;
    const reason = error instanceof YAMLException ? error.reason || error.message : String(error);
    return { error: 'yaml-syntax', offset: position ?? 0, reason };
  }
  if (value === null || value === undefined) return { data: {} };
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return { error: 'not-a-mapping', offset: 0, reason: Array.isArray(value) ? 'a list' : 'a single value' };
  // Aliases share values until something walks them: a cycle or a bomb would hang the reading of tags
  // (Ruby's `flatten` raises on a cycle, and Jekyll then keeps the post empty; a bomb exhausts it).
  if (source.includes('*')) {
    const dropped = limitAliasExpansion(value as Record<string, unknown>, source.length).dropped[0];
    if (dropped) return { error: 'alias-expansion', offset: 0, reason: `${describeExpandedEntry(dropped)}, past what Postcraft expands` };
  }
  return { data: value as Record<string, unknown> };
}

/**
 * Jekyll logs "YAML Exception" (or "could not read file") and keeps the post without its front
 * matter: no title, no tags, dated at build time. With `strict_front_matter` the build fails instead;
 * the site knows which (`JekyllSite.readPost`).
 */
const KEPT_EMPTY = 'Jekyll keeps the post without any of this front matter (no title, no tags, dated when the site is built), or fails the build when the site sets strict_front_matter.';

/** Jekyll's reading of a post's front matter, with source ranges. Never throws. */
export function parseJekyllFrontMatter(text: string): ParsedFrontMatter {
  return parseWithoutThrowing(text, 'Jekyll', 'body-only', parseUnguarded);
}

function parseUnguarded(text: string): ParsedFrontMatter {
  const nul = binaryMarkerOffset(text);
  if (nul !== -1) {
    const range = new LineMap(text.slice(0, nul + 1)).range(nul, nul + 1);
    return { format: 'none', bodyOffset: 0, data: {}, entries: [], valid: false, errors: [{ code: 'binary', message: 'The file is binary (it contains NUL bytes), not a Markdown post.', range }] };
  }
  const split = splitJekyllFrontMatter(text);
  if (split.unclosedOpening) {
    const fence = split.unclosedOpening;
    const error: FrontMatterError = {
      code: 'unclosed',
      message: "The front matter opened by '---' is never closed (by '---' or '...'): Jekyll reads the whole file as the body and titles the post from its file name.",
      range: new LineMap(text.slice(0, fence.end)).range(fence.start, fence.end),
      effect: 'body-only',
    };
    return { format: 'none', bodyOffset: split.bodyOffset, data: {}, entries: [], valid: false, errors: [error] };
  }
  const content = split.content;
  if (split.format === 'none' || !content || !split.closingFence) return { format: 'none', bodyOffset: split.bodyOffset, data: {}, entries: [], errors: [], valid: true };
  const lineMap = new LineMap(text.slice(0, split.bodyOffset));
  const block = toBlock(split, lineMap);
  if (content.end - content.start > MAX_FRONT_MATTER_LENGTH) {
    const error: FrontMatterError = { code: 'too-large', message: `The front matter is longer than ${MAX_FRONT_MATTER_LENGTH} characters; it was not parsed.`, range: block.content };
    return { format: 'yaml', block, bodyOffset: split.bodyOffset, data: {}, entries: [], errors: [error], valid: false };
  }
  const loaded = loadJekyllYaml(text.slice(content.start, content.end));
  if ('data' in loaded) {
    return { format: 'yaml', block, bodyOffset: split.bodyOffset, data: loaded.data, entries: rangedEntries(text, content, lineMap, loaded.data, false), errors: [], valid: true };
  }
  const error: FrontMatterError = loaded.error === 'not-a-mapping' || loaded.error === 'alias-expansion'
    ? { code: loaded.error, message: loaded.error === 'not-a-mapping' ? `The front matter is ${loaded.reason}, not key: value pairs. ${KEPT_EMPTY}` : `${loaded.reason}. ${KEPT_EMPTY}`, range: block.content, effect: 'body-only' }
    : syntaxError(loaded.reason, content.start + loaded.offset, text, lineMap, content);
  // What each entry says on its own is still shown (completion, the outline); Jekyll reads none of it.
  return { format: 'yaml', block, bodyOffset: split.bodyOffset, data: {}, entries: rangedEntries(text, content, lineMap, undefined, false), errors: [error], valid: false };
}

function syntaxError(reason: string, offset: number, text: string, lineMap: LineMap, content: OffsetSpan): FrontMatterError {
  const start = Math.max(content.start, Math.min(offset, content.end));
  let end = start;
  while (end < content.end && end - start < 80 && !/[\s,\]}]/.test(text[end])) end++;
  return { code: 'yaml-syntax', message: `${reason} — ${KEPT_EMPTY}`, range: lineMap.range(start, end), effect: 'body-only' };
}

function toBlock(split: FrontMatterSplit, lineMap: LineMap): FrontMatterBlock {
  const content = split.content as OffsetSpan;
  const closing = split.closingFence as OffsetSpan;
  const opening = split.openingFence as OffsetSpan;
  return {
    format: 'yaml',
    openingFence: lineMap.range(opening.start, opening.end),
    closingFence: lineMap.range(closing.start, closing.end),
    content: lineMap.range(content.start, content.end),
    range: lineMap.range(opening.start, closing.end),
  };
}

/** The index's hot path: split and load, no ranges; anything unusual goes through the full parse. */
export function readJekyllFrontMatterData(text: string): FrontMatterData {
  try {
    if (binaryMarkerOffset(text) !== -1) return fromFullParse(text);
    const split = splitJekyllFrontMatter(text);
    if (split.unclosedOpening) return fromFullParse(text);
    const content = split.content;
    if (split.format === 'none' || !content || !split.closingFence) return { format: 'none', data: {}, bodyOffset: split.bodyOffset };
    if (content.end - content.start > MAX_FRONT_MATTER_LENGTH) return fromFullParse(text);
    const loaded = loadJekyllYaml(text.slice(content.start, content.end));
    if (!('data' in loaded)) return fromFullParse(text);
    return { format: 'yaml', data: loaded.data, bodyOffset: split.bodyOffset, frontMatterLines: linesOf(text, split) };
  } catch (error) {
    logException('reading Jekyll front matter (fast path)', error);
    return fromFullParse(text);
  }
}

function fromFullParse(text: string): FrontMatterData {
  return dataFromParsed(parseJekyllFrontMatter(text));
}

export const JEKYLL_FRONT_MATTER: FrontMatterSyntax = {
  split: splitJekyllFrontMatter,
  parse: parseJekyllFrontMatter,
  readData: readJekyllFrontMatterData,
};
