import MarkdownIt from 'markdown-it';
import { DEFAULT_GENERATOR } from '../src/core/api';
import { hexoBodySyntax } from '../src/core/generators/hexo/render/hexoBody';
import { eagerLinesAround, renderPost } from '../src/core/render';
import { clearBlockCache } from '../src/core/render/blockCache';
import { clearHighlightCache } from '../src/core/render/highlight';
import { clearMathCache } from '../src/core/render/math';
import { plainTokens } from '../src/core/render/plainTokens';
import { formatMs, median, type BenchReport } from './measure';

/** A realistic mixed Chinese/English post of about `bytes` bytes: prose, lists, code, math, tags. */
export function syntheticPost(bytes: number): string {
  const sections: string[] = ['---', 'title: 性能测试文章', 'date: 2026-01-01 10:00:00', 'tags: [测试, Hexo]', 'categories: [技术, 前端]', '---', '', '开头的一段话，介绍这篇文章要讲什么。', '', '<!-- more -->', ''];
  let i = 0;
  while (Buffer.byteLength(sections.join('\n')) < bytes) {
    i++;
    sections.push(
      `## 第 ${i} 节：Section ${i}`,
      '',
      `这是第 ${i} 节的正文，里面有 **加粗**、*强调*、\`inline code\` 和一个[链接](https://example.com/${i})。梯度下降的更新规则是 $x_{t+1} = x_t - \\eta f'(x_t)$，学习率 $\\eta$ 不能太大。`,
      'The quick brown fox jumps over the lazy dog, and then writes a blog post about it in Markdown with Hexo.',
      '',
      '- 第一项 with some English words',
      '- 第二项，带一个 [脚注引用](#section)',
      '- [x] 已完成的任务',
      '',
      `\`\`\`ts\nexport function step${i}(x: number, eta = 0.1): number {\n  // 每一步都乘上一个系数\n  return x - eta * 2 * (x - 3);\n}\n\`\`\``,
      '',
      '| 参数 | 含义 |',
      '| --- | --- |',
      `| eta | 学习率 ${i} |`,
      '',
      `> 引用一句话，第 ${i} 次。`,
      '',
    );
    if (i % 4 === 0) sections.push(`{% codeblock retry${i}.ts lang:ts %}\nconst retry = { attempts: ${i} };\n{% endcodeblock %}`, '', `{% blockquote 作者, 来源 %}\n第 ${i} 段引文。\n{% endblockquote %}`, '');
  }
  return sections.join('\n');
}

/** The lines the preview renders in full first when the reader is at the top of an editor 40 lines tall (as PreviewPanel does). */
const EAGER_AT_TOP = eagerLinesAround(0, 40);

/**
 * Median time of each piece of work, run in turns (one run of each, then again) so that a busy
 * machine or the JIT weighs on all of them alike. Each runs three times unmeasured first.
 */
function timeInTurns<K extends string>(runs: number, work: Record<K, () => void>): Record<K, number> {
  const names = Object.keys(work) as K[];
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let i = 0; i < 3; i++) for (const name of names) work[name]();
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const started = performance.now();
      work[name]();
      times.get(name)!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times.get(name)!)])) as Record<K, number>;
}

/**
 * Render time of 8 KB, 100 KB and 1 MB posts through the preview renderer (header, tags,
 * highlighting, math, sanitizer, source lines) against plain markdown-it on the same body, in the
 * same run. "cold" clears the section, highlight and math caches first: "first paint" is the render
 * the preview shows first (code and math beyond the first screen left plain), "all code and math"
 * adds the follow-up render that fills them in, "one render" fills everything in at once.
 * "typing" re-renders after a one-character edit, as the live preview does. The baseline is stock
 * markdown-it; "plain tokens" shows what the preview's token fix alone does to it (plainTokens.ts).
 */
export function benchRender(): BenchReport {
  const plain = new MarkdownIt({ html: true });
  // The same markdown-it with the preview's plain tokens, in the same turns: how much of the
  // preview's speed is that alone, and the preview against it.
  const plainWithPlainTokens = new MarkdownIt({ html: true });
  plainTokens(plainWithPlainTokens);
  const report: BenchReport = [];
  for (const [label, bytes, runs] of [['8 KB', 8 * 1024, 60], ['100 KB', 100 * 1024, 24], ['1 MB', 1024 * 1024, 8]] as const) {
    const text = syntheticPost(bytes);
    const body = text.slice(text.indexOf('\n---\n', 3) + 5);
    const context = { documentPath: '/blog/source/_posts/bench.md', generator: DEFAULT_GENERATOR, syntax: hexoBodySyntax, resourceUrl: (path: string) => `res:${path}` };
    const clearCaches = () => {
      clearBlockCache();
      clearHighlightCache();
      clearMathCache();
    };
    const { baseline, plainTokensOnly, firstPaint, complete, unwindowed } = timeInTurns(runs, {
      baseline: () => plain.render(body),
      plainTokensOnly: () => plainWithPlainTokens.render(body),
      // As the preview opens a post: the reader at the top, code and math further down filled in by
      // a follow-up render, which runs right after the first is on screen.
      firstPaint: () => {
        clearCaches();
        renderPost(text, { ...context, eagerLines: EAGER_AT_TOP });
      },
      complete: () => {
        clearCaches();
        if (renderPost(text, { ...context, eagerLines: EAGER_AT_TOP }).deferred > 0) renderPost(text, context);
      },
      unwindowed: () => {
        clearCaches();
        renderPost(text, context);
      },
    });
    // With the caches holding the post (the runs unmeasured first fill them): an edit re-renders its section.
    let edit = 0;
    const typing = timeInTurns(runs, {
      typing: () => renderPost(`${text}${'x'.repeat(++edit % 3)}`, { ...context, eagerLines: EAGER_AT_TOP }),
    }).typing;
    report.push(
      { name: `markdown-it ${label}, plain tokens`, value: formatMs(plainTokensOnly), baseline: formatMs(baseline), ratio: plainTokensOnly / baseline },
      { name: `preview render ${label} (cold, first paint) vs plain-token markdown-it`, value: formatMs(firstPaint), baseline: formatMs(plainTokensOnly), ratio: firstPaint / plainTokensOnly },
      { name: `preview render ${label} (cold, first paint)`, value: formatMs(firstPaint), baseline: formatMs(baseline), ratio: firstPaint / baseline, target: '≤ 1.5x markdown-it' },
      { name: `preview render ${label} (cold, all code and math)`, value: formatMs(complete), baseline: formatMs(baseline), ratio: complete / baseline },
      { name: `preview render ${label} (cold, one render)`, value: formatMs(unwindowed), baseline: formatMs(baseline), ratio: unwindowed / baseline },
      { name: `preview render ${label} (typing)`, value: formatMs(typing), baseline: formatMs(baseline), ratio: typing / baseline, target: '≤ 1.5x markdown-it' },
    );
  }
  return report;
}
