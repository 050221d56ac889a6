import * as assert from 'node:assert/strict';
import { loadJekyllYaml, parseJekyllFrontMatter, readJekyllFrontMatterData } from '../../../../src/core/generators/jekyll/frontMatter';
import { splitJekyllFrontMatter } from '../../../../src/core/generators/jekyll/frontMatterSplit';

const dataOf = (yaml: string): Record<string, unknown> => {
  const loaded = loadJekyllYaml(yaml);
  assert.ok('data' in loaded, JSON.stringify(loaded));
  return loaded.data;
};

describe('Jekyll front matter', () => {
  describe('where it is (Document::YAML_FRONT_MATTER_REGEXP)', () => {
    const bodyOf = (text: string) => text.slice(splitJekyllFrontMatter(text).bodyOffset);

    it('closes at a line of --- or ..., with only whitespace after it', () => {
      assert.equal(bodyOf('---\ntitle: A\n---\nBody\n'), 'Body\n');
      assert.equal(bodyOf('---\ntitle: A\n...\nBody\n'), 'Body\n');
      assert.equal(bodyOf('---   \ntitle: A\n---  \t\nBody\n'), 'Body\n');
      assert.equal(bodyOf('---\r\ntitle: A\r\n---\r\nBody\r\n'), 'Body\r\n');
      assert.equal(bodyOf('\ufeff---\ntitle: A\n---\nBody'), 'Body');
    });

    it('does not close at ---- or at --- followed by text, and swallows blank lines after the closing one', () => {
      const split = splitJekyllFrontMatter('---\na: 1\n----\nb: 2\n--- x\n---\n\n\nBody\n');
      assert.equal(split.format, 'yaml');
      assert.deepEqual(split.closingFence, { start: 25, end: 28 });
      assert.equal(bodyOf('---\na: 1\n----\nb: 2\n--- x\n---\n\n\nBody\n'), 'Body\n');
    });

    it('reads an empty block, and no block in a file that does not start with --- and a line break', () => {
      assert.equal(splitJekyllFrontMatter('---\n---\nBody').format, 'yaml');
      assert.equal(splitJekyllFrontMatter('--- title: A\n---\n').format, 'none');
      assert.equal(splitJekyllFrontMatter('\n---\ntitle: A\n---\n').format, 'none');
      assert.equal(splitJekyllFrontMatter('+++\ntitle = "A"\n+++\n').format, 'none');
    });

    it('leaves an unclosed block as body, titled from the file name', () => {
      const parsed = parseJekyllFrontMatter('---\ntitle: A\n\nBody\n');
      assert.equal(parsed.format, 'none');
      assert.equal(parsed.bodyOffset, 0);
      assert.equal(parsed.errors[0].code, 'unclosed');
      assert.equal(parsed.errors[0].effect, 'body-only');
    });
  });

  describe('its YAML, as Psych reads plain scalars', () => {
    it('reads YAML 1.1 booleans in any case, and keeps y and n strings', () => {
      assert.deepEqual(dataOf('a: yes\nb: On\nc: NO\nd: off\ne: y\nf: n\ng: Null\nh: ~'), { a: true, b: true, c: false, d: false, e: 'y', f: 'n', g: null, h: null });
    });

    it('reads Ruby\'s integers and floats, and leaves 1e3 a string', () => {
      assert.deepEqual(dataOf('a: 1_000\nb: 1,000\nc: 0x1f\nd: 017\ne: 0b101\nf: 1:30\nj: 1:30:15\ng: 3.10\nh: 1e3\ni: 08'), { a: 1000, b: 1000, c: 31, d: 15, e: 5, f: 5400, j: 5415, g: 3.1, h: '1e3', i: '08' });
    });

    it('reads a timestamp without an offset as UTC, with one at its offset, and keeps a bare date as Ruby prints it', () => {
      const data = dataOf('a: 2024-03-10 10:00:00\nb: 2024-03-04 01:00:00 +0200\nc: 2024-3-4\nd: 2024-02-30\ne: "2024-03-10 10:00:00"');
      assert.equal((data.a as Date).toISOString(), '2024-03-10T10:00:00.000Z');
      assert.equal((data.b as Date).toISOString(), '2024-03-03T23:00:00.000Z');
      assert.equal(data.c, '2024-03-04');
      assert.equal(data.d, '2024-02-30');
      assert.equal(data.e, '2024-03-10 10:00:00');
    });

    it('keeps the last of two equal keys, and keys in their case', () => {
      assert.deepEqual(dataOf('title: A\ntitle: B\nTitle: C'), { title: 'B', Title: 'C' });
    });
  });

  describe('what Jekyll does with front matter it cannot read', () => {
    it('keeps the post without the data (the site decides whether strict_front_matter fails it)', () => {
      for (const text of ['---\ntitle: [a\n---\nBody\n', '---\n- a\n- b\n---\n']) {
        const parsed = parseJekyllFrontMatter(text);
        assert.equal(parsed.valid, false);
        assert.deepEqual(parsed.data, {});
        assert.equal(parsed.errors[0].effect, 'body-only');
        const read = readJekyllFrontMatterData(text);
        assert.equal(read.error, undefined);
        assert.ok(read.problem === 'yaml-syntax' || read.problem === 'not-a-mapping');
      }
    });

    it('gives the entries their ranges, and agrees with the index\'s fast path', () => {
      const text = '---\ntitle: Hello\ntags: [a, b]\n...\nBody\n';
      const parsed = parseJekyllFrontMatter(text);
      assert.deepEqual(parsed.entries.map((entry) => [entry.key, entry.keyRange.start.line]), [['title', 1], ['tags', 2]]);
      assert.deepEqual(readJekyllFrontMatterData(text).data, parsed.data);
      assert.equal(parsed.block?.closingFence.start.line, 3);
    });
  });
});

describe('Jekyll front matter with YAML aliases', () => {
  it('keeps shared values, and reads a cycle or a bomb as front matter Jekyll cannot use, without expanding it', () => {
    assert.deepEqual(loadJekyllYaml('base: &b [a, b]\ntags: *b'), { data: { base: ['a', 'b'], tags: ['a', 'b'] } });
    const cycle = loadJekyllYaml('tags: &t [a, *t]');
    assert.ok('error' in cycle && cycle.error === 'alias-expansion');
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const parsed = parseJekyllFrontMatter(`---\n${levels.join('\n')}\ntags: *i\n---\n`);
    assert.equal(parsed.errors[0].code, 'alias-expansion');
    assert.equal(parsed.errors[0].effect, 'body-only');
  });
});
