import * as assert from 'node:assert/strict';
import {
  parseFrontMatter, type FrontMatterEntry, type FrontMatterNode, type ParsedFrontMatter, type SequenceNode,
} from '../../../src/core/frontMatter';
import type { SourceRange } from '../../../src/core/text/sourceRange';

const slice = (text: string, range: SourceRange): string => text.slice(range.startOffset, range.endOffset);

function entry(parsed: ParsedFrontMatter, key: string): FrontMatterEntry {
  const found = parsed.entries.find((e) => e.key === key);
  assert.ok(found, `no entry ${key}`);
  return found;
}

function items(node: FrontMatterNode): readonly FrontMatterNode[] {
  assert.equal(node.kind, 'sequence');
  return (node as SequenceNode).items;
}

function itemTexts(text: string, node: FrontMatterNode): string[] {
  return items(node).map((item) => slice(text, item.range));
}

describe('parseFrontMatter', () => {
  it('breaks lines at a lone CR as js-yaml (and Hexo) do, so ranges match the values (found by the fuzzer)', () => {
    const text = '---\ntitle: A\ncategories:\r  - [x, y]\n  - "技术"\n---\n';
    const parsed = parseFrontMatter(text);
    assert.deepEqual(parsed.data.categories, [['x', 'y'], '技术']);
    const categories = entry(parsed, 'categories');
    assert.deepEqual(itemTexts(text, categories.value), ['[x, y]', '"技术"']);
  });

  describe('the example post', () => {
    // The front matter of the team's example post (shared/examples/hexo-post.md).
    const text = [
      '---',
      'title: "如何用AI赚取第一桶金：普通人切实可行的7个路径"',
      'date: 2026-03-02 17:32:00',
      'updated: 2026-03-02 17:32:00',
      'tags: [AI赚钱, 副业, 创业, 技术变现]',
      'categories: [技术思考]',
      'excerpt: "AI赚钱的机会确实存在，但不是你在网上看到的那种\'月入十万\'的神话。这篇文章聊聊普通人真正能做的事。"',
      '---',
      '',
      '# 如何用AI赚取第一桶金：普通人切实可行的7个路径',
      '',
    ].join('\n');
    const parsed = parseFrontMatter(text);

    it('reads Chinese titles, tags and categories as Hexo does', () => {
      assert.equal(parsed.valid, true);
      assert.equal(parsed.data.title, '如何用AI赚取第一桶金：普通人切实可行的7个路径');
      assert.deepEqual(parsed.data.tags, ['AI赚钱', '副业', '创业', '技术变现']);
      assert.deepEqual(parsed.data.categories, ['技术思考']);
    });

    it('reads an unquoted date as that wall clock in the local zone (hexo-front-matter shift)', () => {
      assert.equal((parsed.data.date as Date).getTime(), new Date(2026, 2, 2, 17, 32, 0).getTime());
    });

    it('gives each flow-list item a range that slices to the item', () => {
      assert.deepEqual(itemTexts(text, entry(parsed, 'tags').value), ['AI赚钱', '副业', '创业', '技术变现']);
      assert.equal(slice(text, entry(parsed, 'tags').value.range), '[AI赚钱, 副业, 创业, 技术变现]');
    });

    it('keeps the quotes in a scalar source and its style', () => {
      const title = entry(parsed, 'title').value;
      assert.equal(title.kind === 'scalar' && title.style, 'double');
      assert.equal(title.kind === 'scalar' && title.source, '"如何用AI赚取第一桶金：普通人切实可行的7个路径"');
    });

    it('places the body after the closing separator', () => {
      assert.ok(text.slice(parsed.bodyOffset).startsWith('\n# 如何用AI赚取第一桶金'));
      assert.equal(parsed.block?.closingFence.start.line, 7);
    });
  });

  it('gives ranges to keys, values and whole entries', () => {
    const text = '---\ntitle: Hello # comment\ndate: 2026-03-02 17:32:00\n---\n';
    const parsed = parseFrontMatter(text);
    const title = entry(parsed, 'title');
    assert.equal(slice(text, title.keyRange), 'title');
    assert.equal(slice(text, title.value.range), 'Hello');
    assert.equal(slice(text, title.range), 'title: Hello');
    assert.deepEqual(title.keyRange.start, { line: 1, character: 0 });
    assert.deepEqual(entry(parsed, 'date').value.range.end, { line: 2, character: 25 });
  });

  it('gives ranges to block-list items and quoted items', () => {
    const text = "---\ntags:\n  - plain\n  - 'single'\n  - \"double\"\n---\n";
    const parsed = parseFrontMatter(text);
    const tags = entry(parsed, 'tags');
    assert.deepEqual(itemTexts(text, tags.value), ['plain', "'single'", '"double"']);
    assert.deepEqual(items(tags.value).map((i) => i.kind === 'scalar' && i.style), ['plain', 'single', 'double']);
    assert.deepEqual(parsed.data.tags, ['plain', 'single', 'double']);
    assert.equal(tags.value.kind === 'sequence' && tags.value.style, 'block');
    assert.equal(slice(text, tags.range), "tags:\n  - plain\n  - 'single'\n  - \"double\"");
  });

  it('gives ranges to nested category lists (independent hierarchies)', () => {
    const text = '---\ncategories:\n- [Sports, Baseball]\n- Rivalries\n---\n';
    const parsed = parseFrontMatter(text);
    const categories = entry(parsed, 'categories').value;
    assert.deepEqual(itemTexts(text, categories), ['[Sports, Baseball]', 'Rivalries']);
    assert.deepEqual(itemTexts(text, items(categories)[0]), ['Sports', 'Baseball']);
    assert.deepEqual(parsed.data.categories, [['Sports', 'Baseball'], 'Rivalries']);
  });

  it('gives a key without a value an empty node just after its colon', () => {
    const text = '---\ntitle: a\ntags:\ndate: 2020-01-01\n---\n';
    const parsed = parseFrontMatter(text);
    const tags = entry(parsed, 'tags');
    assert.equal(tags.value.kind, 'empty');
    assert.equal(tags.value.range.startOffset, text.indexOf('tags:') + 5);
    assert.equal(tags.value.range.endOffset, tags.value.range.startOffset);
    assert.equal(parsed.data.tags, null);
  });

  it('tells an explicit null from an empty value', () => {
    const parsed = parseFrontMatter('---\ntags: ~\n---\n');
    assert.equal(entry(parsed, 'tags').value.kind, 'scalar');
  });

  it('reads tab-indented lists like Hexo (tabs become spaces) with ranges in the original text', () => {
    const text = '---\ntitle: a\ntags:\n\t- one\n\t\t- two\n\t- three\n---\n';
    const parsed = parseFrontMatter(text);
    assert.equal(parsed.valid, true);
    assert.deepEqual(parsed.data.tags, ['one - two', 'three']);
    assert.deepEqual(itemTexts(text, entry(parsed, 'tags').value), ['one\n\t\t- two', 'three']);
  });

  it('maps ranges back through CRLF line breaks', () => {
    const text = '---\r\ntitle: a\r\ntags:\r\n  - x\r\n  - y\r\n---\r\nbody';
    const parsed = parseFrontMatter(text);
    assert.deepEqual(itemTexts(text, entry(parsed, 'tags').value), ['x', 'y']);
    assert.equal(slice(text, entry(parsed, 'tags').range), 'tags:\r\n  - x\r\n  - y');
    assert.deepEqual(entry(parsed, 'tags').range.end, { line: 4, character: 5 });
    assert.equal(text.slice(parsed.bodyOffset), 'body');
  });

  it('reads front matter behind a BOM and with four-dash fences', () => {
    const text = '\ufeff----\ntitle: a\n----\nbody';
    const parsed = parseFrontMatter(text);
    assert.deepEqual(parsed.data, { title: 'a' });
    assert.equal(slice(text, parsed.block!.openingFence!), '----');
    assert.equal(slice(text, entry(parsed, 'title').keyRange), 'title');
  });

  it('reads front matter without an opening separator', () => {
    const text = 'title: a\ntags: [x, y]\n---\nbody';
    const parsed = parseFrontMatter(text);
    assert.equal(parsed.format, 'yaml');
    assert.equal(parsed.block?.openingFence, undefined);
    assert.deepEqual(itemTexts(text, entry(parsed, 'tags').value), ['x', 'y']);
  });

  it('treats Markdown above a --- rule as body, as Hexo does when the YAML is no mapping', () => {
    const parsed = parseFrontMatter('Just a paragraph.\n\n---\n\nMore text.\n');
    assert.equal(parsed.format, 'none');
    assert.equal(parsed.bodyOffset, 0);
    assert.deepEqual(parsed.errors, []);
  });

  it('reads ;;; JSON front matter with entry and item ranges', () => {
    const text = ';;;\n"title": "你好",\n"tags": ["a", "b"],\n"n": 1\n;;;\nbody';
    const parsed = parseFrontMatter(text);
    assert.equal(parsed.format, 'json');
    assert.deepEqual(parsed.data, { title: '你好', tags: ['a', 'b'], n: 1 });
    const tags = entry(parsed, 'tags');
    assert.equal(slice(text, tags.keyRange), '"tags"');
    assert.deepEqual(itemTexts(text, tags.value), ['"a"', '"b"']);
    assert.equal(tags.value.kind === 'sequence' && tags.value.style, 'json');
    assert.equal(slice(text, entry(parsed, 'n').range), '"n": 1');
  });

  it('reads nested mappings with ranges', () => {
    const text = '---\nsticky:\n  top: true\n  order: 2\n---\n';
    const sticky = entry(parseFrontMatter(text), 'sticky').value;
    assert.equal(sticky.kind, 'mapping');
    assert.deepEqual(sticky.kind === 'mapping' && sticky.entries.map((e) => [e.key, slice(text, e.value.range), e.value.kind === 'scalar' && e.value.value]),
      [['top', 'true', true], ['order', '2', 2]]);
  });

  it('keeps values as Hexo reads them: numbers, booleans, js-yaml timestamps', () => {
    const parsed = parseFrontMatter('---\ncomments: false\nn: 012\nv: 1.10\nd: 2026-03-02\n---\n');
    assert.equal(parsed.data.comments, false);
    assert.equal(parsed.data.n, 12);
    assert.equal(parsed.data.v, 1.1);
    assert.equal((parsed.data.d as Date).getTime(), new Date(2026, 2, 2).getTime());
    const d = entry(parsed, 'd').value;
    assert.equal(d.kind === 'scalar' && (d.value as Date).getTime(), new Date(2026, 2, 2).getTime());
  });
});
