import { limitAliasExpansion } from './aliasExpansion';
import { binaryMarkerOffset, loadHexoJson, loadHexoYaml, MAX_FRONT_MATTER_LENGTH, type LoadOutcome } from './hexoLoad';
import { parseFrontMatter } from './parse';
import { hexoParserText } from './parserInput';
import { splitFrontMatter, type FrontMatterSplit } from './split';
import type { FrontMatterErrorCode, FrontMatterFormat, ParsedFrontMatter } from './types';
import { logException } from '../log';

/** What the site index needs of a post: Hexo's data, no ranges. */
export interface FrontMatterData {
  readonly format: FrontMatterFormat;
  /** As `parseFrontMatter().data`: Hexo's values (recovered ones when `error` is set). */
  readonly data: Record<string, unknown>;
  /**
   * Set when Hexo would drop the post (its YAML does not parse; a YAML list instead of keys) or the
   * file cannot be read as a post (binary, front matter over the size cap).
   */
  readonly error?: string;
  /**
   * The code of the problem, including those Hexo survives by reading no front matter at all
   * ('unclosed', 'json-syntax', 'not-a-mapping' for an empty block or a single value).
   */
  readonly problem?: FrontMatterErrorCode;
  readonly bodyOffset: number;
  /** Zero-based lines of the block's first line and of its closing separator; absent without a block. */
  readonly frontMatterLines?: { readonly start: number; readonly end: number };
}

/**
 * The hot path of indexing: split + js-yaml, nothing else (no `yaml` tree, no ranges, no line map).
 * Anything unusual (an error of any kind) is handed to `parseFrontMatter`, so both agree exactly.
 * Never throws.
 */
export function readFrontMatterData(text: string): FrontMatterData {
  try {
    if (binaryMarkerOffset(text) !== -1) return fromFullParse(text);
    const split = splitFrontMatter(text);
    if (split.unclosedOpening) return fromFullParse(text);
    const content = split.content;
    if (split.format === 'none' || !content || !split.closingFence) return { format: 'none', data: {}, bodyOffset: split.bodyOffset };
    if (content.end - content.start > MAX_FRONT_MATTER_LENGTH) return fromFullParse(text);
    const parserText = hexoParserText(text.slice(content.start, content.end), split.format === 'yaml');
    const outcome: LoadOutcome = split.format === 'json'
      ? loadHexoJson(parserText)
      : loadHexoYaml(parserText, split.openingFence !== undefined);
    if (outcome.kind === 'none') return { format: 'none', data: {}, bodyOffset: split.openingFence?.start ?? content.start };
    if (outcome.kind !== 'data') return fromFullParse(text);
    // Aliases that expand past the limits are an error the full parse reports, with the entry left out.
    if (split.format === 'yaml' && parserText.includes('*') && limitAliasExpansion(outcome.data, parserText.length).dropped.length > 0) return fromFullParse(text);
    return { format: split.format, data: outcome.data, bodyOffset: split.bodyOffset, frontMatterLines: linesOf(text, split) };
  } catch (error) {
    // The loaders return their errors as values: a throw here is a bug, and the full parse still answers.
    logException('reading front matter (fast path)', error);
    return fromFullParse(text);
  }
}

function fromFullParse(text: string): FrontMatterData {
  return dataFromParsed(parseFrontMatter(text));
}

/**
 * What the index keeps of a full parse (any generator's): an error only when the generator cannot use
 * the post (it drops it or fails the build), not when it reads the whole file as the body.
 */
export function dataFromParsed(parsed: ParsedFrontMatter): FrontMatterData {
  const first = parsed.errors[0];
  const block = parsed.block;
  const fatal = first !== undefined && first.effect !== 'body-only';
  return {
    format: parsed.format,
    data: parsed.data,
    error: fatal ? first.message : undefined,
    problem: first?.code,
    bodyOffset: parsed.bodyOffset,
    frontMatterLines: block ? { start: block.range.start.line, end: block.closingFence.start.line } : undefined,
  };
}

/** Zero-based lines of a split's first line and of its closing separator. */
export function linesOf(text: string, split: FrontMatterSplit): { start: number; end: number } {
  const blockStart = split.openingFence?.start ?? split.content?.start ?? 0;
  const closeStart = split.closingFence?.start ?? blockStart;
  const start = countLineBreaks(text, 0, blockStart);
  return { start, end: start + countLineBreaks(text, blockStart, closeStart) };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
