import type { SourceRange } from '../text/sourceRange';
import type { FrontMatterEntry, FrontMatterNode } from './types';
import type { NodeContext } from './yamlNodes';

/**
 * The entries of front matter written in the plain shape nearly every post uses, found line by line
 * instead of through the `yaml` tree, whose generator-based parser costs about 40 µs for five lines
 * (half of `postcraft check` on a large site). Accepted, one per line, and nothing else:
 *   key: plain scalar          key: [plain, plain]          key:
 *   key:                         - plain                    (nothing follows)
 *                                - [plain, plain]
 * with keys of letters, digits, `_` and `-`, and no blank line, comment, quote, tab, anchor, tag,
 * multi-line scalar or trailing blank. Anything else returns undefined and the tree is used; for what
 * it accepts the result equals `mappingEntries` over the tree (unit tests hold both equal). Values
 * come from `data` (js-yaml, what Hexo reads), as there.
 */
export function simpleEntries(parsed: string, data: Record<string, unknown>, ctx: NodeContext): FrontMatterEntry[] | undefined {
  if (ctx.json || parsed.length === 0) return undefined;
  const entries: FrontMatterEntry[] = [];
  let list: OpenList | undefined;
  for (let lineStart = 0; lineStart <= parsed.length;) {
    let lineEnd = parsed.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = parsed.length;
    const line = parsed.slice(lineStart, lineEnd);
    if (line.length === 0 || !SAFE_LINE.test(line)) return undefined;
    const item = BLOCK_ITEM.exec(line);
    if (item) {
      // An item of the open key's block list, all items at one indent.
      if (!list || (list.items.length > 0 && item[1].length !== list.indent)) return undefined;
      const values = data[list.key];
      if (!Array.isArray(values) || list.items.length >= values.length) return undefined;
      if (list.items.length === 0) {
        list.indent = item[1].length;
        list.start = lineStart + item[1].length;
      }
      const node = valueNode(item[2], lineStart + item[1].length + 2, values[list.items.length], ctx);
      if (!node) return undefined;
      list.items.push(node.node);
      list.end = node.end;
    } else {
      const pair = TOP_LEVEL_PAIR.exec(line);
      if (!pair || (list && !closeList(list, data, entries, ctx))) return undefined;
      list = undefined;
      const key = pair[1];
      if (!Object.prototype.hasOwnProperty.call(data, key)) return undefined;
      const keyEnd = lineStart + key.length;
      if (pair[2] === undefined) {
        list = { key, keyStart: lineStart, keyEnd, items: [], indent: 0, start: 0, end: 0 };
      } else {
        const node = valueNode(pair[2], lineEnd - pair[2].length, data[key], ctx);
        if (!node) return undefined;
        entries.push({ key, keyRange: range(ctx, lineStart, keyEnd), value: node.node, range: range(ctx, lineStart, node.end) });
      }
    }
    lineStart = lineEnd + 1;
  }
  if (list && !closeList(list, data, entries, ctx)) return undefined;
  // Every key js-yaml read is one of these lines: nothing was read in a way the scan did not see.
  return entries.length === Object.keys(data).length ? entries : undefined;
}

/** `key:` with nothing after it on its line, and the block list items that followed. */
interface OpenList {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly items: FrontMatterNode[];
  indent: number;
  /** Offsets of the first item's `-` and of the last item's end. */
  start: number;
  end: number;
}

function closeList(list: OpenList, data: Record<string, unknown>, entries: FrontMatterEntry[], ctx: NodeContext): boolean {
  const { key, keyStart, keyEnd, items } = list;
  const keyRange = range(ctx, keyStart, keyEnd);
  if (items.length === 0) {
    // `key:` alone: js-yaml reads null; the entry is the key and its colon.
    if (data[key] !== null) return false;
    entries.push({ key, keyRange, value: { kind: 'empty', range: range(ctx, keyEnd + 1, keyEnd + 1) }, range: range(ctx, keyStart, keyEnd + 1) });
    return true;
  }
  const values = data[key];
  if (!Array.isArray(values) || values.length !== items.length) return false;
  entries.push({ key, keyRange, value: { kind: 'sequence', range: range(ctx, list.start, list.end), style: 'block', items }, range: range(ctx, keyStart, list.end) });
  return true;
}

/** A plain scalar or a one-line flow list of plain scalars starting at `start`; undefined for anything else. */
function valueNode(text: string, start: number, value: unknown, ctx: NodeContext): { node: FrontMatterNode; end: number } | undefined {
  const end = start + text.length;
  if (text.charCodeAt(0) !== 0x5b /* [ */) {
    return isPlain(text, false) ? { node: scalar(start, end, value, ctx), end } : undefined;
  }
  if (text.charCodeAt(text.length - 1) !== 0x5d /* ] */ || !Array.isArray(value)) return undefined;
  const inner = text.slice(1, -1);
  const items: FrontMatterNode[] = [];
  if (inner.length > 0) {
    let partStart = start + 1;
    for (const part of inner.split(',')) {
      const lead = part.length - part.trimStart().length;
      const itemText = part.trim();
      if (!isPlain(itemText, true) || items.length >= value.length) return undefined;
      const itemStart = partStart + lead;
      items.push(scalar(itemStart, itemStart + itemText.length, value[items.length], ctx));
      partStart += part.length + 1;
    }
  }
  if (items.length !== value.length) return undefined;
  return { node: { kind: 'sequence', range: range(ctx, start, end), style: 'flow', items }, end };
}

function scalar(start: number, end: number, value: unknown, ctx: NodeContext): FrontMatterNode {
  const r = range(ctx, start, end);
  return { kind: 'scalar', range: r, style: 'plain', value, source: ctx.original.slice(r.startOffset, r.endOffset) };
}

/**
 * A plain scalar both parsers read the same way on one line: no indicator first, no `: ` or ` #`
 * inside, no quotes, no blank at either end; in a flow list, no flow indicator or colon at all.
 */
function isPlain(text: string, inFlow: boolean): boolean {
  if (text.length === 0 || NOT_FIRST.includes(text[0]) || text.endsWith(':')) return false;
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x20 || (last >= 0x09 && last <= 0x0d) || (last > 0x7f && /\s/.test(text[text.length - 1]))) return false;
  // One pass for what the value may not hold: quotes, `: `, ` #`, and in a flow list its indicators.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) return false;
    const next = text.charCodeAt(i + 1);
    if ((c === 0x3a /* : */ && next === 0x20) || (c === 0x20 && next === 0x23 /* # */)) return false;
    if (inFlow && FLOW_INDICATORS.includes(c)) return false;
  }
  return true;
}

/** `,[]{}:#` as code units: none may appear in a plain scalar inside a flow list here. */
const FLOW_INDICATORS = [0x2c, 0x5b, 0x5d, 0x7b, 0x7d, 0x3a, 0x23];

/** YAML's indicators, and blanks, which cannot start a plain scalar (or would start something else). */
const NOT_FIRST = '-?:,[]{}#&*!|>\'"%@` \t';
const TOP_LEVEL_PAIR = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.+))?$/;
const BLOCK_ITEM = /^( *)- (.+)$/;
/** Printable, no tab, no trailing blank; no character that some YAML version reads as a line break or BOM. */
const SAFE_LINE = /^[^\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]*[^\s\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]$/;

function range(ctx: NodeContext, start: number, end: number): SourceRange {
  return ctx.lineMap.range(ctx.toOriginal(start), ctx.toOriginal(end));
}
