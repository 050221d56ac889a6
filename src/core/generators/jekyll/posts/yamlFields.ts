import type { TextEdit } from '../../../edits';
import type { ParsedFrontMatter } from '../../../frontMatter';
import { yamlScalar } from '../../../frontMatter/yamlText';
import { LineMap } from '../../../text/lineMap';
import { nextLineStart } from '../../../text/lines';
import { loadJekyllYaml } from '../frontMatter';

/**
 * Writing Jekyll front matter: scalars Psych reads back as the same string, and single fields set or
 * removed in place (the rest of the author's front matter, its quotes and comments, untouched).
 */

/**
 * `value` as a YAML scalar Psych reads back as that string: plain when it can be (`1:30` is a number
 * in YAML 1.1, `:a` a symbol, so the round trip is checked with Jekyll's own reading), else in `quote`.
 */
export function jekyllScalar(value: string, quote: '"' | "'" = '"'): string {
  const plain = yamlScalar(value, quote);
  if (readsBackAs(plain, value)) return plain;
  return quote === "'" && !/[\u0000-\u001f\u007f]/.test(value) ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
}

function readsBackAs(written: string, value: string): boolean {
  const loaded = loadJekyllYaml(`v: ${written}`);
  return 'data' in loaded && loaded.data.v === value;
}

/** `[a, b]` with each item written as `jekyllScalar` writes it. */
export function jekyllFlowList(values: readonly string[]): string {
  return `[${values.map((value) => jekyllScalar(value)).join(', ')}]`;
}

function eolOf(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * The edit that sets top-level `key` to `written` (YAML text, written as is): the value replaced where
 * the key is, else a line added after `after` (when the front matter has that key) or at its end.
 * Undefined when the file has no sound front matter.
 */
export function setFieldEdit(text: string, parsed: ParsedFrontMatter, key: string, written: string, after?: string): TextEdit | undefined {
  const block = parsed.block;
  if (!block || !parsed.valid) return undefined;
  const lines = new LineMap(text);
  const existing = parsed.entries.find((entry) => entry.key === key);
  if (existing) {
    const value = existing.value;
    if (value.kind === 'scalar' && value.source === written) return undefined;
    return value.kind === 'empty'
      ? { range: lines.range(value.range.startOffset, value.range.endOffset), newText: ` ${written}` }
      : { range: lines.range(value.range.startOffset, value.range.endOffset), newText: written };
  }
  const eol = eolOf(text);
  const anchor = after === undefined ? undefined : parsed.entries.find((entry) => entry.key === after);
  const end = block.content.endOffset;
  const at = anchor ? nextLineStart(text, anchor.range.endOffset, end) : end;
  // The content ends before the closing fence's line break: a line added there leads with a break
  // (an empty front matter has none to lead with).
  const leading = at === end && end > block.content.startOffset;
  return { range: lines.range(at, at), newText: leading ? `${eol}${key}: ${written}` : `${key}: ${written}${eol}` };
}

/** The edit that removes top-level `key` with its whole lines; undefined when the front matter has none. */
export function removeFieldEdit(text: string, parsed: ParsedFrontMatter, key: string): TextEdit | undefined {
  const block = parsed.block;
  const entry = parsed.entries.find((candidate) => candidate.key === key);
  if (!block || !entry) return undefined;
  const start = text.lastIndexOf('\n', entry.range.startOffset - 1) + 1;
  let end = nextLineStart(text, entry.range.endOffset, block.content.endOffset);
  let from = start;
  // The last line has no line break of its own inside the content: the one before it goes instead.
  if (end === block.content.endOffset && start > block.content.startOffset) {
    from = start - (text[start - 2] === '\r' ? 2 : 1);
    end = block.content.endOffset;
  }
  return { range: new LineMap(text).range(from, end), newText: '' };
}
