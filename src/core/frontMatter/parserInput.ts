/**
 * The string Hexo's parser actually reads, built from a span of the original text, with a map back
 * to original offsets (ranges must point into what the author wrote, not into the rewritten copy).
 *
 * Hexo rewrites twice before parsing: hexo-fs `readFile` turns CRLF into LF (hexo-fs lib/fs.ts
 * `escapeEOL`), and hexo-front-matter `escapeYAML` turns each tab that starts a line into two spaces
 * (lib/front_matter.ts, `/\n(\t+)/g`; the first line has no `\n` before it and is left alone).
 */
export interface ParserInput {
  readonly text: string;
  /** Maps an offset in `text` (0..text.length) to an offset in the original text. */
  toOriginal(offset: number): number;
}

/** The rewrite alone, for the fast path that needs no offsets. Same result as `parserInput(...).text`. */
export function hexoParserText(content: string, expandTabs: boolean): string {
  let result = content.includes('\r') ? content.replace(/\r\n/g, '\n') : content;
  if (expandTabs && result.includes('\n\t')) {
    result = result.replace(/\n(\t+)/g, (_match, tabs: string) => '\n' + '  '.repeat(tabs.length));
  }
  return result;
}

export function parserInput(original: string, start: number, end: number, expandTabs: boolean): ParserInput {
  const slice = original.slice(start, end);
  if (!slice.includes('\r') && !(expandTabs && slice.includes('\n\t'))) {
    return { text: slice, toOriginal: (offset) => start + clamp(offset, 0, slice.length) };
  }
  // Rare path (CRLF files, tab-indented lists): a per-character map, bounded by the size cap.
  const chunks: string[] = [];
  const map: number[] = [];
  let atLineStart = false;
  for (let i = start; i < end; i++) {
    const c = original.charCodeAt(i);
    if (c === 0x0d && i + 1 < end && original.charCodeAt(i + 1) === 0x0a) {
      // The `\n` that replaces `\r\n` maps to the `\r`, so a value's end stays before the break.
      chunks.push('\n');
      map.push(i);
      i++;
      atLineStart = true;
      continue;
    }
    if (c === 0x0a) {
      chunks.push('\n');
      map.push(i);
      atLineStart = true;
      continue;
    }
    if (c === 0x09 && atLineStart && expandTabs) {
      chunks.push('  ');
      map.push(i, i);
      continue;
    }
    atLineStart = false;
    chunks.push(original[i]);
    map.push(i);
  }
  map.push(end);
  const text = chunks.join('');
  return { text, toOriginal: (offset) => map[clamp(Math.floor(offset), 0, map.length - 1)] };
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
