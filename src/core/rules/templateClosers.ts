/**
 * Where each `{{ ... }}` and `{% ... %}` of a body closes, the way Hexo's `escapeAllSwigTags` finds it
 * (hexo `lib/hexo/post.ts`): the first `}` (resp. `%}`) outside one level of `"` or `'` quotes, counted
 * from just after the opener. Scanning forward from every opener is quadratic on a post of many
 * unclosed `{{`; the answer from a position depends only on that position and the quote state, so
 * one backward pass with the three states answers every opener in linear time.
 */
export class TemplateClosers {
  private readonly openers: Int32Array;
  /** For opener k: the offset of its closing `}` (variables) or `%` (tags), or -1. */
  private readonly closers: Int32Array;

  constructor(text: string, from: number) {
    const openers: number[] = [];
    for (let i = text.indexOf('{', from); i !== -1 && i + 1 < text.length; i = text.indexOf('{', i + 1)) {
      const next = text.charCodeAt(i + 1);
      if (next === BRACE || next === PERCENT) openers.push(i);
    }
    this.openers = Int32Array.from(openers);
    this.closers = new Int32Array(openers.length).fill(-1);
    // b0/b1/b2 and p0/p1/p2: the `}` (resp. `%}`) found scanning from i + 1 in quote state none, ", '.
    let b0 = -1; let b1 = -1; let b2 = -1;
    let p0 = -1; let p1 = -1; let p2 = -1;
    let k = openers.length - 1;
    for (let i = text.length - 1; i >= from && k >= 0; i--) {
      const c = text.charCodeAt(i);
      if (c === DOUBLE) {
        // none -> " and " -> none; inside ' it stays.
        const b = b0; b0 = b1; b1 = b;
        const p = p0; p0 = p1; p1 = p;
      } else if (c === SINGLE) {
        const b = b0; b0 = b2; b2 = b;
        const p = p0; p0 = p2; p2 = p;
      } else if (c === CLOSE_BRACE) {
        b0 = i;
      } else if (c === PERCENT && text.charCodeAt(i + 1) === CLOSE_BRACE) {
        p0 = i;
      }
      // Openers whose content starts at i read the state "none" from here.
      while (k >= 0 && this.openers[k] + 2 > i) k--;
      while (k >= 0 && this.openers[k] + 2 === i) {
        this.closers[k] = text.charCodeAt(this.openers[k] + 1) === BRACE ? b0 : p0;
        k--;
      }
    }
  }

  /** The closer of the opener at `offset` (`{{` or `{%`), or -1 when it never closes. */
  closerOf(offset: number): number {
    let low = 0;
    let high = this.openers.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.openers[mid] < offset) low = mid + 1;
      else if (this.openers[mid] > offset) high = mid - 1;
      else return this.closers[mid];
    }
    return -1;
  }
}

const BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const PERCENT = 0x25;
const DOUBLE = 0x22;
const SINGLE = 0x27;
