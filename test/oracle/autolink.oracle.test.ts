import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_GENERATOR } from '../../src/core/api';
import { hexoBodySyntax } from '../../src/core/generators/hexo/render/hexoBody';
import { renderPost } from '../../src/core/render';

/**
 * Bare URLs and addresses in a paragraph become the same links as Hexo makes them: its default
 * renderer (hexo-renderer-marked, `autolink: true`) keeps marked's GFM autolinks, so marked itself
 * (the version Hexo installs) is the oracle, on random paragraphs of URL pieces, Chinese text and
 * the punctuation its rules treat specially. Markdown syntax that makes other constructs (emphasis,
 * code, brackets) and character references are left out: there the two differ (see autolink.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { marked } = require('marked') as { marked: { parse(src: string, options: object): string } };

const PIECES = ['https://', 'http://', 'ftp://', 'www.', 'HTTPS://', 'example', '.com', '.org', '/path', '/a-b', '?q=1', '#top', '@', 'user',
  'me.name+tag', '中文', '访问', '。', '，', '、', '（', '）', '(', ')', '.', ',', '!', '?', ':', ';', "'", '"', '&', ';', ' ', ' ', '-', 'a1', 'x', '%E4'];

function anchorTexts(html: string): string[] {
  const decode = (text: string): string => text.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return Array.from(html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/g), (match) => decode(match[1]));
}

describe('autolinks agree with Hexo\'s renderer (marked, GFM)', () => {
  it('links the same text in random paragraphs', () => {
    const context = { documentPath: '/b/source/_posts/p.md', generator: DEFAULT_GENERATOR, syntax: hexoBodySyntax, resourceUrl: (file: string) => file };
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 16 }), (pieces) => {
      const paragraph = `P ${pieces.join('')}`;
      const expected = anchorTexts(marked.parse(paragraph, { gfm: true, breaks: true }));
      const actual = anchorTexts(renderPost(paragraph, context).bodyHtml);
      assert.deepEqual(actual, expected, JSON.stringify(paragraph));
    }), { numRuns: 3000 });
  });

  it('links what the fixed cases expect (and not bare host names)', () => {
    const context = { documentPath: '/b/source/_posts/p.md', generator: DEFAULT_GENERATOR, syntax: hexoBodySyntax, resourceUrl: (file: string) => file };
    const texts = (text: string) => anchorTexts(renderPost(text, context).bodyHtml);
    assert.deepEqual(texts('见 https://example.com/page。还有 和 www.example.com 不链 example.com'), ['https://example.com/page。还有', 'www.example.com']);
    assert.deepEqual(texts('(https://example.com/x) 和 https://example.com/y).'), ['https://example.com/x', 'https://example.com/y']);
    assert.deepEqual(texts('写信 me@example.com。`https://in.code/`'), ['me@example.com']);
  });
});
