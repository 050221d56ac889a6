import * as assert from 'node:assert/strict';
import { splitTagArgs } from '../../../src/core/render/tagArgs';
import { scanBody } from '../../../src/core/rules/bodyScan';
import { tagWords } from '../../../src/core/text/tagWords';

describe('tag words', () => {
  it('splits on white space, groups quoted runs and keeps an escaped quote inside them, with offsets', () => {
    const text = `{% post_link "say \\"hi\\" now" 'it s' plain %}`;
    const words = tagWords(text, 3, text.length - 3);
    assert.deepEqual(words.map((word) => word.value), ['post_link', 'say \\"hi\\" now', 'it s', 'plain']);
    assert.deepEqual(words.map((word) => text.slice(word.start, word.end)), ['post_link', '"say \\"hi\\" now"', "'it s'", 'plain']);
  });

  it('is the one splitter: the renderer and the rules read the same arguments from a tag', () => {
    const body = `{% link "a b" https://example.com 'c d' %}\n`;
    const tag = scanBody(body, 0).tags[0];
    assert.deepEqual(tag.args.map((arg) => arg.value), splitTagArgs(`"a b" https://example.com 'c d'`));
    assert.deepEqual(tag.args.map((arg) => body.slice(arg.start, arg.end)), ['"a b"', 'https://example.com', "'c d'"]);
  });
});
