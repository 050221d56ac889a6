import * as assert from 'node:assert/strict';
import { decodeText, looksBinary } from '../../../src/core/text/decode';
import { normalizePath, relativeInside, joinPath } from '../../../src/core/path';

describe('decoding files', () => {
  it('drops a UTF-8 BOM, as Hexo and VS Code do, and keeps CJK text', () => {
    assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('标题')])), '标题');
  });
  it('decodes a slice of a larger buffer', () => {
    const bytes = new TextEncoder().encode('xx副业yy');
    assert.equal(decodeText(bytes.subarray(2, 8)), '副业');
  });
  it('spots binary files by a NUL byte', () => {
    assert.equal(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00])), true);
    assert.equal(looksBinary(new TextEncoder().encode('---\ntitle: x\n---\n')), false);
  });
});

describe('core paths', () => {
  it('normalizes dots, doubled and trailing slashes', () => {
    assert.equal(normalizePath('/a//b/./c/../d/'), '/a/b/d');
    assert.equal(normalizePath('/a/b'), '/a/b');
    assert.equal(joinPath('/site', 'source', '_posts'), '/site/source/_posts');
  });
  it('tells whether a path lies inside a folder', () => {
    assert.equal(relativeInside('/site/source', '/site/source/_posts/a.md'), '_posts/a.md');
    assert.equal(relativeInside('/site/source', '/site/sourcery/a.md'), undefined);
  });
});
