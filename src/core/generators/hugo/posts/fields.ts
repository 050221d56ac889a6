import type { TextEdit } from '../../../edits';
import type { FrontMatterNode, ParsedFrontMatter } from '../../../frontMatter';
import { yamlScalar } from '../../../frontMatter/yamlText';
import { LineMap } from '../../../text/lineMap';
import { HUGO_FRONT_MATTER } from '../frontMatter';

/** A value to write into front matter: text, a flag, a list of names, or a date literal written as is. */
export type FieldValue = string | boolean | readonly string[] | { readonly literal: string };

/**
 * The edit that sets `key` (found whatever its case, as Hugo reads keys) to `value` in a Hugo post's
 * front matter, in its dialect: YAML `key: value`, TOML `key = value` (above any `[table]`, where a
 * top-level key must go), JSON `"key": value`. Undefined when the post has no sound front matter.
 */
export function setFieldEdit(text: string, key: string, value: FieldValue, parsed: ParsedFrontMatter = HUGO_FRONT_MATTER.parse(text)): TextEdit | undefined {
  const block = parsed.block;
  if (!parsed.valid || !block) return undefined;
  const format = block.format;
  const written = writeValue(format, value);
  const entry = parsed.entries.find((candidate) => candidate.key.toLowerCase() === key.toLowerCase());
  if (entry) return { range: entry.value.range, newText: keepQuoteStyle(format, entry.value, value) ?? written };
  const lines = new LineMap(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (format === 'json') {
    const close = block.closingFence.startOffset;
    let last = close - 1;
    while (last > block.content.startOffset && /\s/.test(text[last])) last--;
    const comma = text[last] === '{' ? '' : ',';
    return { range: lines.range(last + 1, last + 1), newText: `${comma}${eol}  ${JSON.stringify(key)}: ${written}` };
  }
  // A new top-level TOML key goes above the first table, or it would belong to that table.
  const table = format === 'toml' ? parsed.entries.find((candidate) => candidate.value.kind === 'mapping' && candidate.value.style === 'block') : undefined;
  const at = table ? lines.lineStart(table.range.start.line) : block.closingFence.startOffset;
  const line = format === 'toml' ? `${key} = ${written}` : `${key}: ${written}`;
  return { range: lines.range(at, at), newText: `${line}${eol}` };
}

/** A text value written in the quotes the replaced value used (the archetype's or the writer's style). */
function keepQuoteStyle(format: 'yaml' | 'json' | 'toml', node: FrontMatterNode, value: FieldValue): string | undefined {
  if (typeof value !== 'string' || node.kind !== 'scalar') return undefined;
  if (node.style === 'double' || format !== 'yaml' && node.style !== 'single') return JSON.stringify(value);
  // A single-quoted YAML scalar doubles its quotes; a TOML literal string cannot hold one.
  if (node.style === 'single') return format === 'yaml' ? `'${value.replace(/'/g, "''")}'` : value.includes("'") ? JSON.stringify(value) : `'${value}'`;
  return undefined;
}

function writeValue(format: 'yaml' | 'json' | 'toml', value: FieldValue): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value) && 'literal' in value) {
    // A date: a TOML literal and a YAML plain scalar as written; a JSON string.
    return format === 'json' ? JSON.stringify((value as { literal: string }).literal) : (value as { literal: string }).literal;
  }
  const text = (item: string) => (format === 'yaml' ? yamlScalar(item, '"') : JSON.stringify(item));
  if (Array.isArray(value)) return `[${(value as readonly string[]).map(text).join(', ')}]`;
  return text(value as string);
}
