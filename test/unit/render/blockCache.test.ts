import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { syntheticPost } from '../../../bench/renderBench';
import { bodySyntaxOf, renderPost } from '../../../src/core/render';
import { clearBlockCache, splitSections } from '../../../src/core/render/blockCache';
import { clearHighlightCache } from '../../../src/core/render/highlight';
import { clearMathCache } from '../../../src/core/render/math';
import { previewMarkdown } from '../../../src/core/render/markdown';
import { contextFor, SAMPLE_BLOG } from './sampleSite';

const FILLER = Array.from({ length: 150 }, (_, i) => `段落 ${i}，some text with **bold** and $x_${i}$.`).join('\n\n');

function bodyOf(text: string): { body: string; line: number } {
  const end = text.indexOf('\n---\n', 3);
  if (!text.startsWith('---\n') || end === -1) return { body: text, line: 0 };
  const body = text.slice(end + 5);
  return { body, line: text.slice(0, end + 5).split('\n').length - 1 };
}

/**
 * Renders three times (the first render of a document renders the body at once, the second renders
 * every section, the third reuses them) and checks each against the body rendered at once.
 */
async function assertSameAsWhole(relative: string, text: string): Promise<void> {
  const context = await contextFor(relative);
  clearBlockCache();
  renderPost(text, context);
  const cold = renderPost(text, context);
  const warm = renderPost(text, context);
  clearBlockCache();
  // The reference: the same post rendered at once (a `<pre>` block keeps a body from being split).
  const reference = renderPost(`${text}\n\n<pre></pre>\n`, context);
  const tail = '<pre></pre>\n';
  assert.ok(reference.bodyHtml.endsWith(tail), reference.bodyHtml.slice(-200));
  const expected = reference.bodyHtml.slice(0, -tail.length);
  assert.equal(cold.bodyHtml, expected);
  assert.equal(warm.bodyHtml, expected);
  assert.deepEqual(cold.headings, reference.headings);
  assert.deepEqual(warm.headings, reference.headings);
}

describe('preview renderer: sections rendered and cached separately', () => {
  afterEach(() => clearBlockCache());

  it('gives the same HTML and headings as rendering the body at once (sample posts, synthetic posts)', async () => {
    const folder = path.join(SAMPLE_BLOG, 'source', '_posts');
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      await assertSameAsWhole(`source/_posts/${name}`, `${text}\n\n${FILLER}\n\n## 重复\n\n${text}\n\n## 重复\n`);
    }
    await assertSameAsWhole('source/_posts/bench.md', syntheticPost(40 * 1024));
  });

  it('does not cut inside fences, math, comments, Hexo block tags or lists', async () => {
    const text = [
      '---', 'title: t', '---', FILLER, '',
      '```md', '', '## not a heading', '```', '',
      '$$', 'x', '', '## not a heading either', '$$', '',
      '<!--', '', '## in a comment', '-->', '',
      '{% note info %}', '', '## in a tag', '{% endnote %}', '',
      '- item', '', '## after a list', '', '> quote', '', '## after a quote', '',
      '## same', '', '## same', '', '## same-1', '', '<!-- more -->', '', '## end', '',
    ].join('\n');
    const { body } = bodyOf(text);
    const starts = splitSections(body).map((section) => body.slice(section.start).split('\n')[0]);
    assert.ok(!starts.some((line) => /not a heading|in a comment|in a tag/.test(line)), starts.join(' | '));
    assert.ok(starts.includes('## after a list') && starts.includes('## end'), starts.join(' | '));
    await assertSameAsWhole('source/_posts/cuts.md', text);
  });

  it('re-renders only what changed, and stays equal to a full render after edits', async () => {
    const context = await contextFor('source/_posts/bench.md');
    let text = syntheticPost(30 * 1024);
    renderPost(text, context); // at once
    renderPost(text, context); // in sections, which fills the cache
    const md = previewMarkdown(bodySyntaxOf(context));
    const original = md.render.bind(md);
    let renders = 0;
    md.render = (src, env) => { renders++; return original(src, env); };
    try {
      text = text.replace('第 3 节的正文', '第 3 节的正文（改）');
      const edited = renderPost(text, context);
      assert.equal(renders, 1, 'one section rendered again');
      assert.match(edited.bodyHtml, /第 3 节的正文（改）/);
      text = text.replace('## 第 2 节', '## 第 1 节');
      const renamed = renderPost(text, context);
      // Section 2's heading now takes "第-1-节…"'s slug count: sections after it with the same base re-render.
      assert.ok(renamed.headings.some((heading) => heading.id.endsWith('-1')), renamed.headings.map((h) => h.id).join(' '));
    } finally {
      md.render = original;
    }
    await assertSameAsWhole('source/_posts/bench.md', text);
  });
});

describe('preview renderer: code and math beyond the first screen left for a follow-up render', () => {
  afterEach(() => {
    clearBlockCache();
    clearHighlightCache();
    clearMathCache();
  });

  // The synthetic post repeats its formulas (cached after the first); these two appear only far down.
  const text = `${syntheticPost(40 * 1024)}\n\n## 远处\n\n公式 $y_{far}$ 在这里。\n\n$$\n\\int_0^1 far\\,dx\n$$\n`;
  const top = { from: -30, to: 60 };

  it('shows code and math outside the eager lines plain, counts them, and a full render fills them in', async () => {
    const context = await contextFor('source/_posts/bench.md');
    const full = renderPost(text, context);
    assert.equal(full.deferred, 0);
    assert.doesNotMatch(full.bodyHtml, /pc-pending|pc-math-pending/);
    clearBlockCache();
    clearHighlightCache();
    clearMathCache();

    const first = renderPost(text, { ...context, eagerLines: top });
    assert.ok(first.deferred > 10, `deferred: ${first.deferred}`);
    // Inside the eager lines: highlighted and typeset; beyond them: the code and TeX as written.
    const firstPending = first.bodyHtml.indexOf('pc-pending');
    assert.ok(firstPending > first.bodyHtml.indexOf('hljs-keyword') && first.bodyHtml.indexOf('hljs-keyword') !== -1);
    assert.ok(first.bodyHtml.indexOf('class="katex"') < first.bodyHtml.indexOf('pc-math-pending'));
    assert.match(first.bodyHtml, /<span class="pc-math-pending">\$y_\{far\}\$<\/span>/);
    assert.match(first.bodyHtml, /<div class="pc-math" data-line="\d+"><span class="pc-math-pending">\$\$\\int_0\^1 far/);
    assert.match(first.bodyHtml, /<figure class="pc-code highlight ts pc-pending" data-line="\d+">/);
    assert.equal(first.headings.length, full.headings.length);

    // The preview renders again without a window: everything filled in, as one full render gives.
    const second = renderPost(text, context);
    assert.equal(second.deferred, 0);
    assert.equal(second.bodyHtml, full.bodyHtml);
    // Now cached: a windowed render has nothing left to defer.
    const third = renderPost(text, { ...context, eagerLines: top });
    assert.equal(third.deferred, 0);
    assert.equal(third.bodyHtml, full.bodyHtml);
  });

  it('fills in a block that starts above the screen and runs into it, and counts a long front matter as the short header it shows as', async () => {
    const context = await contextFor('source/_posts/bench.md');
    const code = Array.from({ length: 30 }, (_, i) => `const line${i} = ${i};`).join('\n');
    const post = `---\ntitle: t\n---\n\n\`\`\`ts\n${code}\n\`\`\`\n\n${FILLER}`;
    // The reader's screen starts inside the code block (line 20 of it): it is on screen, so highlighted.
    const inside = renderPost(post, { ...context, eagerLines: { from: 25, to: 64 } });
    assert.match(inside.bodyHtml, /<figure class="pc-code highlight ts" data-line="4">/);
    assert.equal(inside.deferred, inside.bodyHtml.split('pc-math-pending').length - 1, 'only formulas below the screen wait');
    // Below the block: it waits.
    clearHighlightCache();
    clearMathCache();
    clearBlockCache();
    assert.match(renderPost(post, { ...context, eagerLines: { from: 40, to: 79 } }).bodyHtml, /<figure class="pc-code highlight ts pc-pending" data-line="4">/);

    // 30 lines of front matter take 30 editor lines but show as a header about 8 lines tall: a
    // 40-line screen at the top shows the code block 12 lines below its last line.
    const keys = Array.from({ length: 28 }, (_, i) => `key${i}: value ${i}`).join('\n');
    const longFrontMatter = `---\ntitle: t\n${keys}\n---\n${'\n'.repeat(10)}\`\`\`ts\nconst shown = 1;\n\`\`\`\n\n${FILLER}`;
    clearHighlightCache();
    clearBlockCache();
    const top = renderPost(longFrontMatter, { ...context, eagerLines: { from: 0, to: 39 } });
    assert.match(top.bodyHtml, /<figure class="pc-code highlight ts" data-line="41">/);
  });

  it('does not keep sections with plain code in the section cache', async () => {
    const context = await contextFor('source/_posts/bench.md');
    renderPost(text, { ...context, eagerLines: top });
    const windowed = renderPost(text, { ...context, eagerLines: top }); // sections; those with plain code are not kept
    assert.ok(windowed.deferred > 0);
    clearHighlightCache();
    clearMathCache();
    const complete = renderPost(text, context);
    assert.equal(complete.deferred, 0);
    assert.doesNotMatch(complete.bodyHtml, /pc-pending|pc-math-pending/);
  });
});
