import { parseTOML, type AST } from 'toml-eslint-parser';
import type { LineMap } from '../text/lineMap';
import type { OffsetSpan } from './split';
import type { FrontMatterEntry, FrontMatterNode, ScalarStyle } from './types';

/**
 * TOML front matter (`+++`) read as TOML 1.0 (what Hugo's go-toml v2 accepts), with a source range for
 * every top-level entry, list item and table. Dates keep what was written: an offset date-time is a
 * `Date`; a local date, date-time or time stays the string written (`2026-03-02T17:32:00`), since
 * only the generator knows the zone it is read in.
 */
export interface TomlBlock {
  readonly data: Record<string, unknown>;
  readonly entries: readonly FrontMatterEntry[];
  /** Set when the TOML does not parse: where and why. */
  readonly error?: { readonly offset: number; readonly reason: string };
}

export function parseTomlBlock(original: string, content: OffsetSpan, lineMap: LineMap): TomlBlock {
  const source = original.slice(content.start, content.end);
  let ast: AST.TOMLProgram;
  try {
    ast = parseTOML(source, { tomlVersion: '1.0.0' });
  } catch (error) {
    const offset = typeof (error as { index?: unknown }).index === 'number' ? (error as { index: number }).index : 0;
    return { data: {}, entries: [], error: { offset: content.start + offset, reason: error instanceof Error ? error.message : String(error) } };
  }
  const reader = new TomlReader(original, content.start, lineMap);
  return reader.read(ast.body[0]);
}

/** Only TOML's values, for the index's hot path (no ranges). */
export function loadToml(source: string): { data: Record<string, unknown> } | { error: { offset: number; reason: string } } {
  try {
    const ast = parseTOML(source, { tomlVersion: '1.0.0' });
    const reader = new TomlReader(source, 0, undefined);
    return { data: reader.read(ast.body[0]).data };
  } catch (error) {
    const offset = typeof (error as { index?: unknown }).index === 'number' ? (error as { index: number }).index : 0;
    return { error: { offset, reason: error instanceof Error ? error.message : String(error) } };
  }
}

class TomlReader {
  constructor(
    private readonly original: string,
    /** Where the parsed text starts in the original. */
    private readonly base: number,
    /** Without one, no ranges are made (the hot path). */
    private readonly lineMap: LineMap | undefined,
  ) {}

  read(top: AST.TOMLTopLevelTable): TomlBlock {
    const data: Record<string, unknown> = {};
    const entries: FrontMatterEntry[] = [];
    for (const node of top.body) {
      if (node.type === 'TOMLKeyValue') {
        const keys = node.key.keys.map(keyName);
        setPath(data, keys, this.value(node.value), false);
        if (this.lineMap) entries.push(this.entry(keys[0], node.key.keys[0].range, keys.length > 1 ? this.placeholderMapping(node.range) : this.node(node.value), node.range));
      } else {
        const keys = node.key.keys.map(keyName);
        const table: Record<string, unknown> = {};
        for (const pair of node.body) setPath(table, pair.key.keys.map(keyName), this.value(pair.value), false);
        setPath(data, keys, table, node.kind === 'array');
        if (this.lineMap) entries.push(this.entry(keys[0], node.key.keys[0].range, this.tableNode(node), node.range));
      }
    }
    return { data, entries };
  }

  private value(node: AST.TOMLContentNode): unknown {
    if (node.type === 'TOMLArray') return node.elements.map((element) => this.value(element));
    if (node.type === 'TOMLInlineTable') {
      const table: Record<string, unknown> = {};
      for (const pair of node.body) setPath(table, pair.key.keys.map(keyName), this.value(pair.value), false);
      return table;
    }
    if (node.kind === 'offset-date-time') return node.value;
    if (node.kind === 'local-date-time' || node.kind === 'local-date' || node.kind === 'local-time') {
      return this.original.slice(this.base + node.range[0], this.base + node.range[1]);
    }
    return node.value;
  }

  private node(node: AST.TOMLContentNode): FrontMatterNode {
    const range = this.range(node.range);
    if (node.type === 'TOMLArray') return { kind: 'sequence', range, style: 'flow', items: node.elements.map((element) => this.node(element)) };
    if (node.type === 'TOMLInlineTable') {
      return { kind: 'mapping', range, style: 'flow', entries: node.body.map((pair) => this.entry(keyName(pair.key.keys[0]), pair.key.keys[0].range, this.node(pair.value), pair.range)) };
    }
    const style: ScalarStyle = node.kind !== 'string' ? 'plain' : node.multiline ? 'block' : node.style === 'literal' ? 'single' : 'double';
    return { kind: 'scalar', range, style, value: this.value(node), source: this.original.slice(this.base + node.range[0], this.base + node.range[1]) };
  }

  private tableNode(table: AST.TOMLTable): FrontMatterNode {
    const range = this.range(table.range);
    const entries = table.body.map((pair) => this.entry(keyName(pair.key.keys[0]), pair.key.keys[0].range, this.node(pair.value), pair.range));
    return { kind: 'mapping', range, style: 'block', entries };
  }

  /** A dotted key (`a.b = 1`) at the top: the entry is `a`; its own structure is not ranged. */
  private placeholderMapping(span: AST.Range): FrontMatterNode {
    return { kind: 'mapping', range: this.range(span), style: 'flow', entries: [] };
  }

  private entry(key: string, keySpan: AST.Range, value: FrontMatterNode, span: AST.Range): FrontMatterEntry {
    return { key, keyRange: this.range(keySpan), value, range: this.range(span) };
  }

  private range(span: AST.Range) {
    return (this.lineMap as LineMap).range(this.base + span[0], this.base + span[1]);
  }
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === 'TOMLBare' ? key.name : key.value;
}

/** Puts `value` at `keys` (creating tables on the way); `append` for `[[arrays of tables]]`. */
function setPath(target: Record<string, unknown>, keys: readonly string[], value: unknown, append: boolean): void {
  let table = target;
  for (const key of keys.slice(0, -1)) {
    let next = table[key];
    if (Array.isArray(next)) next = next[next.length - 1];
    if (typeof next !== 'object' || next === null || next instanceof Date) table[key] = next = {};
    table = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (append) {
    const list = Array.isArray(table[last]) ? table[last] as unknown[] : (table[last] = []) as unknown[];
    list.push(value);
  } else if (isPlainObject(table[last]) && isPlainObject(value)) {
    Object.assign(table[last] as object, value);
  } else {
    table[last] = value;
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
