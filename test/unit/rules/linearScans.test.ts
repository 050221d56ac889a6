import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { InlineCode } from '../../../src/core/rules/inlineCode';
import { findInlineLinks } from '../../../src/core/rules/markdownLinks';
import { TemplateClosers } from '../../../src/core/rules/templateClosers';
import { Positions } from '../../../src/core/text/positions';

/**
 * The linear scans answer exactly what the straightforward ones did, which were quadratic on hostile
 * posts but are the definition: checked on short random texts made of the pieces that matter.
 */
const text = (pieces: readonly string[]): fc.Arbitrary<string> => fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));

/** Hexo's quote-aware scan for the end of `{{ ... }}` or `{% ... %}` (hexo `lib/hexo/post.ts`), from each opener. */
function closerByScanning(s: string, opener: number): number {
  const variable = s[opener + 1] === '{';
  let quote = '';
  for (let j = opener + 2; j < s.length; j++) {
    const c = s[j];
    if (c === '"' || c === "'") {
      if (quote === '') quote = c;
      else if (quote === c) quote = '';
    }
    if (quote !== '') continue;
    if (variable && c === '}') return j;
    if (!variable && c === '%' && s[j + 1] === '}') return j;
  }
  return -1;
}

/** Hexo's STATE_INLINE_CODE, character by character: the end of the code opened at `at`, or 0. */
function inlineEndByScanning(s: string, at: number): number {
  let k = 0;
  while (s[at + k] === '`') k++;
  for (let j = at + k; j < s.length; j++) {
    if (s[j] === '\n' && /^\r?\n/.test(s.slice(j + 1, j + 3))) return 0;
    if (s[j] === '{' && /^\{%-?\s*raw\s*-?%\}/.test(s.slice(j))) {
      const close = /\{%-?\s*endraw\s*-?%\}/g;
      close.lastIndex = j;
      const found = close.exec(s);
      if (found) {
        j = found.index + found[0].length - 1;
        continue;
      }
    }
    if (s[j] === '`') {
      let run = 0;
      while (s[j + run] === '`') run++;
      if (run === k) return j + k;
    }
  }
  return 0;
}

const INLINE_LINK = /(!?)\[(?:[^[\]\\\n]|\\.|\[[^\]\n]*\])*\]\([ \t]*(<[^>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)/dg;

describe('linear body scans agree with the straightforward ones', () => {
  it('finds where each {{ and {% closes, quotes considered, as Hexo scans', () => {
    fc.assert(fc.property(text(['{{', '{%', '}', '%}', '%', '"', "'", 'a', ' ', '{']), (s) => {
      const closers = new TemplateClosers(s, 0);
      for (let i = 0; i + 1 < s.length; i++) {
        if (s[i] === '{' && (s[i + 1] === '{' || s[i + 1] === '%')) assert.equal(closers.closerOf(i), closerByScanning(s, i), `${JSON.stringify(s)} at ${i}`);
      }
    }), { numRuns: 3000 });
  });

  it('ends inline code where Hexo ends it: runs, blank lines, raw blocks', () => {
    fc.assert(fc.property(text(['`', '``', '```', 'a', '\n', '\n\n', '{% raw %}', '{% endraw %}', ' ']), (s) => {
      const code = new InlineCode(s, 0, Positions.of(s, /\{%-?\s*raw\s*-?%\}/g), Positions.of(s, /\{%-?\s*endraw\s*-?%\}/g));
      for (let i = 0; i < s.length; i++) {
        if (s[i] === '`') assert.equal(code.endOf(i), inlineEndByScanning(s, i), `${JSON.stringify(s)} at ${i}`);
      }
    }), { numRuns: 3000 });
  });

  it('finds the inline links and images the regular expression found', () => {
    const pieces = ['[a]', '](', '(', ')', 'a', ' ', '"t"', '"', '\\', '!', '[', ']', '<u>', '\n', '[x](y)', ' "a b"', "'", '(b)'];
    fc.assert(fc.property(text(pieces), (s) => {
      // The target's own offset (the regex's indices): the old code searched from the first `](`,
      // inside a nested `[x](y)` of the link text.
      const expected = Array.from(s.matchAll(INLINE_LINK), (m) => [m.indices![2][0], m[2], m[1] === '!']);
      assert.deepEqual(findInlineLinks(s, 0).map((link) => [link.start, link.target, link.image]), expected, JSON.stringify(s));
    }), { numRuns: 5000 });
  });
});
