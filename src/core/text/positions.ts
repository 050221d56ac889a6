/**
 * Sorted positions of a pattern in a text, and the first one at or after an offset. The body scans ask
 * "where does the next `-->` (blank line, `{% endraw %}`, ...) start?" from many places; searching the
 * text each time is quadratic on hostile posts, a binary search over positions found once is not.
 */
export class Positions {
  private starts: Int32Array | undefined;
  private ends: Int32Array | undefined;

  private constructor(private readonly text: string, private readonly pattern: RegExp, private readonly from: number) {}

  /**
   * Every match of `pattern` (a global regex) in `text` from `from`, non-overlapping. Found when first
   * asked for: most posts never ask about most patterns (no `{% raw %}`, no `<code>`), and a check of
   * ten thousand posts spent a tenth of its scan finding them anyway.
   */
  static of(text: string, pattern: RegExp, from = 0): Positions {
    return new Positions(text, pattern, from);
  }

  private find(): Int32Array {
    if (this.starts) return this.starts;
    const starts: number[] = [];
    const ends: number[] = [];
    const pattern = this.pattern;
    pattern.lastIndex = this.from;
    for (let match = pattern.exec(this.text); match; match = pattern.exec(this.text)) {
      starts.push(match.index);
      ends.push(match.index + match[0].length);
      if (match[0].length === 0) pattern.lastIndex++;
    }
    this.ends = Int32Array.from(ends);
    this.starts = Int32Array.from(starts);
    return this.starts;
  }

  /** The index of the first match starting at or after `offset`, or -1. */
  private indexFrom(offset: number): number {
    return indexAtOrAfter(this.find(), offset);
  }

  /** Start of the first match at or after `offset`, or -1. */
  startFrom(offset: number): number {
    const index = this.indexFrom(offset);
    return index === -1 ? -1 : this.starts![index];
  }

  /** End of the first match starting at or after `offset`, or -1. */
  endFrom(offset: number): number {
    const index = this.indexFrom(offset);
    return index === -1 ? -1 : this.ends![index];
  }
}

/** The index of the first value at or after `offset` in an ascending list, or -1 (a binary search). */
export function indexAtOrAfter(sorted: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length ? low : -1;
}
