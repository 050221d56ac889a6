import { load } from 'js-yaml';
import { isMap, parseDocument, type Document, type Pair } from 'yaml';
import { LineMap } from '../text/lineMap';
import type { SourceRange } from '../text/sourceRange';
import { describeExpandedEntry, limitAliasExpansion, type AliasExpansion, type ExpandedEntry } from './aliasExpansion';
import {
  binaryMarkerOffset, isRecord, jsonErrorOffset, jsonErrorReason, loadHexoJson, loadHexoYaml,
  MAX_FRONT_MATTER_LENGTH, shiftTopLevelDates, yamlErrorOffset, yamlErrorReason,
} from './hexoLoad';
import { parserInput, type ParserInput } from './parserInput';
import { splitFrontMatter, type FrontMatterSplit, type OffsetSpan } from './split';
import type {
  FrontMatterBlock, FrontMatterEntry, FrontMatterError, FrontMatterErrorCode, ParsedFrontMatter,
} from './types';
import { simpleEntries } from './simpleEntries';
import { mappingEntries, pairSpan, type NodeContext } from './yamlNodes';
import { parseWithoutThrowing } from './guardedParse';

/**
 * Parses a post's front matter the way Hexo 8.1 reads it (hexo-front-matter v4 + js-yaml 4), and adds
 * source ranges for every entry and list item from the `yaml` package's tree. Never throws; the time
 * is bounded by `MAX_FRONT_MATTER_LENGTH` whatever the input.
 */
export function parseFrontMatter(text: string): ParsedFrontMatter {
  return parseWithoutThrowing(text, 'Hexo', 'drop', parseUnguarded);
}

function parseUnguarded(text: string): ParsedFrontMatter {
  const nul = binaryMarkerOffset(text);
  if (nul !== -1) {
    const lineMap = new LineMap(text.slice(0, nul + 1));
    return failure('none', undefined, 0, 'binary', 'The file is binary (it contains NUL bytes), not a Markdown post.', lineMap.range(nul, nul + 1));
  }
  const split = splitFrontMatter(text);
  if (split.unclosedOpening) {
    const fence = split.unclosedOpening;
    const lineMap = new LineMap(text.slice(0, fence.end));
    return failure('none', undefined, split.bodyOffset, 'unclosed', unclosedMessage(text, split), lineMap.range(fence.start, fence.end), 'body-only');
  }
  if (split.format === 'none' || !split.content || !split.closingFence) {
    return { format: 'none', bodyOffset: split.bodyOffset, data: {}, entries: [], errors: [], valid: true };
  }
  const lineMap = new LineMap(text.slice(0, split.bodyOffset));
  const block = toBlock(split, lineMap);
  const content = split.content;
  if (content.end - content.start > MAX_FRONT_MATTER_LENGTH) {
    return failure(split.format, block, split.bodyOffset, 'too-large',
      `The front matter is longer than ${MAX_FRONT_MATTER_LENGTH} characters; it was not parsed.`, block.content);
  }
  const hasOpening = split.openingFence !== undefined;
  return split.format === 'json'
    ? parseJsonBlock(text, split, block, content, lineMap)
    : parseYamlBlock(text, split, block, content, lineMap, hasOpening);
}

function parseYamlBlock(text: string, split: FrontMatterSplit, block: FrontMatterBlock, content: OffsetSpan,
  lineMap: LineMap, hasOpening: boolean): ParsedFrontMatter {
  const input = parserInput(text, content.start, content.end, true);
  const outcome = loadHexoYaml(input.text, hasOpening);
  if (outcome.kind === 'none') {
    return { format: 'none', bodyOffset: split.openingFence?.start ?? block.range.startOffset, data: {}, entries: [], errors: [], valid: true };
  }
  if (outcome.kind === 'not-a-mapping') return notAMapping(block, split, outcome.value);
  if (outcome.kind === 'data') {
    // The plain shape of nearly every post needs no tree (see simpleEntries).
    const simple = simpleEntries(input.text, outcome.data, { parsed: input.text, original: text, toOriginal: input.toOriginal, lineMap });
    if (simple) return { format: 'yaml', block, bodyOffset: split.bodyOffset, data: outcome.data, entries: simple, errors: [], valid: true };
  }
  // js-yaml (4.1.1+) rejects nesting deeper than 100; `yaml` would spend seconds on such input.
  const tooDeep = outcome.kind === 'error' && /maxDepth/.test(yamlErrorReason(outcome.error));
  // js-yaml (and Hexo) break lines at a lone CR too; `yaml` does not, and would read `key:\r  - a` as
  // one scalar. Same length, so offsets still map back.
  const treeText = input.text.includes('\r') ? input.text.replace(/\r/g, '\n') : input.text;
  const doc = tooDeep || treeText.length > MAX_RANGES_LENGTH ? undefined : parseTree(treeText);
  const ctx: NodeContext = { parsed: treeText, original: text, toOriginal: input.toOriginal, lineMap };
  const pairs = doc && isMap(doc.contents) ? doc.contents.items : undefined;
  if (outcome.kind === 'data') {
    const bounded = boundAliases(outcome.data, input.text);
    const entries = pairs ? mappingEntries(pairs, bounded.data, ctx) : [];
    const errors = aliasErrors(bounded.dropped, entries, block);
    return { format: 'yaml', block, bodyOffset: split.bodyOffset, data: bounded.data, entries, errors, valid: errors.length === 0 };
  }
  // Broken YAML: Hexo drops the post. Recover what each top-level entry says on its own.
  const recovered = pairs ? recoverYamlEntries(pairs, ctx) : recoverYamlPrefix(input, yamlErrorOffset(outcome.error));
  const bounded = boundAliases(recovered, input.text);
  const entries = pairs ? mappingEntries(pairs, bounded.data, ctx) : [];
  const error: FrontMatterError = {
    code: 'yaml-syntax',
    message: `${yamlErrorReason(outcome.error)} — Hexo cannot read this front matter and skips the post.`,
    range: errorRange(input, yamlErrorOffset(outcome.error), lineMap, block.content),
    effect: 'drop',
  };
  return { format: 'yaml', block, bodyOffset: split.bodyOffset, data: bounded.data, entries, errors: [error, ...aliasErrors(bounded.dropped, entries, block)], valid: false };
}

/** Only YAML with an alias (`*name`) can expand; the walk is skipped for the rest. */
function boundAliases(data: Record<string, unknown>, parsed: string): AliasExpansion {
  return parsed.includes('*') ? limitAliasExpansion(data, parsed.length) : { data, dropped: [] };
}

/** One error per entry left out, on its key (on the block when the key is not written, as with `<<`). */
function aliasErrors(dropped: readonly ExpandedEntry[], entries: readonly FrontMatterEntry[], block: FrontMatterBlock): FrontMatterError[] {
  return dropped.map((expanded) => {
    const entry = entries.find((candidate) => candidate.key === expanded.key) ?? entries.find((candidate) => candidate.key === '<<');
    return {
      code: 'alias-expansion',
      message: `${describeExpandedEntry(expanded)} — Postcraft reads the post without it; Hexo copies it in full, which can exhaust its memory or stack.`,
      range: entry ? entry.keyRange : block.content,
      effect: 'drop',
      expanded,
    };
  });
}


function parseJsonBlock(text: string, split: FrontMatterSplit, block: FrontMatterBlock, content: OffsetSpan,
  lineMap: LineMap): ParsedFrontMatter {
  const input = parserInput(text, content.start, content.end, false);
  const outcome = loadHexoJson(input.text);
  // `yaml` reads JSON as a flow mapping; the added `{` shifts offsets by one.
  const wrapped = `{${input.text}}`;
  const doc = input.text.length > MAX_RANGES_LENGTH ? undefined : parseTree(wrapped);
  const ctx: NodeContext = {
    parsed: wrapped, original: text, lineMap, json: true,
    toOriginal: (offset) => input.toOriginal(offset - 1),
  };
  const pairs = doc && isMap(doc.contents) ? doc.contents.items : [];
  if (outcome.kind === 'data') {
    return { format: 'json', block, bodyOffset: split.bodyOffset, data: outcome.data, entries: mappingEntries(pairs, outcome.data, ctx), errors: [], valid: true };
  }
  if (outcome.kind !== 'error') return notAMapping(block, split, outcome.kind === 'not-a-mapping' ? outcome.value : undefined);
  const data = recoverJsonEntries(pairs, ctx);
  const position = jsonErrorOffset(outcome.error);
  const error: FrontMatterError = {
    code: 'json-syntax',
    message: `${jsonErrorReason(outcome.error)} — Hexo ignores this front matter and renders the whole file, separators included.`,
    range: errorRange(input, position === undefined ? input.text.length : position - 1, lineMap, block.content),
    effect: 'body-only',
  };
  return { format: 'json', block, bodyOffset: split.bodyOffset, data, entries: mappingEntries(pairs, data, ctx), errors: [error], valid: false };
}

/**
 * Above this size (UTF-16 units) the front matter gets Hexo's data but no ranges and no recovery:
 * the `yaml` tree costs about 1–2 s per MB on dense input. Real front matter is a few KB.
 */
const MAX_RANGES_LENGTH = 128 * 1024;

export function parseTree(source: string): Document {
  // Only the tree and its ranges are used; values come from js-yaml. Tolerant, and never logs.
  // `yaml` creates an Error per problem, deep in its recursion on nested input; with an unlimited
  // stack trace limit (mocha sets Infinity) capturing those stacks dominates. None are thrown or
  // shown, so their stacks are not captured. Synchronous, restored before returning.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(source, { uniqueKeys: false, logLevel: 'silent', keepSourceTokens: false, prettyErrors: false });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Each top-level entry that js-yaml reads on its own (from its line's start, for indented maps). */
function recoverYamlEntries(pairs: readonly unknown[], ctx: NodeContext): Record<string, unknown> {
  return recoverEntries(pairs, ctx, (slice) => load(slice), (parsed, start) => parsed.lastIndexOf('\n', start - 1) + 1);
}

function recoverJsonEntries(pairs: readonly unknown[], ctx: NodeContext): Record<string, unknown> {
  return recoverEntries(pairs, ctx, (slice) => JSON.parse(`{${slice}}`), (_parsed, start) => start);
}

function recoverEntries(pairs: readonly unknown[], ctx: NodeContext, read: (slice: string) => unknown,
  sliceStart: (parsed: string, start: number) => number): Record<string, unknown> {
  const recovered: Record<string, unknown> = {};
  for (const pair of pairs) {
    const span = pairSpan(pair as Pair, ctx);
    if (!span) continue;
    let value: unknown;
    try {
      value = read(ctx.parsed.slice(sliceStart(ctx.parsed, span.start), span.end));
    } catch {
      continue; // recovery from broken YAML: a pair js-yaml cannot read alone is left out
    }
    if (!isRecord(value)) continue;
    for (const key of Object.keys(value)) {
      // The first occurrence wins: a duplicate is itself the error.
      if (!Object.prototype.hasOwnProperty.call(recovered, key)) recovered[key] = value[key];
    }
  }
  return shiftTopLevelDates(recovered);
}

/** When the tree is no mapping either, the lines before the error line may still be. */
function recoverYamlPrefix(input: ParserInput, errorOffset: number | undefined): Record<string, unknown> {
  if (errorOffset === undefined) return {};
  const prefix = input.text.slice(0, input.text.lastIndexOf('\n', errorOffset - 1) + 1);
  try {
    const value = load(prefix);
    return isRecord(value) ? shiftTopLevelDates(value) : {};
  } catch {
    return {}; // recovery from broken YAML: the prefix is broken too
  }
}

/** From the parser's position to the end of the token there (same line, at most 80 characters). */
function errorRange(input: ParserInput, position: number | undefined, lineMap: LineMap, fallback: SourceRange): SourceRange {
  if (position === undefined) return fallback;
  const start = Math.max(0, Math.min(position, input.text.length));
  let end = start;
  while (end < input.text.length && end - start < 80 && !/[\s,\]}]/.test(input.text[end])) end++;
  return lineMap.range(input.toOriginal(start), input.toOriginal(end));
}

function notAMapping(block: FrontMatterBlock, split: FrontMatterSplit, value: unknown): ParsedFrontMatter {
  const what = value === null || value === undefined ? 'holds no keys'
    : Array.isArray(value) ? 'is a list, not key: value pairs' : 'is a single value, not key: value pairs';
  const consequence = Array.isArray(value) ? 'Hexo cannot use it as post data.' : 'Hexo reads the file as having no front matter and renders the separators as text.';
  return failure(block.format, block, split.bodyOffset, 'not-a-mapping', `The front matter ${what}. ${consequence}`, block.content,
    Array.isArray(value) ? 'drop' : 'body-only');
}

function unclosedMessage(text: string, split: FrontMatterSplit): string {
  const fence = split.unclosedOpening as OffsetSpan;
  const sep = text.slice(fence.start, fence.end);
  return `The front matter opened by '${sep.length > 20 ? sep.slice(0, 20) + '…' : sep}' has no closing '${sep}' line (or is empty). Hexo reads the whole file as the post body.`;
}

function failure(format: ParsedFrontMatter['format'], block: FrontMatterBlock | undefined, bodyOffset: number,
  code: FrontMatterErrorCode, message: string, range: SourceRange, effect?: FrontMatterError['effect']): ParsedFrontMatter {
  const entries: FrontMatterEntry[] = [];
  const error: FrontMatterError = effect ? { code, message, range, effect } : { code, message, range };
  return { format, block, bodyOffset, data: {}, entries, errors: [error], valid: false };
}

function toBlock(split: FrontMatterSplit, lineMap: LineMap): FrontMatterBlock {
  const content = split.content as OffsetSpan;
  const closing = split.closingFence as OffsetSpan;
  const opening = split.openingFence;
  return {
    format: split.format === 'json' ? 'json' : 'yaml',
    openingFence: opening ? lineMap.range(opening.start, opening.end) : undefined,
    closingFence: lineMap.range(closing.start, closing.end),
    content: lineMap.range(content.start, content.end),
    range: lineMap.range(opening ? opening.start : content.start, closing.end),
  };
}
