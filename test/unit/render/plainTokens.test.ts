import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type MarkdownIt from 'markdown-it';
import { syntheticPost } from '../../../bench/renderBench';
import { DEFAULT_LABELS, type RenderContext } from '../../../src/core/render';
import type { RenderEnv } from '../../../src/core/render/env';
import { createPreviewMarkdown } from '../../../src/core/render/markdown';
import { frameHtml, urlPolicy } from '../../../src/core/render/resources';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : markdownFiles(file);
    return name.endsWith('.md') ? [file] : [];
  });
}

function freshEnv(): RenderEnv {
  const context: RenderContext = { documentPath: '/blog/source/_posts/a.md', resourceUrl: (file) => `res:${file}` };
  return {
    context, labels: DEFAULT_LABELS, lineOffset: 0, tagsEnabled: true, excerptSet: false, smartQuotes: '\u201c\u201d\u2018\u2019',
    policy: urlPolicy(context, (src) => frameHtml(src, DEFAULT_LABELS.frame)),
    headings: [], slugs: new Map(), moreSeen: false, deferred: 0,
  };
}

/** Pieces of Markdown that reach markdown-it's token bookkeeping: nesting, delimiters, pending text. */
const PIECES = [
  '\n', '\n\n', '  ', '\t', '    ', '# ', '## ', '> ', '- ', '1. ', '* ', '- [ ] ', '- [x] ', '```ts\n', '```\n', '~~~\n', '$$\n', '$', '$x$', '$$x$$',
  '**', '*', '_', '__', '~~', '`', '``', '[', ']', '(', ')', '](https://a.b)', '![', '<', '>', '<span>', '</span>', '<div>\n', '</div>\n', '<!-- more -->',
  '&amp;', '&#x4e2d;', '\\*', '\\', '|', ' | ', '| --- |', '\n| a | b |\n| - | - |\n| 1 | 2 |\n', '[^1]', '\n[^1]: 注\n', '[a]: https://b.c\n',
  'https://example.com/x', 'www.example.com', 'a@b.co', '{% note info %}', '{% endnote %}', '{% codeblock a.js %}\n', '{% endcodeblock %}', '{% raw %}', '{% endraw %}',
  '中文', '，', '。', 'text', 'word ', '---\n', '***\n', '===\n',
  // Nesting inside links, where markdown-it keeps delimiters per level.
  '[**a**](https://a.b)', '[*a* `b` <span>c</span> _d_](https://x.y "t")', '[![i](p.png) **x**](u)', '**[a](b)**', '*a [b **c**](d) e*',
];
const markdown = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) }), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

describe('preview renderer: plain tokens', () => {
  const plain = createPreviewMarkdown();
  const stock = createPreviewMarkdown({ stockTokens: true });

  function assertSameTokens(source: string): void {
    const ours: MarkdownIt.Token[] = plain.parse(source, freshEnv());
    const theirs: MarkdownIt.Token[] = stock.parse(source, freshEnv());
    assert.deepStrictEqual(ours, theirs);
    assert.equal(JSON.stringify(ours), JSON.stringify(theirs));
    // The same prototype, so markdown-it's methods and `instanceof Token` work on them.
    for (const token of ours) assert.equal(Object.getPrototypeOf(token), Object.getPrototypeOf(theirs[0]));
  }

  it('are the tokens stock markdown-it makes, for every post of the sample blog and the fixture sites', () => {
    const files = [...markdownFiles(path.join(REPO, 'examples')), ...markdownFiles(path.join(REPO, 'test', 'fixtures'))];
    assert.ok(files.length > 20, `only ${files.length} posts found`);
    for (const file of files) assertSameTokens(readFileSync(file, 'utf8'));
    for (const source of ['[**a**](b) c', '*a [b **c** ~~d~~](e) f* g', '> - [x] [*a*](b)\n>   **c**[^1]\n\n[^1]: *n* [l](m)']) assertSameTokens(source);
    assertSameTokens(syntheticPost(40 * 1024));
  });

  it('are the tokens stock markdown-it makes, for random Markdown', () => {
    fc.assert(fc.property(markdown, (source) => assertSameTokens(source)), { numRuns: 3000 });
  });

  it('mirrors the markdown-it it was checked against (an upgrade must compare plainTokens.ts again)', () => {
    // plainTokens.ts repeats what markdown-it's Token constructor, StateInline constructor, push and
    // pushPending do. package.json pins this version; on an upgrade, compare them with the new
    // release's and change the version here.
    const installed = JSON.parse(readFileSync(require.resolve('markdown-it/package.json'), 'utf8')) as { version: string };
    assert.equal(installed.version, '15.0.3');
  });

  it('makes inline states with the fields of a stock one', () => {
    const tokens: MarkdownIt.Token[] = [];
    const env = freshEnv();
    const ours = new plain.inline.State('*a*', plain, env, tokens) as unknown as Record<string, unknown>;
    const theirs = new stock.inline.State('*a*', stock, env, tokens) as unknown as Record<string, unknown>;
    // A field a new markdown-it adds to its state shows here before it can go missing in a parse.
    assert.deepEqual(Object.keys(ours), Object.keys(theirs));
    for (const key of Object.keys(theirs)) {
      if (key !== 'md' && key !== 'Token') assert.deepStrictEqual(ours[key], theirs[key], key);
    }
    assert.ok(ours instanceof stock.inline.State);
    assert.equal(ours.constructor, plain.inline.State, 'a plugin making a state from `state.constructor` gets a plain one');
  });

  it('is what the preview engine parses with, one token class for every engine', () => {
    const tokenClass = (md: MarkdownIt.MarkdownIt): unknown => new md.core.State('', md, {}).Token;
    assert.notEqual(tokenClass(plain), tokenClass(stock));
    assert.equal(tokenClass(plain), tokenClass(createPreviewMarkdown()));
    const [first] = plain.parse('a', freshEnv());
    const [stockFirst] = stock.parse('a', freshEnv());
    assert.equal(JSON.stringify(first), JSON.stringify(stockFirst), 'the same keys in the same order');
    assert.equal(first.constructor, tokenClass(stock), 'the prototype (and its constructor) is markdown-it\'s');
  });
});
