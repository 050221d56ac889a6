import * as assert from 'node:assert/strict';
// hexo-front-matter is Hexo's own parser: a test oracle here, never a runtime dependency.
import { parse as hexoParse } from 'hexo-front-matter';
import { parseFrontMatter, readFrontMatterData } from '../../../src/core/frontMatter';

/** What hexo-fs hands to hexo-front-matter: CRLF turned into LF, BOM removed. */
function asHexoReadsIt(text: string): string {
  const lf = text.replace(/\r\n/g, '\n');
  return lf.charCodeAt(0) === 0xfeff ? lf.slice(1) : lf;
}

const inputs = [
  '---\ntitle: "如何用AI赚取第一桶金"\ndate: 2026-03-02 17:32:00\nupdated: 2026-03-02 17:32:00\ntags: [AI赚钱, 副业, 创业, 技术变现]\ncategories: [技术思考]\n---\n# 正文\n',
  '---\ntitle: a\ntags:\n\t- x\n\t- y\n---\nbody',
  '---\ntitle: a\ntags:\n\t- x\n\t\t- y\n---\nbody',
  '\ttitle: a\n\ttags: x\n---\nbody',
  '---\r\ntitle: a\r\ncategories:\r\n- [A, B]\r\n- C\r\n---\r\nbody\r\n',
  '\ufeff---\ntitle: bom\n---\n',
  '----\ntitle: a\n---\nb: 1\n----\nbody',
  '---\ntitle: a\n-----\nbody',
  'title: no opening\ndate: 2020-01-01\n---\nbody',
  'title: a\n;;;\nbody',
  ';;;\n"title": "json",\n"tags": ["a", "b"]\n;;;\nbody',
  '"title": "json without opening"\n;;;\nbody',
  ';;;\n"title": "broken",\n;;;\nbody',
  '---\ntitle: a\nempty:\nnull: ~\n---\n',
  '---\n---\ntitle: a\n---\nbody',
  '---\n---\nbody',
  '---\n\n---\nbody',
  '---\nunclosed: true\n',
  '--- x\ntitle: a\n---\n',
  '# Heading\n\nText\n\n---\n\nMore',
  'Heading\n=======\n\nText\n---\n',
  '---\n# only a comment\n---\nbody',
  '---\njust a string\n---\nbody',
  '---\nn: 012\nf: 1.5e3\nb: yes\nt: true\nnested:\n  d: 2020-01-01\n---\n',
  '---\ndate: 2026-03-02T17:32:00+08:00\nupdated: 2026-03-02\n---\n',
  '---\nlist:\n- &a x\n- *a\nbase: &b {k: 1}\nmerged:\n  <<: *b\n  j: 2\n---\n',
  '---\nexcerpt: |\n  line one\n  line two\ntitle: >-\n  folded\n  text\n---\n',
  '---\ntitle: a\r\r\n---\n',
  '',
  'plain body only',
];

describe('agreement with hexo-front-matter (Hexo 8.1 parser) as an oracle', () => {
  for (const input of inputs) {
    it(`reads ${JSON.stringify(input).slice(0, 60)} as Hexo does`, () => {
      const hexoText = asHexoReadsIt(input);
      let expected: Record<string, unknown> | undefined;
      try {
        expected = { ...hexoParse(hexoText) } as Record<string, unknown>;
      } catch {
        expected = undefined; // Hexo logs "Process failed" and drops the post
      }
      const parsed = parseFrontMatter(input);
      const fast = readFrontMatterData(input);
      if (!expected) {
        assert.equal(parsed.errors[0]?.code, 'yaml-syntax');
        assert.equal(parsed.errors[0]?.effect, 'drop');
        assert.ok(fast.error);
        return;
      }
      const content = expected._content;
      delete expected._content;
      if (content === hexoText && parsed.errors.length === 0) {
        // Hexo found no front matter; neither do we.
        assert.equal(parsed.format, 'none');
      }
      if (parsed.errors.length === 0) {
        assert.deepEqual(parsed.data, expected);
        assert.equal(asHexoReadsIt(input.slice(parsed.bodyOffset)), content);
      } else {
        // Hexo keeps the post without front matter (the whole file as body) and reads no data.
        assert.equal(parsed.errors[0].effect, 'body-only');
        assert.equal(content, hexoText);
        assert.deepEqual(expected, {});
      }
      assert.deepEqual(fast.data, parsed.data);
    });
  }
});
