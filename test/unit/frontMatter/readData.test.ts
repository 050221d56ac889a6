import * as assert from 'node:assert/strict';
import { keepYamlForRereading, parseFrontMatter, readFrontMatterData } from '../../../src/core/frontMatter';

const samples = [
  '---\ntitle: a\ntags: [x, y]\ndate: 2026-03-02 17:32:00\n---\nbody',
  '\ufeff---\r\ntitle: a\r\n---\r\nbody',
  'title: a\n---\nbody',
  ';;;\n"title": "a"\n;;;\n',
  '# Markdown\n\n---\n\ntext',
  '---\ntitle: a\ntags: [x\n---\n',
  '---\nno end',
  '---\n- a\n---\n',
  ';;;\n"a": 1,\n;;;\n',
  'plain',
  '',
];

describe('readFrontMatterData', () => {
  it('agrees with parseFrontMatter on data, format and body offset', () => {
    for (const text of samples) {
      const fast = readFrontMatterData(text);
      const full = parseFrontMatter(text);
      assert.deepEqual(fast.data, full.data, JSON.stringify(text));
      assert.equal(fast.format, full.format, JSON.stringify(text));
      assert.equal(fast.bodyOffset, full.bodyOffset, JSON.stringify(text));
      assert.equal(fast.problem, full.errors[0]?.code, JSON.stringify(text));
    }
  });

  it('gives the lines of the opening and closing separators', () => {
    assert.deepEqual(readFrontMatterData('---\na: 1\nb: 2\n---\nbody').frontMatterLines, { start: 0, end: 3 });
    assert.deepEqual(readFrontMatterData('a: 1\n---\nbody').frontMatterLines, { start: 0, end: 1 });
    assert.equal(readFrontMatterData('body').frontMatterLines, undefined);
  });

  it('sets error only when Hexo would drop the post', () => {
    assert.match(readFrontMatterData('---\na: b: c\n---\n').error ?? '', /bad indentation/);
    assert.equal(readFrontMatterData('---\nno end').error, undefined);
    assert.equal(readFrontMatterData('---\nno end').problem, 'unclosed');
    assert.equal(readFrontMatterData(';;;\n"a": 1,\n;;;\n').error, undefined);
  });

  it('reads 10,000 typical posts quickly', () => {
    const post = '---\ntitle: "如何用AI赚取第一桶金"\ndate: 2026-03-02 17:32:00\ntags: [AI赚钱, 副业, 创业]\ncategories: [技术思考]\n---\n' + '正文内容。'.repeat(2000);
    const started = Date.now();
    for (let i = 0; i < 10_000; i++) readFrontMatterData(post.replace('AI', `AI${i}`));
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 3000, `took ${elapsed} ms`);
  });
});

describe('front matter read twice in a CLI check (keepYamlForRereading)', () => {
  const text = '---\ntitle: Twice\ntags: [a, b]\ndate: 2026-03-02 17:32:00\n---\nbody';

  it('hands the index\'s js-yaml result to the rules\' parse of the same text, once, and changes nothing read', () => {
    const uncached = parseFrontMatter(text);
    keepYamlForRereading(true);
    try {
      const indexed = readFrontMatterData(text);
      const parsed = parseFrontMatter(text);
      assert.equal(parsed.data, indexed.data, 'the same js-yaml result, not a second load');
      assert.deepEqual(parsed, uncached);
      assert.notEqual(parseFrontMatter(text).data, indexed.data, 'taken once: a third reading loads again');
      const edited = parseFrontMatter(text.replace('Twice', 'Edited'));
      assert.equal(edited.data.title, 'Edited', 'a changed text is parsed anew');
    } finally {
      keepYamlForRereading(false);
    }
    assert.notEqual(parseFrontMatter(text).data, parseFrontMatter(text).data, 'off: every reading loads');
  });
});
