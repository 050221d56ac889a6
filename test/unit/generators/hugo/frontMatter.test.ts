import * as assert from 'node:assert/strict';
import { splitHugoFrontMatter } from '../../../../src/core/generators/hugo/frontMatterSplit';
import { parseHugoFrontMatter, readHugoFrontMatterData } from '../../../../src/core/generators/hugo/frontMatter';
import { rangeText } from '../../../../src/core/text/sourceRange';

describe('Hugo front matter', () => {
  describe('split', () => {
    it('finds YAML, TOML and JSON blocks, after blank lines and a byte-order mark', () => {
      const yaml = splitHugoFrontMatter('---\ntitle: a\n---\nbody');
      assert.equal(yaml.format, 'yaml');
      assert.equal('---\ntitle: a\n---\nbody'.slice(yaml.bodyOffset), 'body');
      const toml = splitHugoFrontMatter('\uFEFF\n\n+++\ntitle = "a"\n+++\r\nbody');
      assert.equal(toml.format, 'toml');
      assert.equal('\uFEFF\n\n+++\ntitle = "a"\n+++\r\nbody'.slice(toml.content!.start, toml.content!.end), 'title = "a"');
      const text = '{\n  "title": "a {b}",\n  "x": "\\""\n}\nbody';
      const json = splitHugoFrontMatter(text);
      assert.equal(json.format, 'json');
      assert.equal(text.slice(json.bodyOffset), 'body');
    });

    it('reads no front matter from a file that starts with text, and an unclosed or half delimiter as a failure', () => {
      assert.equal(splitHugoFrontMatter('# Title\n---\n').format, 'none');
      assert.ok(splitHugoFrontMatter('+++\ntitle = "a"\n').unclosedOpening);
      assert.ok(splitHugoFrontMatter('--\ntitle: a\n--\n').unclosedOpening);
      assert.ok(splitHugoFrontMatter('{ "title": "a"\n').unclosedOpening);
    });

    it('closes at a line that starts with the delimiter; the rest of that line stays in the body (as Hugo 0.111 renders it)', () => {
      const text = '---\ntitle: a\n----\nbody';
      const split = splitHugoFrontMatter(text);
      assert.equal(text.slice(split.bodyOffset), '-\nbody');
      // The block may start on the opening's own line.
      assert.equal(parseHugoFrontMatter('+++ title = "x"\n+++\nb2\n').data.title, 'x');
    });
  });

  describe('parse', () => {
    it('gives TOML entries with ranges, tables included, and keeps local dates as written', () => {
      const text = '+++\ntitle = "Hello"\ndate = 2026-03-02T17:32:00\nupdated = 2026-03-02T17:32:00+08:00\ntags = ["Go", \'AI赚钱\']\n[params]\nauthor = "me"\n+++\nbody';
      const parsed = parseHugoFrontMatter(text);
      assert.equal(parsed.valid, true);
      assert.equal(parsed.format, 'toml');
      assert.deepEqual(parsed.entries.map((entry) => entry.key), ['title', 'date', 'updated', 'tags', 'params']);
      assert.equal(parsed.data.date, '2026-03-02T17:32:00');
      assert.equal((parsed.data.updated as Date).toISOString(), '2026-03-02T09:32:00.000Z');
      assert.deepEqual(parsed.data.params, { author: 'me' });
      const tags = parsed.entries[3].value;
      assert.equal(tags.kind, 'sequence');
      if (tags.kind !== 'sequence') return;
      assert.deepEqual(tags.items.map((item) => rangeText(text, item.range)), ['"Go"', "'AI赚钱'"]);
      assert.deepEqual(tags.items.map((item) => item.kind === 'scalar' && item.style), ['double', 'single']);
      assert.equal(text.slice(parsed.bodyOffset), 'body');
    });

    it('reads YAML as go-yaml v2 does: yes is true, a timestamp stays a string', () => {
      const parsed = parseHugoFrontMatter('---\ndraft: yes\ndate: 2022-02-03\ntags: [a, b]\n---\n');
      assert.equal(parsed.data.draft, true);
      assert.equal(parsed.data.date, '2022-02-03');
      assert.deepEqual(parsed.entries.map((entry) => entry.key), ['draft', 'date', 'tags']);
    });

    it('gives JSON entries with ranges', () => {
      const text = '{\n  "title": "J",\n  "tags": ["x", "y"]\n}\n';
      const parsed = parseHugoFrontMatter(text);
      assert.equal(parsed.valid, true);
      assert.deepEqual(parsed.data, { title: 'J', tags: ['x', 'y'] });
      assert.equal(rangeText(text, parsed.entries[1].keyRange), '"tags"');
    });

    for (const [name, text, line] of [
      ['TOML', '+++\ntitle = "x"\ndate = 2022-01-03 10:00\n+++\n', 2],
      ['YAML', '---\ntitle: [a\nx: 1\n---\n', 2],
      ['JSON', '{\n  "title": "a",\n  "x": 1,\n}\n', 3],
      ['an unclosed block', '+++\ntitle = "x"\n', 0],
      ['a list', '---\n- a\n- b\n---\n', 1],
    ] as const) {
      it(`reports ${name} Hugo cannot read as an error that fails the build, on its line`, () => {
        const parsed = parseHugoFrontMatter(text);
        assert.equal(parsed.valid, false);
        assert.equal(parsed.errors[0].effect, 'fail');
        assert.equal(parsed.errors[0].range.start.line, line);
        assert.match(parsed.errors[0].message, /Hugo/);
        // The index's fast path agrees, and keeps the post out.
        assert.ok(readHugoFrontMatterData(text).error);
      });
    }

    it('agrees with the index\'s fast path on sound front matter', () => {
      for (const text of ['+++\ntitle = "a"\ntags = ["b"]\n+++\n', '---\ntitle: a\n---\n', '{"title": "a"}\n', 'no front matter']) {
        const fast = readHugoFrontMatterData(text);
        const full = parseHugoFrontMatter(text);
        assert.deepEqual(fast.data, full.data, text);
        assert.equal(fast.bodyOffset, full.bodyOffset, text);
        assert.equal(fast.error, undefined);
      }
    });
  });
});
