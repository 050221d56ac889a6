import * as assert from 'node:assert/strict';
import { checkPost, DEFAULT_SETTINGS, siteFileLookup, type RuleContext } from '../../../src/core/rules';
import { loadJekyllSite } from '../../../src/core/generators/jekyll/jekyllSite';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { contextFor } from './support';

/**
 * Every scan of a post's body is linear: the hostile bodies of issue #12 (100,000 unclosed `{% `, runs
 * of `[` and `](`, of `{{ `, ...) once kept `postcraft check` busy past 10 s. Each is checked with every
 * rule at 25,000 and at 100,000 repetitions; four times the text may take at most ten times as long
 * (linear is four, quadratic sixteen), plus a little for timer noise. The baseline is measured in the
 * same test, on the same machine, so the bound holds on a slow one too.
 */
const HOSTILE: readonly string[] = [
  '{% ', '{{ ', '{# ', '{%- ', '{% comment %}', '{% endcomment %}', '{% for x in y %}', '{% post_url a %}', '{% include ', '{{ page.x }}', '{{ x }}', '{%', '[', '](', '[a](', '![a](b', '`', '``a`', '`a` ', '\\`', '{% raw %}', '`{% raw %}', '{% if x %}', '{% endif %}',
  '{% quote %}', '{% note %}', '{% a "', '{{ "', '{{ (', '{{ a }}', '{{ a | f }}', '{{ f() }}', '<a ', '<img src="', '<code>', '<!--',
  '<div>\n', '# a   ', '# a\n', 'a\n=\n', '```a\n', '~~~\n', '    x\n\n', 'x\n', '"', '- ', '> ', 'http://a.b/ ',
];

const FRONT_MATTER = '---\ntitle: Hostile\ndate: 2026-01-01 10:00:00\n---\n';

/** A post of a small Jekyll site, with the files the Liquid rules look up. */
async function jekyllContext(): Promise<RuleContext> {
  const files = { '/j/_config.yml': 'title: J\n', '/j/_posts/2024-01-01-a.md': '---\ntitle: A\n---\n', '/j/_includes/note.html': 'x' };
  const fs = new MemoryFileSystem(files);
  const index = await SiteIndex.build(await loadJekyllSite(fs, '/j'), fs);
  return {
    path: '/j/_posts/2024-01-02-hostile.md', kind: 'post', site: index.site, index, now: new Date(), settings: DEFAULT_SETTINGS,
    ...siteFileLookup({ files: new Set(Object.keys(files)), staticRoots: [] }),
  };
}

function timed(text: string, context: RuleContext): number {
  const start = process.hrtime.bigint();
  checkPost(text, context);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('every body scan is linear in the body', function () {
  this.timeout(120_000);

  // Hexo's rules and Jekyll's (Liquid runs over the whole body, code included).
  const sites: ReadonlyArray<[string, () => Promise<RuleContext>]> = [['Hexo', () => contextFor()], ['Jekyll', jekyllContext]];
  for (const [generator, makeContext] of sites) {
    for (const unit of HOSTILE) {
      it(`${generator}: ${JSON.stringify(unit)} × 100,000 takes at most ten times ${JSON.stringify(unit)} × 25,000`, async () => {
        const context = await makeContext();
        await context.site.generator.loadRules?.();
        const small = FRONT_MATTER + unit.repeat(25_000);
        const large = FRONT_MATTER + unit.repeat(100_000);
        timed(small, context); // warm up
        const baseline = Math.min(timed(small, context), timed(small, context));
        // The better of two runs: one pause of the machine (a collection, another process) is no quadratic.
        let elapsed = timed(large, context);
        if (elapsed > 10 * baseline + 100) elapsed = Math.min(elapsed, timed(large, context));
        assert.ok(elapsed <= 10 * baseline + 100, `${elapsed.toFixed(0)} ms for 100,000, ${baseline.toFixed(0)} ms for 25,000`);
      });
    }
  }

  it('checks a 10 MB post, every rule, in about the time of ten 1 MB posts', async () => {
    const context = await contextFor();
    const section = '## 小节\n\n中文正文，带 `inline {{ code }}`、[链接](/images/logo.png) 和 ![图](missing.png)。English **bold** _em_.\n\n'
      + '```js\nconst a = {{ b }};\n```\n\n{% asset_img summit.png 标题 %} {{ title }} {% if a %}x{% endif %}\n\n> 引用 {% raw %}{{ x }}{% endraw %}\n\n'
      + '    indented {{ code }}\n\n<!-- comment {{ y }} -->\n\n';
    const body = (bytes: number): string => FRONT_MATTER + section.repeat(Math.ceil(bytes / section.length));
    const oneMegabyte = Math.min(timed(body(1e6), context), timed(body(1e6), context));
    const tenMegabytes = body(1e7);
    assert.ok(tenMegabytes.length >= 1e7);
    const heapBefore = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    const diagnostics = checkPost(tenMegabytes, context);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    assert.ok(elapsed <= 12 * oneMegabyte + 200, `${elapsed.toFixed(0)} ms for 10 MB, ${oneMegabyte.toFixed(0)} ms for 1 MB`);
    assert.ok(heapGrowth < 400, `${heapGrowth.toFixed(0)} MB more heap`);
    // Too large for the template check, which says so; the other rules ran, capped in what they report.
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'PC511'));
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'PC502').length, 1000);
  });
});
