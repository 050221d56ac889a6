/**
 * YAML aliases (`*name`) let a few hundred bytes stand for billions of values: js-yaml shares the
 * anchored node instead of copying it, so `load` itself is quick, but whatever walks, copies or
 * stringifies the result pays for every use. Hexo does (its database copies post data): a 531-byte
 * front matter of nine nested levels of nine aliases runs Hexo 8.1.2 out of memory, and a value that
 * contains itself (`tags: &t [a, *t]`) makes it fail with "Maximum call stack size exceeded" or name a
 * tag "a,". js-yaml has no limit like `yaml`'s `maxAliasCount`, so Postcraft measures what the aliases
 * expand to, without expanding them, and leaves out the top-level entries that go past the limits.
 */

/**
 * Expanded size allowed: one unit per value, key or string character, counted at every use.
 * Written YAML without aliases never expands beyond about 1.5 units per character, so the limit is
 * also at least twice what is written: a big front matter without aliases is never reported.
 */
export const ALIAS_EXPANSION_LIMIT = 1_000_000;

/**
 * Expanded nesting allowed. Written YAML cannot nest deeper than js-yaml's `maxDepth` (100); a chain
 * of aliases can, and code that walks values recursively (Hexo's copy among it) runs out of stack.
 */
export const ALIAS_NESTING_LIMIT = 1_000;

export type AliasProblem =
  | { readonly kind: 'cycle' }
  | { readonly kind: 'nesting'; readonly depth: number }
  | { readonly kind: 'size'; readonly size: number };

export interface ExpandedEntry {
  readonly key: string;
  readonly problem: AliasProblem;
}

export interface AliasExpansion {
  /** The data without the entries that go past the limits (the same object when none does). */
  readonly data: Record<string, unknown>;
  /** The entries left out, in the data's key order. */
  readonly dropped: readonly ExpandedEntry[];
}

/** What one value expands to. Sizes past `Number.MAX_SAFE_INTEGER` stay approximate, which is enough. */
interface Measure {
  readonly size: number;
  readonly depth: number;
  readonly cyclic: boolean;
}

/**
 * Leaves out the top-level entries whose aliases expand past the limits: any that contains itself or
 * nests deeper than `ALIAS_NESTING_LIMIT`, then the largest ones until the rest fits in the size limit.
 * `writtenLength` is the length of the YAML the data was read from. Linear in the number of distinct
 * nodes, whatever they expand to.
 */
export function limitAliasExpansion(data: Record<string, unknown>, writtenLength: number): AliasExpansion {
  const measurer = new Measurer();
  const keys = Object.keys(data);
  const measures = keys.map((key) => measurer.measure(data[key]));
  const dropped = new Map<string, AliasProblem>();
  let total = 0;
  keys.forEach((key, index) => {
    const m = measures[index];
    if (m.cyclic) dropped.set(key, { kind: 'cycle' });
    else if (m.depth > ALIAS_NESTING_LIMIT) dropped.set(key, { kind: 'nesting', depth: m.depth });
    else total += key.length + m.size;
  });
  const allowed = Math.max(ALIAS_EXPANSION_LIMIT, 2 * writtenLength);
  if (total > allowed) {
    const bySize = keys.map((key, index) => ({ key, index })).filter(({ key }) => !dropped.has(key))
      .sort((a, b) => measures[b.index].size - measures[a.index].size);
    for (const { key, index } of bySize) {
      if (total <= allowed) break;
      dropped.set(key, { kind: 'size', size: measures[index].size });
      total -= key.length + measures[index].size;
    }
  }
  if (dropped.size === 0) return { data, dropped: [] };
  const kept: Record<string, unknown> = {};
  for (const key of keys) if (!dropped.has(key)) kept[key] = data[key];
  return { data: kept, dropped: keys.filter((key) => dropped.has(key)).map((key) => ({ key, problem: dropped.get(key) as AliasProblem })) };
}

/** Post-order walk with an explicit stack (alias chains nest deeper than the call stack allows). */
class Measurer {
  private readonly done = new Map<object, Measure>();
  private readonly active = new Set<object>();

  measure(root: unknown): Measure {
    const leaf = leafMeasure(root);
    if (leaf) return leaf;
    const stack: Array<{ node: object; children: unknown[]; next: number; size: number; depth: number; cyclic: boolean }> = [];
    const enter = (node: object): void => {
      this.active.add(node);
      const { children, ownSize } = childrenOf(node);
      stack.push({ node, children, next: 0, size: ownSize, depth: 0, cyclic: false });
    };
    enter(root as object);
    let result: Measure | undefined;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next < frame.children.length) {
        const child = frame.children[frame.next++];
        const known = leafMeasure(child) ?? this.done.get(child as object);
        if (known) {
          absorb(frame, known);
        } else if (this.active.has(child as object)) {
          frame.cyclic = true;
        } else {
          enter(child as object);
        }
        continue;
      }
      stack.pop();
      this.active.delete(frame.node);
      const measured: Measure = { size: frame.size, depth: frame.depth + 1, cyclic: frame.cyclic };
      this.done.set(frame.node, measured);
      if (stack.length > 0) absorb(stack[stack.length - 1], measured);
      else result = measured;
    }
    return result as Measure;
  }
}

function absorb(frame: { size: number; depth: number; cyclic: boolean }, child: Measure): void {
  frame.size += child.size;
  frame.depth = Math.max(frame.depth, child.depth);
  frame.cyclic ||= child.cyclic;
}

/** Strings count their characters; other scalars one; a collection is measured by walking it. */
function leafMeasure(value: unknown): Measure | undefined {
  if (typeof value === 'string') return { size: Math.max(1, value.length), depth: 0, cyclic: false };
  if (value === null || typeof value !== 'object' || value instanceof Date) return { size: 1, depth: 0, cyclic: false };
  if (ArrayBuffer.isView(value)) return { size: 1 + value.byteLength, depth: 0, cyclic: false };
  return undefined;
}

/** Arrays hold items; mappings (plain objects, js-yaml's `!!set`) hold keys, which count as strings. */
function childrenOf(node: object): { children: unknown[]; ownSize: number } {
  if (Array.isArray(node)) return { children: node, ownSize: 1 };
  const keys = Object.keys(node);
  let ownSize = 1;
  for (const key of keys) ownSize += Math.max(1, key.length);
  return { children: keys.map((key) => (node as Record<string, unknown>)[key]), ownSize };
}

/** The problem in words (English, like the parser's other messages): `"tags" contains itself …`. */
export function describeExpandedEntry({ key, problem }: ExpandedEntry): string {
  switch (problem.kind) {
    case 'cycle': return `"${key}" contains itself through a YAML alias`;
    case 'nesting': return `"${key}" nests ${problem.depth} levels deep through YAML aliases`;
    case 'size': return `"${key}" expands through YAML aliases to ${problem.size} values and characters`;
  }
}

/**
 * For YAML Postcraft copies or writes back (scaffolds): the first entry whose aliases expand past the
 * limits, described, or undefined. Such data must not be merged or dumped: both expand it in full.
 */
export function aliasExpansionProblem(data: unknown, writtenLength: number): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const [first] = limitAliasExpansion(data as Record<string, unknown>, writtenLength).dropped;
  return first ? describeExpandedEntry(first) : undefined;
}
