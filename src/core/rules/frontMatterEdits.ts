import { yamlScalar } from '../frontMatter/yamlText';
import type { TextEdit } from '../edits';
import type { FrontMatterEntry, FrontMatterNode, ScalarNode, SequenceNode } from '../frontMatter';
import type { PostDocument } from './postDocument';

/**
 * The smallest edits that change one thing in the front matter and keep everything else as written:
 * the author's quotes, flow or block lists, comments and key order.
 */

/** A key with its value text (already YAML or JSON), inserted where such a key usually stands. */
export function insertEntry(doc: PostDocument, key: string, value: string): TextEdit | undefined {
  const { parsed, eol } = doc;
  const block = parsed.block;
  if (!block) {
    // No front matter: a new block at the top.
    return { range: doc.range(0, 0), newText: `---${eol}${key}: ${value}${eol}---${eol}` };
  }
  if (block.format === 'json') {
    const first = parsed.entries[0];
    const at = first ? first.range.startOffset : block.content.startOffset;
    return { range: doc.range(at, at), newText: `${JSON.stringify(key)}: ${value}${first ? ',' + eol : ''}` };
  }
  // A flow mapping (`{title: A}`) takes no block line: no edit rather than a broken one.
  if (/^(?:---(?:[ \t][^\n]*)?\r?\n)?(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*\{/.test(doc.text.slice(block.content.startOffset, Math.min(block.content.endOffset, block.content.startOffset + 4096)))) return undefined;
  const title = doc.entry('title');
  let at: number;
  // After a YAML document marker opening the content (`----` then `---`): above it, js-yaml would read two documents.
  if (key === 'title') at = /^---(?:[ \t]|\r?\n)/.test(doc.text.slice(block.content.startOffset, block.content.startOffset + 5)) ? doc.nextLineStart(block.content.startOffset) : block.content.startOffset;
  else if (key === 'date' && title) at = doc.nextLineStart(title.range.endOffset);
  else at = block.closingFence.startOffset;
  // Never inside the closing fence's line, nor past it.
  at = Math.min(at, block.closingFence.startOffset);
  // At the entries' own indentation: a key at column 0 above indented ones would end the mapping.
  // The line's leading spaces, not the key's column: `? x: …` (an explicit key) is not indented.
  const first = parsed.entries[0];
  const lineStart = first ? doc.lineStartOf(first.keyRange.startOffset) : 0;
  const indent = first ? /^ */.exec(doc.text.slice(lineStart, first.keyRange.startOffset))?.[0] ?? '' : '';
  return { range: doc.range(at, at), newText: `${indent}${key}: ${value}${eol}` };
}

/** `value` written for this front matter's format: YAML plain or quoted in `quote` style, or JSON. */
export function scalarText(doc: PostDocument, value: string, quote: '"' | "'" = '"'): string {
  return doc.parsed.format === 'json' ? JSON.stringify(value) : yamlScalar(value, quote);
}

/** Renames a key in place, keeping its quotes. */
export function renameKey(doc: PostDocument, entry: FrontMatterEntry, newKey: string): TextEdit {
  const written = doc.text.slice(entry.keyRange.startOffset, entry.keyRange.endOffset);
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : '';
  return { range: entry.keyRange, newText: `${quote}${newKey}${quote}` };
}

/** Replaces a scalar's value, keeping its quote style (a plain scalar gains quotes only when it must). */
export function replaceScalar(node: ScalarNode, value: string): TextEdit {
  let newText: string;
  switch (node.style) {
    case 'single': newText = `'${value.replace(/'/g, "''")}'`; break;
    case 'double':
    case 'json': newText = JSON.stringify(value); break;
    default: newText = yamlScalar(value, '"');
  }
  return { range: node.range, newText };
}

/**
 * Replaces a value node with raw text (for dates: `2026-03-02 17:32:00` is written plain), except in
 * `;;;` JSON front matter, where a bare date is no JSON: there it is written as a string.
 */
export function replaceValue(node: FrontMatterNode, newText: string): TextEdit {
  const json = (node.kind === 'scalar' || node.kind === 'sequence' || node.kind === 'mapping') && node.style === 'json';
  return { range: node.range, newText: json ? JSON.stringify(newText) : newText };
}

/**
 * Removes item `index` of a list: in a flow or JSON list with the comma that separates it, in a block
 * list with its whole `- item` line(s).
 */
export function removeSequenceItem(doc: PostDocument, sequence: SequenceNode, index: number): TextEdit {
  const item = sequence.items[index];
  if (sequence.style === 'block') {
    const start = doc.lineStartOf(item.range.startOffset);
    const end = doc.nextLineStart(Math.max(item.range.endOffset, item.range.startOffset));
    return { range: doc.range(start, end), newText: '' };
  }
  const next = sequence.items[index + 1];
  if (next) return { range: doc.range(item.range.startOffset, next.range.startOffset), newText: '' };
  const previous = sequence.items[index - 1];
  if (previous) return { range: doc.range(previous.range.endOffset, item.range.endOffset), newText: '' };
  // The only item: its trailing comma goes too (`["", ]` → `[ ]`; `[, ]` is no YAML).
  const comma = /^[ \t]*,/.exec(doc.text.slice(item.range.endOffset, item.range.endOffset + 256));
  return { range: doc.range(item.range.startOffset, item.range.endOffset + (comma ? comma[0].length : 0)), newText: '' };
}

/**
 * Removes a top-level YAML entry with its whole line(s), a block list's items included. JSON entries
 * are not removed (their commas would need care); undefined then.
 */
export function removeEntry(doc: PostDocument, entry: FrontMatterEntry): TextEdit | undefined {
  if (doc.parsed.format !== 'yaml') return undefined;
  const start = doc.lineStartOf(entry.range.startOffset);
  // The value ends on its last line; the line break after it goes too.
  const end = doc.nextLineStart(Math.max(entry.range.startOffset, entry.range.endOffset - 1));
  return { range: doc.range(start, end), newText: '' };
}

/** The item's text as written (quotes included), for messages. */
export function writtenText(doc: PostDocument, node: FrontMatterNode): string {
  return doc.text.slice(node.range.startOffset, node.range.endOffset);
}
