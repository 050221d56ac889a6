import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { completeFrontMatter, type CompletionOptions } from '../../../src/core/completion';
import type { SiteIndex } from '../../../src/core/index/siteIndex';
import type { SourceRange } from '../../../src/core/text/sourceRange';
import { buildIndex, NOW } from './support';

/** Pieces of front matter, so that random texts reach lists, maps, block scalars and quotes. */
const PIECES = ['---\n', ';;;\n', '---', 'tags: ', 'categories: ', 'tag: ', 'title: ', 'excerpt: ', 'sticky: ', 'layout: ', 'date: ', '"tags": ',
  '[', ']', '{', '}', '- ', '-', '|', '>', '|-', '"', "'", "''", '\\', ',', ', ', ':', ': ', '#', ' # ', '&a', '*a', '!',
  '技术', '前端', '生活', '副业', 'AI赚钱', '读书, 笔记', 'a', '\n', '\r\n', '\n  ', '\n    ', '\n  - ', '\n    - ', '  ', '\t', ' ',
  '\ntags: [', '\ncategories: [[', '\ntags:\n  - ', '\ncategories:\n  -\n    - ', '\ncategories:\n- - ', '\nexcerpt: |\n  ', '\nsticky: {'];

const piece = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });

/**
 * Mostly an opening fence, then pieces, then mostly a closing fence and a body; the cursor at any
 * offset, or (to reach values more often) where a piece ends, as after `[`, `- ` or `, `.
 */
const textAndOffset = fc.tuple(fc.constantFrom('---\n', '---\n', ';;;\n', ''), fc.array(piece, { maxLength: 40 }), fc.constantFrom('\n---\n正文\n', '\n;;;\n', ''))
  .chain(([open, middle, close]) => {
    const text = open + middle.join('') + close;
    const ends = middle.map((_, i) => open.length + middle.slice(0, i + 1).join('').length);
    return fc.tuple(fc.constant(text), fc.oneof(fc.integer({ min: 0, max: text.length }), fc.constantFrom(open.length, ...ends)));
  });

/** The line and column of `offset`, counting `\n` as the line break (as the range maker does). */
function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function assertInside(text: string, range: SourceRange, what: string): void {
  assert.ok(range.startOffset >= 0 && range.startOffset <= range.endOffset && range.endOffset <= text.length, `${what} offsets ${range.startOffset}-${range.endOffset} of ${text.length}`);
  assert.deepEqual(range.start, positionOf(text, range.startOffset), `${what} start`);
  assert.deepEqual(range.end, positionOf(text, range.endOffset), `${what} end`);
}

describe('front-matter completion on arbitrary text (property-based)', () => {
  let index: SiteIndex;
  before(async () => {
    index = await buildIndex();
  });

  it('never throws, and every item\'s ranges lie inside the document', () => {
    const options: CompletionOptions = { now: NOW, path: '/b/source/_posts/new.md', kind: 'post' };
    fc.assert(fc.property(textAndOffset, fc.boolean(), ([text, offset], withIndex) => {
      const result = completeFrontMatter(text, offset, withIndex ? index : undefined, options);
      for (const item of result.items) {
        const what = `${JSON.stringify(text)} at ${offset}, item ${item.label}`;
        assertInside(text, item.range, what);
        for (const edit of item.additionalEdits ?? []) assertInside(text, edit.range, `${what}, additional edit`);
      }
    }), { numRuns: 3000 });
  });
});
