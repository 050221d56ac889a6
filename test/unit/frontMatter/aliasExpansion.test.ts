import * as assert from 'node:assert/strict';
import { load } from 'js-yaml';
import { ALIAS_EXPANSION_LIMIT, ALIAS_NESTING_LIMIT, limitAliasExpansion } from '../../../src/core/frontMatter/aliasExpansion';
import { parseFrontMatter, readFrontMatterData } from '../../../src/core/frontMatter';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { formatRuleMessage } from '../../../src/core/rules';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { renderAs } from '../render/sampleSite';
import { check } from '../rules/support';
import { aliasBomb } from '../support/hostilePosts';

/** A chain of `depth` aliases, each a one-item list holding the previous one. */
function aliasChain(depth: number): string {
  const lines = ['---', 'title: chain', 'c0: &c0 [x]'];
  for (let level = 1; level <= depth; level++) lines.push(`c${level}: &c${level} [*c${level - 1}]`);
  lines.push(`tags: *c${depth}`, '---', '');
  return lines.join('\n');
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('YAML aliases that expand without bound', () => {
  const bomb = aliasBomb(9, 9);

  it('leaves out the entries of the issue\'s 9×9 alias bomb at once, keeping the rest of the post', () => {
    const { value: parsed, ms } = timed(() => parseFrontMatter(bomb));
    assert.ok(ms < 500, `${ms} ms`);
    assert.equal(parsed.valid, false);
    assert.deepEqual(parsed.errors.map((error) => [error.code, error.expanded?.key, error.effect]), [
      ['alias-expansion', 'a7', 'drop'], ['alias-expansion', 'a8', 'drop'], ['alias-expansion', 'a9', 'drop'], ['alias-expansion', 'tags', 'drop'],
    ]);
    assert.equal(parsed.data.title, '炸弹');
    assert.deepEqual(Object.keys(parsed.data), ['title', 'date', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    // The entries keep their ranges; a left-out entry has no value to expand.
    const tags = parsed.entries.find((entry) => entry.key === 'tags');
    assert.ok(tags && tags.value.kind === 'scalar' && tags.value.value === undefined);
    const tagsError = parsed.errors[3];
    assert.equal(bomb.slice(tagsError.range.startOffset, tagsError.range.endOffset), 'tags');
    assert.match(tagsError.message, /"tags" expands through YAML aliases to 435848050 values and characters/);
  });

  it('gives the index the same answer through its fast path: an error, so the post is not counted', () => {
    const { value: read, ms } = timed(() => readFrontMatterData(bomb));
    assert.ok(ms < 500, `${ms} ms`);
    assert.equal(read.problem, 'alias-expansion');
    assert.match(read.error ?? '', /"a7" expands through YAML aliases/);
    assert.equal(read.data.tags, undefined);
  });

  it('counts every use of a shared value without expanding it, and leaves the largest entries out first', () => {
    const data = load('a: &a [x, y]\nb: [*a, *a, *a]\n') as Record<string, unknown>;
    assert.deepEqual(limitAliasExpansion(data, 40), { data, dropped: [] });
    const wide = load(`big: &big ${JSON.stringify('z'.repeat(1000))}\nmany: [${Array.from({ length: 2000 }, () => '*big').join(', ')}]\nsmall: [*big]\n`) as Record<string, unknown>;
    const limited = limitAliasExpansion(wide, 12_000);
    assert.deepEqual(limited.dropped, [{ key: 'many', problem: { kind: 'size', size: 1 + 2000 * 1000 } }]);
    assert.deepEqual(Object.keys(limited.data), ['big', 'small']);
  });

  it('never reports front matter without aliases, however large', () => {
    // Just under the size limit, with a `*` in a string so that the expansion is measured.
    const entries = ["note: 'a * b'"];
    for (let i = 0, length = 0; length < ALIAS_EXPANSION_LIMIT + 10_000; i++) length += entries[entries.push(`k${i}: [v, {w: x}, 1, '']`) - 1].length + 1;
    const text = `---\n${entries.join('\n')}\n---\n`;
    const parsed = parseFrontMatter(text);
    assert.deepEqual(parsed.errors, []);
    assert.equal(Object.keys(parsed.data).length, entries.length);
    const data = load(text.slice(4, -5)) as Record<string, unknown>;
    assert.deepEqual(limitAliasExpansion(data, text.length - 9).dropped, []);
  });

  it('keeps ordinary aliases: a shared list of tags, a merge key', () => {
    const text = '---\ncommon: &common [Go, 后端]\ntags: *common\nbase: &base {layout: post}\nmeta:\n  <<: *base\n  title: x\n---\n';
    const parsed = parseFrontMatter(text);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.data.tags, ['Go', '后端']);
    assert.deepEqual(readFrontMatterData(text).data.meta, { layout: 'post', title: 'x' });
  });

  it('leaves out a value that contains itself (Hexo overflows its stack on it)', () => {
    for (const [text, key] of [['---\ntitle: t\ntags: &t [a, *t]\n---\n', 'tags'], ['---\ntitle: t\nother: &o {a: *o}\n---\n', 'other']] as const) {
      const parsed = parseFrontMatter(text);
      assert.deepEqual(parsed.errors.map((error) => error.expanded), [{ key, problem: { kind: 'cycle' } }]);
      assert.deepEqual(parsed.data, { title: 't' });
      assert.equal(readFrontMatterData(text).problem, 'alias-expansion');
    }
  });

  it('leaves out a chain of aliases nested deeper than the limit, without overflowing the stack', () => {
    const parsed = parseFrontMatter(aliasChain(ALIAS_NESTING_LIMIT + 10));
    const expanded = parsed.errors.map((error) => error.expanded?.key);
    assert.ok(expanded.includes('tags'));
    assert.ok(parsed.errors.every((error) => error.expanded?.problem.kind === 'nesting'));
    assert.deepEqual(parseFrontMatter(aliasChain(50)).errors, []);
  });

  it('bounds what is recovered from broken YAML too', () => {
    const text = `---\ntags: [&a0 x, &a1 [${'*a0, '.repeat(99)}*a0], &a2 [${'*a1, '.repeat(99)}*a1], &a3 [${'*a2, '.repeat(99)}*a2]]\ntitle: [unclosed\n---\n`;
    const parsed = parseFrontMatter(text);
    assert.deepEqual(parsed.errors.map((error) => error.code), ['yaml-syntax', 'alias-expansion']);
    assert.equal(parsed.data.tags, undefined);
  });

  it('is reported as PC106 on each entry left out, in the rules', async () => {
    const found = await check(bomb, 'PC106');
    assert.deepEqual(found.map((d) => [d.severity, d.range.start.line]), [['error', 10], ['error', 11], ['error', 12], ['error', 13]]);
    assert.equal(formatRuleMessage(found[3].message),
      'Through YAML aliases (*name), "tags" stands for 435,848,050 values and characters: Hexo copies them all, which slows the build and, a few levels of aliases deeper, runs it out of memory. Postcraft reads the post without "tags".');
    const cycle = await check('---\ntitle: t\ntags: &t [a, *t]\n---\n', 'PC106');
    assert.match(formatRuleMessage(cycle[0].message), /"tags" contains itself/);
  });

  it('keeps the post out of the site index and the preview readable', async () => {
    const fs = new MemoryFileSystem({
      '/b/_config.yml': 'timezone: Asia/Shanghai\n',
      '/b/source/_posts/bomb.md': bomb,
      '/b/source/_posts/ok.md': '---\ntitle: ok\ntags: [a]\n---\n',
    });
    const { value: index, ms } = await (async () => {
      const start = performance.now();
      const built = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
      return { value: built, ms: performance.now() - start };
    })();
    assert.ok(ms < 1000, `${ms} ms`);
    assert.deepEqual(index.tagCounts().map(({ name, count }) => [name, count]), [['a', 1]]);
    assert.match(index.post('/b/source/_posts/bomb.md')?.error ?? '', /expands through YAML aliases/);

    const rendered = await renderAs('source/_posts/bomb.md', bomb);
    assert.equal(rendered.header.title, '炸弹');
    assert.deepEqual(rendered.header.tags, []);
    assert.match(rendered.headerHtml, /expands through YAML aliases/);
  });
});
