import * as assert from 'node:assert/strict';
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
