import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeImage, imageInfo } from '../../../src/core/media/imageInfo';

describe('image info for hovers', () => {
  it('reads a PNG\'s pixel size and describes it with its weight; bytes that are no image give nothing', () => {
    const png = readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'examples', 'hexo-blog', 'source', '_posts', 'weekend-at-xiangshan', 'summit.png'));
    const info = imageInfo(png);
    assert.deepEqual(info, { width: 96, height: 60, bytes: png.length });
    assert.match(describeImage(info!), /^96 × 60 px · \d+ (B|KB)$/);
    assert.equal(describeImage({ width: 1, height: 2, bytes: 3 * 1024 * 1024 }), '1 × 2 px · 3.0 MB');
    assert.equal(imageInfo(new TextEncoder().encode('not an image')), undefined);
    assert.equal(imageInfo(new Uint8Array()), undefined);
  });
});
