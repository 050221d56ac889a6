

/** Line helpers over offsets in a whole text, bounded by a region (the front matter, a body). */

export const LF = 10;
export const CR = 13;

export function lineStartOf(text: string, offset: number, min: number): number {
  // `lastIndexOf` reads a negative start as 0, and would find a line break at 0 before offset 0.
  if (offset <= min) return min;
  return Math.max(min, text.lastIndexOf('\n', offset - 1) + 1);
}

/** The end of the line's content at `offset` (before `\r\n`/`\n`), at most `max`. */
export function lineEndOf(text: string, offset: number, max: number): number {
  const newline = text.indexOf('\n', offset);
  let end = newline === -1 || newline > max ? max : newline;
  if (end > offset && text.charCodeAt(end - 1) === CR && end === newline) end--;
  return Math.max(offset, end);
}

export function nextLineStart(text: string, offset: number, max: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 || newline >= max ? max : newline + 1;
}

export function lineBreakAt(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c === LF) return 1;
  return c === CR && text.charCodeAt(offset + 1) === LF ? 2 : 0;
}

export function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
