import { indexAtOrAfter, Positions } from '../text/positions';

/**
 * Where inline code opened by a run of backticks closes, as Hexo's `escapeAllSwigTags` decides
 * (hexo `lib/hexo/post.ts`, STATE_INLINE_CODE): at the first later run of at least as many backticks
 * (Hexo counts the run from each backtick, so a longer run closes with its last ones), unless a blank
 * line comes first; a `{% raw %}...{% endraw %}` inside is skipped whole. Each question is answered
 * with binary searches (a max-tree over the runs' lengths), so a paragraph of thousands of unmatched
 * backticks stays linear.
 */
export class InlineCode {
  private readonly runStarts: Int32Array;
  private readonly tree: Int32Array;
  private readonly size: number;
  private readonly blankLines: Positions;

  constructor(private readonly text: string, from: number, private readonly rawOpen: Positions, private readonly rawClose: Positions) {
    // Two passes, counting then filling typed arrays: a post of millions of backticks stays compact.
    let count = 0;
    for (let i = text.indexOf('`', from); i !== -1; count++) i = text.indexOf('`', i + this.runLengthIn(text, i));
    this.runStarts = new Int32Array(count);
    let size = 1;
    while (size < count) size <<= 1;
    this.size = size;
    this.tree = new Int32Array(2 * size);
    let index = 0;
    for (let i = text.indexOf('`', from); i !== -1; index++) {
      const k = this.runLengthIn(text, i);
      this.runStarts[index] = i;
      this.tree[size + index] = k;
      i = text.indexOf('`', i + k);
    }
    for (let node = size - 1; node >= 1; node--) this.tree[node] = Math.max(this.tree[2 * node], this.tree[2 * node + 1]);
    this.blankLines = Positions.of(text, /\n(?=\r?\n)/g, from);
  }

  /** The length of the backtick run starting at `at` (counted forward, as Hexo does). */
  runLength(at: number): number {
    return this.runLengthIn(this.text, at);
  }

  private runLengthIn(text: string, at: number): number {
    let k = 0;
    while (text.charCodeAt(at + k) === BACKTICK) k++;
    return k;
  }

  /** End of the inline code opened at `at`, or 0 when Hexo reads the backticks as text. */
  endOf(at: number): number {
    const k = this.runLength(at);
    let from = at + k;
    for (;;) {
      // A blank line inside a skipped raw block does not end the code, so the limit moves with `from`.
      const blank = this.blankLines.startFrom(from);
      const limit = blank === -1 ? this.text.length : blank;
      const run = this.firstRunAtLeast(from, k);
      const runEnd = run === -1 ? -1 : this.runStarts[run] + this.runLength(this.runStarts[run]);
      const closeAt = runEnd === -1 ? -1 : runEnd - k;
      const raw = this.rawOpen.startFrom(from);
      if (raw !== -1 && raw < limit && (closeAt === -1 || raw < closeAt)) {
        const rawEnd = this.rawClose.endFrom(raw);
        if (rawEnd !== -1) {
          from = rawEnd;
          continue;
        }
      }
      return closeAt !== -1 && closeAt < limit ? runEnd : 0;
    }
  }

  /** The first run starting at or after `offset` whose length is at least `k`, or -1. */
  private firstRunAtLeast(offset: number, k: number): number {
    const first = indexAtOrAfter(this.runStarts, offset);
    return first === -1 ? -1 : this.descend(1, 0, this.size, first, k);
  }

  /** Leftmost leaf index >= `from` with value >= k under `node` covering [left, right). */
  private descend(node: number, left: number, right: number, from: number, k: number): number {
    if (right <= from || this.tree[node] < k) return -1;
    if (right - left === 1) return left < this.runStarts.length ? left : -1;
    const middle = (left + right) >> 1;
    const found = this.descend(2 * node, left, middle, from, k);
    return found !== -1 ? found : this.descend(2 * node + 1, middle, right, from, k);
  }
}

const BACKTICK = 0x60;
