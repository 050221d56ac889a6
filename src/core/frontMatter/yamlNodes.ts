import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import type { LineMap } from '../text/lineMap';
import type { SourceRange } from '../text/sourceRange';
import type { CollectionStyle, FrontMatterEntry, FrontMatterNode, ScalarStyle } from './types';

/**
 * Turns the `yaml` (eemeli) document tree into Postcraft's nodes with ranges in the original text.
 * `yaml` only supplies structure and positions; values come from the js-yaml (or JSON.parse) result
 * Hexo itself would use, looked up along the same path. Where that is missing (broken YAML), the
 * `yaml` scalar's own value stands in.
 */
export interface NodeContext {
  /** The string `yaml` parsed. */
  readonly parsed: string;
  /** The original file text. */
  readonly original: string;
  /** Maps an offset in `parsed` to one in `original`. */
  readonly toOriginal: (offset: number) => number;
  readonly lineMap: LineMap;
  /** For `;;;` front matter: every node reports the 'json' style. */
  readonly json?: boolean;
}

/** The value at the same path in the parser's result, when there is one. */
type ValueSlot = { readonly value: unknown } | undefined;

/** Collections deeper than this keep their range but list no children (bounded recursion). */
const MAX_DEPTH = 64;

interface Converted {
  readonly node: FrontMatterNode;
  /** End offset in `parsed`, trailing blanks, line breaks and comments excluded. */
  readonly end: number;
}

export function mappingEntries(pairs: readonly unknown[], values: unknown, ctx: NodeContext): FrontMatterEntry[] {
  return convertPairs(pairs, values, ctx, 0).entries;
}

function convertPairs(pairs: readonly unknown[], values: unknown, ctx: NodeContext, depth: number):
  { entries: FrontMatterEntry[]; end: number } {
  const entries: FrontMatterEntry[] = [];
  let end = -1;
  for (const pair of pairs) {
    if (!isPair(pair)) continue;
    const converted = convertPair(pair, values, ctx, depth);
    if (!converted) continue;
    entries.push(converted.entry);
    end = Math.max(end, converted.end);
  }
  return { entries, end };
}

/** Start and end (in `parsed`) of a top-level pair, as used for error recovery. */
export function pairSpan(pair: Pair, ctx: NodeContext): { start: number; end: number } | undefined {
  const converted = convertPair(pair, undefined, ctx, MAX_DEPTH);
  return converted ? { start: converted.start, end: converted.end } : undefined;
}

function convertPair(pair: Pair, values: unknown, ctx: NodeContext, depth: number):
  { entry: FrontMatterEntry; start: number; end: number } | undefined {
  const keyNode = pair.key as Node | null;
  const keyRange = keyNode?.range;
  if (!keyNode || !keyRange) return undefined;
  const key = keyText(keyNode, ctx);
  const keyEnd = keyRange[1];
  const slot: ValueSlot = isRecord(values) && Object.prototype.hasOwnProperty.call(values, key)
    ? { value: values[key] } : undefined;
  const value = convertNode(pair.value as Node | null, slot, ctx, afterColon(ctx.parsed, keyEnd), depth + 1);
  const end = Math.max(keyEnd, value.end);
  return {
    entry: {
      key,
      keyRange: range(ctx, keyRange[0], keyEnd),
      value: value.node,
      range: range(ctx, keyRange[0], end),
    },
    start: keyRange[0],
    end,
  };
}

function convertNode(node: Node | null, slot: ValueSlot, ctx: NodeContext, emptyAt: number, depth: number): Converted {
  const nodeRange = node?.range;
  if (!node || !nodeRange || (isScalar(node) && node.value === null && nodeRange[0] === nodeRange[1])) {
    return { node: { kind: 'empty', range: range(ctx, emptyAt, emptyAt) }, end: emptyAt };
  }
  const start = nodeRange[0];
  if (isScalar(node) || isAlias(node)) {
    const end = Math.max(start, trimEnd(ctx.parsed, start, nodeRange[1]));
    const r = range(ctx, start, end);
    const style: ScalarStyle = ctx.json ? 'json' : isScalar(node) ? scalarStyle(node.type) : 'plain';
    const value = slot ? slot.value : isScalar(node) ? node.value : undefined;
    return { node: { kind: 'scalar', range: r, style, value, source: ctx.original.slice(r.startOffset, r.endOffset) }, end };
  }
  if (isSeq(node)) {
    const flow = Boolean(node.flow);
    const values = slot && Array.isArray(slot.value) ? slot.value : undefined;
    const items: FrontMatterNode[] = [];
    let lastEnd = start;
    if (depth < MAX_DEPTH) {
      node.items.forEach((item, index) => {
        const itemNode = item as Node | null;
        const itemSlot: ValueSlot = values && index < values.length ? { value: values[index] } : undefined;
        const at = itemNode?.range ? itemNode.range[0] : lastEnd;
        const converted = convertNode(itemNode, itemSlot, ctx, at, depth + 1);
        items.push(converted.node);
        lastEnd = Math.max(lastEnd, converted.end);
      });
    }
    const end = collectionEnd(ctx.parsed, start, nodeRange[1], flow, lastEnd);
    return { node: { kind: 'sequence', range: range(ctx, start, end), style: collectionStyle(ctx, flow), items }, end };
  }
  if (isMap(node)) {
    const flow = Boolean(node.flow);
    const { entries, end: lastEnd } = depth < MAX_DEPTH
      ? convertPairs(node.items, slot?.value, ctx, depth) : { entries: [], end: -1 };
    const end = collectionEnd(ctx.parsed, start, nodeRange[1], flow, lastEnd);
    return { node: { kind: 'mapping', range: range(ctx, start, end), style: collectionStyle(ctx, flow), entries }, end };
  }
  const end = Math.max(start, trimEnd(ctx.parsed, start, nodeRange[1]));
  return { node: { kind: 'scalar', range: range(ctx, start, end), style: 'plain', value: slot?.value, source: '' }, end };
}

/** A flow collection ends at its bracket; a block one at its last child (its own range runs on). */
function collectionEnd(parsed: string, start: number, valueEnd: number, flow: boolean, lastChildEnd: number): number {
  if (flow) return Math.max(start, trimEnd(parsed, start, valueEnd));
  return lastChildEnd > start ? lastChildEnd : Math.max(start, trimEnd(parsed, start, valueEnd));
}

function collectionStyle(ctx: NodeContext, flow: boolean): CollectionStyle {
  return ctx.json ? 'json' : flow ? 'flow' : 'block';
}

function scalarStyle(type: Scalar['type']): ScalarStyle {
  switch (type) {
    case Scalar.QUOTE_SINGLE: return 'single';
    case Scalar.QUOTE_DOUBLE: return 'double';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL: return 'block';
    default: return 'plain';
  }
}

/** The key as js-yaml names the property: scalars by their string form, anything else by its source. */
function keyText(keyNode: Node, ctx: NodeContext): string {
  if (isScalar(keyNode)) return String(keyNode.value);
  const r = keyNode.range;
  return r ? ctx.parsed.slice(r[0], r[1]) : '';
}

/** Just after the `:` that follows a key (blanks allowed before it), else the key's end. */
function afterColon(parsed: string, keyEnd: number): number {
  for (let i = keyEnd; i < parsed.length && i < keyEnd + 1024; i++) {
    const c = parsed.charCodeAt(i);
    if (c === 0x3a) return i + 1;
    if (c !== 0x20 && c !== 0x09 && c !== 0x22 && c !== 0x27) break;
  }
  return keyEnd;
}

function trimEnd(parsed: string, start: number, end: number): number {
  let e = Math.min(end, parsed.length);
  while (e > start) {
    const c = parsed.charCodeAt(e - 1);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    e--;
  }
  return e;
}

function range(ctx: NodeContext, start: number, end: number): SourceRange {
  return ctx.lineMap.range(ctx.toOriginal(start), ctx.toOriginal(end));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
