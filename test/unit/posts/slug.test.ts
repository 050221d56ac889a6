import * as assert from 'node:assert/strict';
import { postSlug } from '../../../src/core/posts/slug';
import { slugize } from '../../../src/core/text/slugize';

describe('post slugs (hexo-util slugize, and pinyin)', () => {
  it('keep Chinese and fullwidth punctuation, as hexo new does', () => {
    assert.equal(slugize('你好，世界'), '你好，世界');
    assert.equal(slugize('2026 年了，新项目选 Vue 还是 React？'), '2026-年了，新项目选-Vue-还是-React？');
  });

  it('turn runs of spaces and ASCII punctuation into one dash and trim dashes', () => {
    assert.equal(slugize('  C++ & Rust? (part 2)  '), 'C-Rust-part-2');
    assert.equal(slugize('--a__b..c--'), 'a-b-c');
  });

  it('fold accented Latin letters and fullwidth letters to ASCII', () => {
    assert.equal(slugize('Crème Brûlée à Łódź'), 'Creme-Brulee-a-Lodz');
    assert.equal(slugize('Ｈｅｌｌｏ'), 'Hello');
    assert.equal(slugize('がぎ 한국어'), 'がぎ-한국어', 'kana voicing marks and Hangul survive');
  });

  it('apply filename_case', () => {
    assert.equal(slugize('Hello World', 1), 'hello-world');
    assert.equal(slugize('Hello World', 2), 'HELLO-WORLD');
  });

  it('spell Chinese in toneless pinyin with the pinyin style, leaving other words alone', () => {
    assert.equal(postSlug('搬到杭州的第一个月', 'pinyin'), 'ban-dao-hang-zhou-de-di-yi-ge-yue');
    assert.equal(postSlug('用 Vue 写博客', 'pinyin', 1), 'yong-vue-xie-bo-ke');
    assert.equal(postSlug('Plain English', 'pinyin'), 'Plain-English');
  });
});
