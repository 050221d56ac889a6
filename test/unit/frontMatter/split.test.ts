import * as assert from 'node:assert/strict';
import { splitFrontMatter, type FrontMatterSplit, type OffsetSpan } from '../../../src/core/frontMatter';

function at(text: string, span: OffsetSpan | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}

function parts(text: string): { format: string; content?: string; opening?: string; closing?: string; body: string } {
  const split: FrontMatterSplit = splitFrontMatter(text);
  return {
    format: split.format,
    content: at(text, split.content),
    opening: at(text, split.openingFence),
    closing: at(text, split.closingFence),
    body: text.slice(split.bodyOffset),
  };
}

describe('splitFrontMatter', () => {
  it('splits YAML between --- lines', () => {
    assert.deepEqual(parts('---\ntitle: a\n---\nbody\n'),
      { format: 'yaml', content: 'title: a', opening: '---', closing: '---', body: 'body\n' });
  });

  it('splits brace-less JSON between ;;; lines', () => {
    assert.deepEqual(parts(';;;\n"title": "a"\n;;;\nbody'),
      { format: 'json', content: '"title": "a"', opening: ';;;', closing: ';;;', body: 'body' });
  });

  it('accepts front matter without the opening separator', () => {
    assert.deepEqual(parts('title: a\ntags: [x]\n---\nbody'),
      { format: 'yaml', content: 'title: a\ntags: [x]', opening: undefined, closing: '---', body: 'body' });
  });

  it('accepts longer separators, and the closing one must repeat the opening one', () => {
    assert.deepEqual(parts('-----\ntitle: a\n---\nx: 1\n-----\nbody'),
      { format: 'yaml', content: 'title: a\n---\nx: 1', opening: '-----', closing: '-----', body: 'body' });
  });

  it('closes on a longer run the way Hexo does, leaving the extra dashes in the body', () => {
    const result = parts('---\ntitle: a\n-----\nbody');
    assert.equal(result.closing, '---');
    assert.equal(result.body, '--\nbody');
  });

  it('takes the longest run as the separator when the opening is omitted', () => {
    assert.deepEqual(parts('title: a\n------\nbody'),
      { format: 'yaml', content: 'title: a', opening: undefined, closing: '------', body: 'body' });
  });

  it('skips a BOM before the opening separator', () => {
    const split = splitFrontMatter('\ufeff---\ntitle: a\n---\nbody');
    assert.deepEqual(split.openingFence, { start: 1, end: 4 });
    assert.equal(split.format, 'yaml');
  });

  it('treats CRLF as a line break and keeps the \\r out of the content and the body', () => {
    assert.deepEqual(parts('---\r\ntitle: a\r\ntags: x\r\n---\r\nbody\r\n'),
      { format: 'yaml', content: 'title: a\r\ntags: x', opening: '---', closing: '---', body: 'body\r\n' });
  });

  it('reports an opening separator without a closing one as unclosed, the whole file being the body', () => {
    const split = splitFrontMatter('---\ntitle: a\n\nbody\n');
    assert.equal(split.format, 'none');
    assert.deepEqual(split.unclosedOpening, { start: 0, end: 3 });
    assert.equal(split.bodyOffset, 0);
  });

  it('treats an empty block as no front matter, as Hexo needs at least one character inside', () => {
    assert.ok(splitFrontMatter('---\n---\nbody').unclosedOpening);
    assert.ok(splitFrontMatter('---\r\n\r\n---\r\nbody').unclosedOpening);
  });

  it('finds no front matter in a file that opens with a separator followed by text on the same line', () => {
    assert.ok(splitFrontMatter('--- not a fence\ntitle: a\n---\n').unclosedOpening);
  });

  it('finds no front matter in plain Markdown', () => {
    assert.deepEqual(splitFrontMatter('# Title\n\nText - more -- text\n'), { format: 'none', bodyOffset: 0 });
  });

  it('needs three separator characters', () => {
    assert.equal(splitFrontMatter('title: a\n--\nbody').format, 'none');
  });

  it('stays linear on a 10 MB text full of line breaks and dashes', () => {
    // Timed against a tenth of the same text in the same run, so a busy machine slows both sides:
    // a quadratic split would take about 100 times as long, a linear one about 10.
    const time = (scale: number): number => {
      const text = '--\n'.repeat(350_000 * scale);
      const started = performance.now();
      splitFrontMatter(text);
      splitFrontMatter('---\n' + text);
      splitFrontMatter('a' + '\n-'.repeat(500_000 * scale));
      return performance.now() - started;
    };
    time(1); // warm-up
    const small = time(1);
    const large = time(10);
    assert.ok(large < 25 * small + 200, `10 MB took ${large.toFixed(0)} ms, a tenth of it ${small.toFixed(0)} ms`);
  });

  it('copes with binary data', () => {
    let binary = '';
    for (let i = 0; i < 1 << 16; i++) binary += String.fromCharCode((i * 7919) % 256);
    const split = splitFrontMatter(binary.repeat(16));
    assert.ok(split.bodyOffset >= 0 && split.bodyOffset <= binary.length * 16);
  });
});
