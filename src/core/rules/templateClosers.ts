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
    // brace[s] / percent[s]: the closer found scanning from i + 1 in quote state s (none, ", ').
    const brace = [-1, -1, -1];
    const percent = [-1, -1, -1];
    let k = openers.length - 1;
    for (let i = text.length - 1; i >= from && k >= 0; i--) {
      const c = text.charCodeAt(i);
      const closesTag = c === PERCENT && text.charCodeAt(i + 1) === CLOSE_BRACE;
      const b0 = brace[0]; const b1 = brace[1]; const b2 = brace[2];
      const p0 = percent[0]; const p1 = percent[1]; const p2 = percent[2];
      if (c === DOUBLE || c === SINGLE) {
        const own = c === DOUBLE ? 1 : 2;
        // none -> own quote; own quote -> none; the other quote stays.
        brace[0] = own === 1 ? b1 : b2; percent[0] = own === 1 ? p1 : p2;
        if (own === 1) { brace[1] = b0; percent[1] = p0; } else { brace[2] = b0; percent[2] = p0; }
      } else {
        if (c === CLOSE_BRACE) brace[0] = i;
        if (closesTag) percent[0] = i;
      }
      // Openers whose content starts at i read the state "none" from here.
      while (k >= 0 && this.openers[k] + 2 > i) k--;
      while (k >= 0 && this.openers[k] + 2 === i) {
        this.closers[k] = text.charCodeAt(this.openers[k] + 1) === BRACE ? brace[0] : percent[0];
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
