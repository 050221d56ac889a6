import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseDocument, isMap } from 'yaml';
import { parseFrontMatter } from '../../../src/core/frontMatter';
import { loadHexoYaml } from '../../../src/core/frontMatter/hexoLoad';
import { parserInput } from '../../../src/core/frontMatter/parserInput';
import { simpleEntries } from '../../../src/core/frontMatter/simpleEntries';
import { splitFrontMatter } from '../../../src/core/frontMatter/split';
import type { FrontMatterEntry } from '../../../src/core/frontMatter/types';
import { mappingEntries } from '../../../src/core/frontMatter/yamlNodes';
import { LineMap } from '../../../src/core/text/lineMap';

/** Both ways of finding the entries of a post's YAML front matter; `simple` is undefined when it declines. */
function bothWays(text: string): { simple: FrontMatterEntry[] | undefined; tree: FrontMatterEntry[] } | undefined {
  const split = splitFrontMatter(text);
  if (split.format !== 'yaml' || !split.content || !split.closingFence) return undefined;
  const input = parserInput(text, split.content.start, split.content.end, true);
  const outcome = loadHexoYaml(input.text, split.openingFence !== undefined);
  if (outcome.kind !== 'data') return undefined;
  const ctx = { parsed: input.text, original: text, toOriginal: input.toOriginal, lineMap: new LineMap(text.slice(0, split.bodyOffset)) };
  const doc = parseDocument(input.text, { uniqueKeys: false, logLevel: 'silent', keepSourceTokens: false, prettyErrors: false });
  const tree = isMap(doc.contents) ? mappingEntries(doc.contents.items, outcome.data, ctx) : [];
  return { simple: simpleEntries(input.text, outcome.data, ctx), tree };
}

// Pieces of front matter: the plain shapes the line scan takes, and near misses it must decline.
const word = fc.constantFrom('副业', 'AI', 'notes', 'C#', 'a b', '3.10', '2026-03-02 17:32:00', '2026-03-02', 'true', 'null', '~', 'x-y', '你好 world', '[译] 标题', 'a:b');
const nearMiss = fc.constantFrom("'quoted'", '"dq"', 'a # comment', 'a: b', 'x ', '', '-5', '*alias', '&anchor a', '!!str 1', '|', '>', '{a: 1}', '[a, [b]]', '[a,, b]', '[a, b,]', 'a\tb', '@x', '`x`', '? x', '%x', 'a:', '[ ]', '[]', '[a ,b ]');
const value = fc.oneof({ weight: 12, arbitrary: word }, { weight: 1, arbitrary: nearMiss });
const key = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('title', 'date', 'updated', 'tags', 'categories', 'tag', 'my_key', 'x-y', 'k1', 'k2') }, { weight: 1, arbitrary: fc.constantFrom('True', 'null', '1a', 'a b', '__proto__') });
const flowList = fc.array(value, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`);
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(key, fc.oneof(value, flowList)).map(([k, v]) => `${k}: ${v}`) },
  {
    weight: 3,
    arbitrary: fc.tuple(key, fc.constantFrom('', '  ', '   '), fc.array(fc.oneof(value, flowList), { maxLength: 3 }))
      .map(([k, indent, items]) => [`${k}:`, ...items.map((item) => `${indent}- ${item}`)].join('\n')),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  continued', 'key:value', 'key:  two spaces', '\ttab: x', '...') },
);
const post = fc.tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean())
  .map(([lines, crlf, opening]) => {
    const text = `${opening ? '---\n' : ''}${lines.join('\n')}\n---\n正文\n`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('front-matter entries without the yaml tree', () => {
  it('equal the tree\'s entries whenever the line scan takes the front matter', () => {
    let taken = 0;
    let declined = 0;
    fc.assert(fc.property(post, (text) => {
      const result = bothWays(text);
      if (!result) return;
      if (result.simple === undefined) {
        declined++;
        return;
      }
      taken++;
      assert.deepEqual(result.simple, result.tree, JSON.stringify(text));
    }), { numRuns: 3000 });
    // Both branches are exercised, or the property proves nothing.
    assert.ok(taken > 200, `line scan took ${taken}`);
    assert.ok(declined > 200, `line scan declined ${declined}`);
  });

  it('takes the shapes real posts use, with ranges in the original text', () => {
    const text = '---\r\ntitle: 一次 PostgreSQL 慢查询排查\r\ndate: 2026-03-01 16:20:00\r\ntags: [PostgreSQL, 数据库]\r\ncategories:\r\n  - [技术, 后端]\r\n  - 随笔\r\nkeywords:\r\n---\r\n正文\r\n';
    const result = bothWays(text)!;
    assert.ok(result.simple, 'taken');
    assert.deepEqual(result.simple, result.tree);
    const parsed = parseFrontMatter(text);
    assert.deepEqual(parsed.entries, result.tree);
    const tags = parsed.entries.find((entry) => entry.key === 'tags')!;
    assert.equal(tags.value.kind === 'sequence' && tags.value.items.map((item) => item.kind === 'scalar' && item.source).join('|'), 'PostgreSQL|数据库');
    assert.deepEqual(parsed.entries.find((entry) => entry.key === 'keywords')?.value.kind, 'empty');
  });

  it('declines comments, quotes, blank lines and multi-line values, leaving them to the tree', () => {
    for (const frontMatter of ['title: a # note', "title: 'x'", 'title: a\n\ndate: 2026-01-01', 'title: a\n  continued', 'tags:\n  - a\n   - b']) {
      const result = bothWays(`---\n${frontMatter}\n---\n`);
      if (result) assert.equal(result.simple, undefined, frontMatter);
    }
  });
});
