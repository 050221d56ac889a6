/** A zero-based position, the way editors count: line, then UTF-16 code unit within the line. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/**
 * A span of source text, given both as positions (for editors) and as offsets (for slicing and edits).
 * `end` and `endOffset` are exclusive.
 */
export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
  readonly startOffset: number;
  readonly endOffset: number;
}

export function rangeText(text: string, range: SourceRange): string {
  return text.slice(range.startOffset, range.endOffset);
}

export function rangeContainsOffset(range: SourceRange, offset: number): boolean {
  return offset >= range.startOffset && offset <= range.endOffset;
}
