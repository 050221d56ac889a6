import { isMap } from 'yaml';
import type { LineMap } from '../text/lineMap';
import { parseTree } from './parse';
import type { OffsetSpan } from './split';
import type { FrontMatterEntry } from './types';
import { mappingEntries, type NodeContext } from './yamlNodes';

/** Above this size a block gets its data but no ranges (the `yaml` tree costs 1-2 s per MB). */
const MAX_RANGED_LENGTH = 128 * 1024;

/**
 * The top-level entries of a YAML block or a JSON object (`{ ... }`, braces included) with ranges in
 * the original text; values are taken from `data` (the generator's reading) where it has them.
 */
export function rangedEntries(original: string, content: OffsetSpan, lineMap: LineMap, data: unknown, json: boolean): FrontMatterEntry[] {
  if (content.end - content.start > MAX_RANGED_LENGTH) return [];
  const slice = original.slice(content.start, content.end);
  // `yaml` does not break lines at a lone CR; same length, so offsets still map back.
  const parsed = slice.includes('\r') ? slice.replace(/\r/g, '\n') : slice;
  const doc = parseTree(parsed);
  if (!isMap(doc.contents)) return [];
  const ctx: NodeContext = { parsed, original, lineMap, toOriginal: (offset) => content.start + offset, ...(json ? { json } : {}) };
  return mappingEntries(doc.contents.items, data, ctx);
}
