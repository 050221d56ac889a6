import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { nodeFileSystem, toCorePath } from '../../../../src/cli/nodeFileSystem';
import { SiteIndex } from '../../../../src/core/index/siteIndex';
import { loadHugoSite } from '../../../../src/core/generators/hugo/hugoSite';
import { renderPost, type RenderedPost } from '../../../../src/core/render';

/** The Hugo sample blog, rendered as the preview renders it. */
const HUGO_BLOG = toCorePath(path.resolve(__dirname, '..', '..', '..', '..', '..', 'examples', 'hugo-blog'));
let sample: Promise<SiteIndex> | undefined;

async function render(relative: string, text?: string): Promise<RenderedPost> {
  sample ??= loadHugoSite(nodeFileSystem, HUGO_BLOG).then((site) => SiteIndex.build(site, nodeFileSystem));
  const index = await sample;
  const documentPath = `${HUGO_BLOG}/${relative}`;
  const body = text ?? new TextDecoder().decode(await nodeFileSystem.readFile(documentPath));
  return renderPost(body, { documentPath, site: index.site, index, syntax: await index.site.generator.loadBodySyntax(), resourceUrl: (file) => `res:${file}` });
}

describe('the preview of a Hugo post', () => {
  it('reads the TOML header and renders highlight, the site\'s own shortcode and a ref link', async () => {
    const post = await render('content/posts/go-context-cancellation.md');
    assert.equal(post.header.title, 'Go 里的 context 取消，一次讲清楚');
    assert.deepEqual(post.header.tags, ['Go', '后端', '并发']);
    assert.match(post.bodyHtml, /<figure class="pc-code highlight go"/);
    assert.match(post.bodyHtml, /<span class="pc-marked">3<\/span>/, 'hl_lines=3 with line numbers');
    assert.match(post.bodyHtml, /<div class="pc-tag-box" data-tag="note"[^>]*><div class="pc-tag-label">note type=&quot;warning&quot;<\/div><p data-line="23"><code>cancel<\/code>/, "the inner content as Markdown, on its own line");
    assert.match(post.bodyHtml, /<a href="\/posts\/http-timeouts.md" data-pc-open="[^"]*\/content\/posts\/http-timeouts.md">超时的设置<\/a>/);
    assert.doesNotMatch(post.bodyHtml, /\{\{/);
  });

  it('shows a page bundle\'s figure from the bundle folder', async () => {
    const post = await render('content/posts/weekend-at-xiangshan/index.md');
    assert.match(post.bodyHtml, /<figure class="pc-figure"[^>]*><img src="res:[^"]*\/weekend-at-xiangshan\/summit.png"[^>]*alt="山顶"[^>]*><figcaption>香炉峰山顶<\/figcaption><\/figure>/);
  });

  it('writes a commented shortcode out, embeds videos as links, and keeps hostile arguments inert', async () => {
    const post = await render('content/posts/x.md', '---\ntitle: X\n---\n\n{{</* note */>}}\n\n{{< youtube w7Ft2ymGmfc >}}\n\n{{< note "<img src=x onerror=alert(1)>" >}}\n<script>alert(1)</script>\n{{< /note >}}\n\nText {{< param author >}} end.\n');
    assert.match(post.bodyHtml, /\{\{&lt; note &gt;\}\}/);
    assert.match(post.bodyHtml, /https:\/\/www.youtube.com\/watch\?v=w7Ft2ymGmfc/);
    assert.doesNotMatch(post.bodyHtml, /<script|<img src=x/);
    assert.match(post.bodyHtml, /Text 林舟 end\./, "the site's params.author, as hugo prints it");
  });
});
