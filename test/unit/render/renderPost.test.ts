import * as assert from 'node:assert/strict';
import { renderAs, SAMPLE_BLOG } from './sampleSite';

const POST = 'source/_posts/weekend-at-xiangshan.md';

describe('preview renderer: the header from the front matter', () => {
  it('shows the title, the date as the site formats it, categories, tags and the reading time', async () => {
    const rendered = await renderAs(POST, '---\ntitle: 周末去爬了香山\ndate: 2025-11-09 19:40:00\nupdated: 2025-11-10 08:00:00\ntags: [随笔, 北京]\ncategories: [生活, 户外]\n---\n十一月的第二个周末。\n');
    const { header, headerHtml } = rendered;
    assert.equal(header.title, '周末去爬了香山');
    // The sample site writes dates as YYYY-MM-DD in Asia/Shanghai.
    assert.equal(header.date?.text, '2025-11-09');
    assert.equal(header.date?.full, '2025-11-09 19:40:00');
    assert.equal(header.date?.iso, '2025-11-09T11:40:00.000Z');
    assert.match(headerHtml, /<time class="pc-updated" datetime="2025-11-10T00:00:00.000Z" title="2025-11-10 08:00:00">Updated 2025-11-10<\/time>/);
    assert.deepEqual(header.categories, [['生活', '户外']]);
    assert.match(headerHtml, /<span class="pc-category">生活<\/span><span class="pc-category-sep" aria-hidden="true">›<\/span><span class="pc-category">户外<\/span>/);
    assert.match(headerHtml, /<li class="pc-tag">随笔<\/li><li class="pc-tag">北京<\/li>/);
    assert.equal(header.wordCount.cjkCharacters, 9); // 十一月的第二个周末
    assert.match(headerHtml, /<span class="pc-words">9 words<\/span><span class="pc-reading">1 min read<\/span>/);
  });

  it('reads a single tag scalar and nested category hierarchies as Hexo does', async () => {
    const { header } = await renderAs(POST, '---\ntitle: t\ntags: 随笔\ncategories:\n  - [技术, 前端]\n  - 副业\n---\n');
    assert.deepEqual(header.tags, ['随笔']);
    assert.deepEqual(header.categories, [['技术', '前端'], ['副业']]);
  });

  it('falls back to the file name for the title and marks it', async () => {
    const rendered = await renderAs('source/_posts/no-title-here.md', '---\ntags: a\n---\nbody\n');
    assert.equal(rendered.header.title, 'no-title-here');
    assert.match(rendered.headerHtml, /class="pc-title pc-title-fallback"/);
  });

  it('shows the excerpt when set', async () => {
    const { headerHtml } = await renderAs(POST, '---\ntitle: t\nexcerpt: 一句话摘要 <b>\n---\n');
    assert.match(headerHtml, /<aside class="pc-excerpt"><span class="pc-excerpt-label">Excerpt<\/span>一句话摘要 &lt;b&gt;<\/aside>/);
  });

  it('marks drafts', async () => {
    assert.match((await renderAs('source/_drafts/new-idea.md', '---\ntitle: t\n---\n')).headerHtml, /<span class="pc-badge">Draft<\/span>/);
  });

  it('escapes titles and tags', async () => {
    const { headerHtml } = await renderAs(POST, '---\ntitle: "<img src=x onerror=alert(1)>"\ntags: ["<script>"]\n---\n');
    assert.doesNotMatch(headerHtml, /<img|<script/);
    assert.match(headerHtml, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('shows broken front matter as a banner with the line, and still renders the body', async () => {
    const rendered = await renderAs(POST, '---\ntitle: [broken\ndate: 2025-01-01\n---\n## 正文还在\n');
    assert.match(rendered.headerHtml, /<div class="pc-banner pc-banner-error" role="alert" data-line="\d+"><strong>Front matter error on line \d+: [^<]+<\/strong> <span>Hexo skips this post until the front matter is fixed\.<\/span><\/div>/);
    assert.match(rendered.bodyHtml, /<h2 data-line="4" id="正文还在">正文还在<\/h2>/);
  });

  it('uses translated labels when given', async () => {
    const { headerHtml } = await renderAs(POST, '---\ntitle: t\n---\n字', { labels: { words: '{0} 字', readingTime: '阅读约 {0} 分钟' } });
    assert.match(headerHtml, /1 字<\/span><span class="pc-reading">阅读约 1 分钟/);
  });
});

describe('preview renderer: Markdown', () => {
  const body = async (markdown: string, relative = POST) => (await renderAs(relative, `---\ntitle: t\n---\n${markdown}\n`)).bodyHtml;

  it('puts source lines on blocks for scroll sync, counting the front matter', async () => {
    const html = await body('# One\n\npara\n\n- item\n\n> quote');
    assert.match(html, /<h1 data-line="3" id="One">/);
    assert.match(html, /<p data-line="5">para<\/p>/);
    assert.match(html, /<ul data-line="7">\n<li data-line="7">/);
    assert.match(html, /<blockquote data-line="9">/);
  });

  it('gives headings Hexo-style anchors (hexo-util slugize: CJK and full-width punctuation kept, duplicates numbered) and reports them', async () => {
    const rendered = await renderAs(POST, '---\ntitle: t\n---\n## 为什么会这样？\n## Show the code, then explain\n## Show the code, then explain\n');
    assert.deepEqual(rendered.headings.map((heading) => heading.id), ['为什么会这样？', 'Show-the-code-then-explain', 'Show-the-code-then-explain-1']);
    assert.deepEqual(rendered.headings.map((heading) => heading.line), [3, 4, 5]);
  });

  it('folds Latin diacritics in heading ids as hexo-util does, so an accented heading and its plain spelling collide', async () => {
    const rendered = await renderAs(POST, '---\ntitle: t\n---\n## Café au lait\n## Cafe au lait\n## Ｆｕｌｌ width, Łódź and Straße\n');
    assert.deepEqual(rendered.headings.map((heading) => heading.id), ['Cafe-au-lait', 'Cafe-au-lait-1', 'Full-width-Lodz-and-Strase']);
  });

  it('renders GFM tables, footnotes and task lists', async () => {
    const html = await body('| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Note.\n\n- [x] done\n- [ ] todo');
    assert.match(html, /<table data-line="3">/);
    assert.match(html, /<sup class="footnote-ref"><a href="#fn1" id="fnref1">\[1\]<\/a><\/sup>/);
    assert.match(html, /<li data-line="\d+" class="pc-task"><input type="checkbox" class="pc-task-box" disabled checked> done<\/li>/);
    assert.match(html, /<input type="checkbox" class="pc-task-box" disabled> todo/);
  });

  it('keeps single line breaks as Hexo (hexo-renderer-marked, breaks: true) does', async () => {
    assert.match(await body('第一行\n第二行'), /第一行<br>\n第二行/);
  });

  it('renders $inline$ and $$display$$ math with KaTeX, but not prices', async () => {
    const html = await body('设 $f(x) = x^2$，价格 $5 和 $6。\n\n$$\n\\eta < 2 / \\lambda\n$$');
    assert.match(html, /<span class="katex">/);
    assert.match(html, /<div class="pc-math" data-line="5"><span class="katex-display">/);
    assert.match(html, /价格 \$5 和 \$6/);
  });

  it('highlights fenced code and reads a title from the info string', async () => {
    const html = await body('```go main.go\nfunc main() {}\n```');
    assert.match(html, /<figure class="pc-code highlight go" data-line="3"><figcaption><span class="pc-code-title">main\.go<\/span><span class="pc-code-lang">go<\/span>/);
    assert.match(html, /<span class="hljs-keyword">func<\/span>/);
  });

  it('resolves images: asset folder first (with the post folder as fallback), root-relative, remote', async () => {
    const html = await body('![a](summit.png) ![b](/images/b.png) ![c](https://example.com/c.png) ![d](../图片/d.png)');
    const posts = `${SAMPLE_BLOG}/source/_posts`;
    assert.ok(html.includes(`src="res:${posts}/weekend-at-xiangshan/summit.png" data-pc-fallback="res:${posts}/summit.png"`), html);
    assert.ok(html.includes(`src="res:${SAMPLE_BLOG}/source/images/b.png"`));
    assert.ok(html.includes('src="https://example.com/c.png"'));
    assert.ok(html.includes(`res:${posts}/weekend-at-xiangshan/../图片/d.png`.replace('weekend-at-xiangshan/../', '')) || html.includes('图片/d.png'), html);
  });

  it('marks links to other Markdown posts so the preview opens them in the editor', async () => {
    const html = await body('[上一篇](./go-http-client-timeouts.md) [外部](https://hexo.io) [锚点](#section)');
    assert.ok(html.includes(`data-pc-open="${SAMPLE_BLOG}/source/_posts/go-http-client-timeouts.md"`));
    assert.match(html, /<a href="https:\/\/hexo\.io">外部<\/a>/);
    assert.match(html, /<a href="#section">锚点<\/a>/);
  });

  it('renders a very long post partially, with a notice', async () => {
    const paragraph = '这是一段很长的文字，用来测试大文件。'.repeat(20);
    const text = `---\ntitle: big\n---\n${`${paragraph}\n\n`.repeat(30000)}`;
    assert.ok(text.length > 10_000_000 / 1.1, `about 10 MB: ${text.length}`);
    const started = Date.now();
    const rendered = await renderAs(POST, text);
    const elapsed = Date.now() - started;
    assert.ok(rendered.truncated && rendered.truncated.shown <= 1_000_000);
    assert.match(rendered.bodyHtml, /pc-banner-warning[^>]*>This post is long: the preview shows its first [\d,]+ of [\d,]+ characters\./);
    assert.ok(elapsed < 10000, `rendered in ${elapsed} ms`);
  });
});
