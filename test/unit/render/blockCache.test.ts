import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { syntheticPost } from '../../../bench/renderBench';
import { renderPost } from '../../../src/core/render';
import { clearBlockCache, splitSections } from '../../../src/core/render/blockCache';
import { previewMarkdown } from '../../../src/core/render/markdown';
import { contextFor, SAMPLE_BLOG } from './sampleSite';

const FILLER = Array.from({ length: 150 }, (_, i) => `段落 ${i}，some text with **bold** and $x_${i}$.`).join('\n\n');

function bodyOf(text: string): { body: string; line: number } {
  const end = text.indexOf('\n---\n', 3);
  if (!text.startsWith('---\n') || end === -1) return { body: text, line: 0 };
  const body = text.slice(end + 5);
  return { body, line: text.slice(0, end + 5).split('\n').length - 1 };
}

/** Renders with sections twice (cold, then from the cache) and checks both against the body rendered at once. */
async function assertSameAsWhole(relative: string, text: string): Promise<void> {
  const context = await contextFor(relative);
  clearBlockCache();
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
    renderPost(text, context);
    const md = previewMarkdown();
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
