import * as assert from 'node:assert/strict';
import { detached } from '../../../src/core/text/detached';

describe('detached', () => {
  it('gives the same text, short or long, Chinese or not', () => {
    for (const value of ['', 'a', '副业', '读书 hexo 第5篇', 'a title long enough to be a view', '一篇足够长的中文标题，长到会被切片'.repeat(3)]) {
      assert.equal(detached(value), value);
    }
  });
});
