import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  parseFrontMatter, readFrontMatterData, splitFrontMatter, type FrontMatterNode, type ParsedFrontMatter,
} from '../../../src/core/frontMatter';
import { LineMap } from '../../../src/core/text/lineMap';
import type { SourceRange } from '../../../src/core/text/sourceRange';

/** Pieces that make the splitter and both parsers take their unusual paths. */
const fragment = fc.constantFrom(
  '---', '----', ';;;', '\n', '\r\n', '\r', '\t', '  ', '- ', ': ', 'title', 'tags', ':', '[', ']', '{', '}', ',',
  '"', "'", '#', '&a', '*a', '|', '>', '?', '~', '2026-03-02 17:32:00', '+08:00', '"k": 1', 'AI赚钱', '副业',
  '\ufeff', '\u0000', '\\', '<<', '😀', 'null', '-', 'x',
);
const frontMatterLike = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), frontMatterLike);

function allRanges(parsed: ParsedFrontMatter): SourceRange[] {
  const ranges: SourceRange[] = [];
  const visit = (node: FrontMatterNode): void => {
    ranges.push(node.range);
    if (node.kind === 'sequence') node.items.forEach(visit);
    if (node.kind === 'mapping') {
      for (const e of node.entries) {
        ranges.push(e.range, e.keyRange);
        visit(e.value);
      }
    }
  };
  for (const e of parsed.entries) {
    ranges.push(e.range, e.keyRange);
    visit(e.value);
  }
  for (const e of parsed.errors) ranges.push(e.range);
  const block = parsed.block;
  if (block) {
    ranges.push(block.range, block.content, block.closingFence);
    if (block.openingFence) ranges.push(block.openingFence);
  }
  return ranges;
}

function checkRanges(text: string, parsed: ParsedFrontMatter): void {
  const lineMap = new LineMap(text);
  for (const range of allRanges(parsed)) {
    assert.ok(range.startOffset >= 0 && range.startOffset <= range.endOffset && range.endOffset <= text.length,
      `range ${range.startOffset}..${range.endOffset} outside 0..${text.length}`);
    assert.deepEqual(range.start, lineMap.positionAt(range.startOffset));
    assert.deepEqual(range.end, lineMap.positionAt(range.endOffset));
  }
  assert.ok(parsed.bodyOffset >= 0 && parsed.bodyOffset <= text.length);
}

describe('front-matter parsing on arbitrary input (property-based)', () => {
  it('never throws, and every range lies inside the text with consistent positions', () => {
    fc.assert(fc.property(anyText, (text) => {
      const parsed = parseFrontMatter(text);
      checkRanges(text, parsed);
      assert.equal(parsed.valid, parsed.errors.length === 0);
    }), { numRuns: 1500 });
  });

  it('never throws on front matter built from fragments between separators', () => {
    const post = fc.tuple(fc.constantFrom('---\n', '---\r\n', ';;;\n', '----\n', ''), frontMatterLike, fc.constantFrom('\n---\n', '\r\n---\r\n', '\n;;;\n', '\n----\n'), fc.string())
      .map(([open, body, close, rest]) => open + body + close + rest);
    fc.assert(fc.property(post, (text) => {
      checkRanges(text, parseFrontMatter(text));
    }), { numRuns: 1500 });
  });

  it('slices every scalar to its source', () => {
    const post = fc.array(fc.tuple(fc.constantFrom('title', 'tags', '标题'), fc.constantFrom('a', '"b c"', "'d'", '[x, "y", 副业]', '\n  - e\n  - [f, g]', '\n\t- h', '')), { minLength: 1, maxLength: 6 })
      .map((pairs) => '---\n' + pairs.map(([k, v], i) => `${k}${i}: ${v}`).join('\n') + '\n---\n');
    fc.assert(fc.property(post, (text) => {
      const parsed = parseFrontMatter(text);
      const visit = (node: FrontMatterNode): void => {
        if (node.kind === 'scalar') assert.equal(text.slice(node.range.startOffset, node.range.endOffset), node.source);
        if (node.kind === 'sequence') node.items.forEach(visit);
      };
      parsed.entries.forEach((e) => visit(e.value));
      assert.equal(parsed.valid, true, text);
      assert.deepEqual(parsed.entries.map((e) => e.key), Object.keys(parsed.data));
    }), { numRuns: 500 });
  });

  it('agrees between the fast path and the full parser', () => {
    fc.assert(fc.property(anyText, (text) => {
      const fast = readFrontMatterData(text);
      const full = parseFrontMatter(text);
      assert.deepEqual(fast.data, full.data);
      assert.equal(fast.bodyOffset, full.bodyOffset);
      assert.equal(fast.format, full.format);
    }), { numRuns: 1000 });
  });

  it('finishes quickly on large adversarial inputs', () => {
    const inputs = [
      '---\n' + 'a: [' .repeat(20_000) + '\n---\n',
      '---\n' + '- '.repeat(100_000) + '\n---\n',
      '---\n' + '"'.repeat(200_000) + '\n---\n',
      '---\n' + 'k: &a [*a, *a]\n'.repeat(10_000) + '---\n',
      '---\n' + ('x'.repeat(1000) + ':\n').repeat(500) + '---\n',
      'a\n'.repeat(2_000_000) + '---',
    ];
    for (const text of inputs) {
      const started = Date.now();
      const parsed = parseFrontMatter(text);
      readFrontMatterData(text);
      splitFrontMatter(text);
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 5000, `took ${elapsed} ms on ${JSON.stringify(text.slice(0, 20))}`);
      assert.ok(parsed.bodyOffset <= text.length);
    }
  });
});
