import * as assert from 'node:assert/strict';
import { decodeText, useUtf8Decoder } from '../../../src/core/api';
import { icuUtf8Decoder } from '../../../src/cli/utf8';

/** What Node's own decoder (V8's, behind Buffer#toString) gives: the reference. */
const reference = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/** A deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('the CLI\'s UTF-8 decoder (ICU) gives exactly what Node\'s gives', () => {
  it('on text with BOMs, CJK, astral characters, NUL and noncharacters', () => {
    for (const text of ['', 'a', '\uFEFF\uFEFFabc', '\uFEFFx', '副业 notes 第0篇', '😀 𠮷 e\u0301', '\u0000nul', '\uFFFE\uFFFF', 'x'.repeat(70_000) + '中']) {
      // Short texts take the default path, long ones the converter: both, each text.
      for (const filler of ['', '中'.repeat(300)]) {
        const bytes = Buffer.from(text + filler, 'utf8');
        assert.equal(icuUtf8Decoder(bytes), reference(bytes), JSON.stringify(text.slice(0, 20)));
      }
    }
  });

  it('on random valid text, and on a view into a larger buffer', () => {
    const next = random(7);
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let j = Math.floor(next() * 40); j > 0; j--) {
        const r = next();
        const code = r < 0.3 ? Math.floor(next() * 128) : r < 0.6 ? 0x4e00 + Math.floor(next() * 0x5000) : r < 0.8 ? Math.floor(next() * 0xd7ff) : 0x10000 + Math.floor(next() * 0xfffff);
        text += String.fromCodePoint(code);
      }
      // Long enough for the converter (short texts take the default path).
      const bytes = Buffer.from(`--${text}${'中'.repeat(200)}--`, 'utf8');
      const view = bytes.subarray(2, bytes.length - 2);
      assert.equal(icuUtf8Decoder(view), reference(view));
    }
  });

  it('on bytes that are not UTF-8: invalid sequences become U+FFFD as with the default', () => {
    const next = random(11);
    for (let i = 0; i < 5000; i++) {
      const bytes = Uint8Array.from({ length: 512 + Math.floor(next() * 24) }, (_, k) => (k < 500 ? 0x61 : Math.floor(next() * 256)));
      assert.equal(icuUtf8Decoder(bytes), reference(bytes));
    }
    const truncated = Buffer.from(`${'a'.repeat(600)}副业`, 'utf8').subarray(0, 604);
    assert.equal(icuUtf8Decoder(truncated), `${'a'.repeat(600)}副\uFFFD`);
  });

  it('installed for decodeText, which still drops one leading BOM', () => {
    const bytes = Buffer.from(`\uFEFF\uFEFF标题${'。'.repeat(300)}`, 'utf8');
    const before = decodeText(bytes);
    useUtf8Decoder(icuUtf8Decoder);
    try {
      assert.equal(decodeText(bytes), before);
      assert.equal(decodeText(bytes), `\uFEFF标题${'。'.repeat(300)}`);
    } finally {
      useUtf8Decoder(undefined);
    }
  });
});
