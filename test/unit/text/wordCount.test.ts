import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { countWords } from '../../../src/core/text/wordCount';

describe('word count', () => {
  it('counts each Chinese character as a word and English words as words', () => {
    const count = countWords('我用 AI 做副业 side project');
    assert.equal(count.cjkCharacters, 5);
    assert.equal(count.words, 3);
    assert.equal(count.total, 8);
  });
  it('leaves code fences, link targets and Hexo tags out', () => {
    const count = countWords('正文\n\n```js\nconst a = 1;\n```\n\n[链接](https://example.com/x) {% asset_img a.png 图 %}');
    assert.equal(count.cjkCharacters, 4);
    assert.equal(count.words, 0);
  });
  it('estimates reading time at 300 CJK characters a minute', () => {
    assert.equal(countWords('字'.repeat(900)).readingMinutes, 3);
    assert.equal(countWords('').readingMinutes, 0);
  });
});

describe('word count against its definition', () => {
  // The definition the counter implements in one pass, written as the regular expressions it replaced.
  const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|[\u{20000}-\u{2fa1f}]/gu;
  const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  const pieces = ['a', 'Z', '9', '½', 'é', 'Ж', "'", '’', ' ', '-', '字', 'か', '한', '𠀀', '𝒜', '\ud800', '\n', '.', '٣'];

  it('counts what the regular expressions count, for any mix of scripts, digits and apostrophes', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const prose = parts.join('');
      const count = countWords(prose);
      assert.equal(count.cjkCharacters, (prose.match(CJK) ?? []).length, JSON.stringify(prose));
      assert.equal(count.words, (prose.replace(CJK, ' ').match(WORD) ?? []).length, JSON.stringify(prose));
    }), { numRuns: 3000 });
  });
});
