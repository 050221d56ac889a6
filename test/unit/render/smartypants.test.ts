import * as assert from 'node:assert/strict';
import { renderPost } from '../../../src/core/render';
import { smartypants } from '../../../src/core/render/smartypants';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { hexoBodySyntax } from '../../../src/core/generators/hexo/render/hexoBody';

async function render(body: string, config = 'title: t\n'): Promise<string> {
  const fs = new MemoryFileSystem({ '/b/_config.yml': config });
  const site = await loadHexoSite(fs, '/b');
  return renderPost(`---\ntitle: t\n---\n${body}`, { documentPath: '/b/source/_posts/a.md', site, syntax: hexoBodySyntax, resourceUrl: (path) => `res:${path}` }).bodyHtml;
}

describe('preview renderer: smart quotes and dashes, as hexo-renderer-marked writes them', () => {
  it('curls quotes by what comes before them, and makes dashes and ellipses', () => {
    assert.equal(smartypants(`"Hi" -- it's 'ok'... (a "b") x---y`), '\u201cHi\u201d \u2013 it\u2019s \u2018ok\u2019\u2026 (a \u201cb\u201d) x\u2014y');
    // Each run of text starts afresh: a quote at its start opens.
    assert.equal(smartypants(`".`), '\u201c.');
    assert.equal(smartypants(`"a"`, '\u00ab\u00bb\u2039\u203a'), '\u00aba\u00bb');
  });

  it('applies to text, headings (and so their ids), emphasis and link text, not to code, addresses or escapes', async () => {
    const html = await render([
      `## Don't "panic"`, '',
      `**"bold"** [a "link"](https://example.com) \`"code" --\` https://example.com/a--b \\"escaped\\" &quot;entity&quot; ![alt "x"](i.png)`,
    ].join('\n'));
    assert.match(html, /<h2 data-line="\d+" id="Don’t-“panic”">Don’t “panic”<\/h2>/);
    assert.match(html, /<strong>“bold”<\/strong>/);
    assert.match(html, />a “link”<\/a>/);
    assert.match(html, /<code>&quot;code&quot; --<\/code>/);
    assert.match(html, />https:\/\/example\.com\/a--b<\/a>/);
    assert.match(html, / &quot;escaped&quot; &quot;entity&quot; /);
    assert.match(html, /alt="alt &quot;x&quot;"/);
  });

  it('follows the site: off with marked.smartypants: false, its own marked.quotes', async () => {
    assert.match(await render(`"a" -- b`, 'marked:\n  smartypants: false\n'), /<p[^>]*>&quot;a&quot; -- b<\/p>/);
    assert.match(await render(`"a"`, 'marked:\n  quotes: «»‹›\n'), /<p[^>]*>«a»<\/p>/);
  });
});
