import * as assert from 'node:assert/strict';
import { renderAs, SAMPLE_BLOG } from './sampleSite';

const POST = 'source/_posts/weekend-at-xiangshan.md';
const body = async (markdown: string, relative = POST) => (await renderAs(relative, `---\ntitle: t\n---\n${markdown}\n`)).bodyHtml;

describe('preview renderer: Hexo tag plugins', () => {
  it('renders codeblock with title, language, link and line numbers', async () => {
    const html = await body('{% codeblock retry.ts lang:ts https://example.com/src source %}\nconst a = 1;\nconst b = 2;\n{% endcodeblock %}');
    assert.match(html, /<figure class="pc-code highlight ts" data-line="3">/);
    assert.match(html, /<span class="pc-code-title">retry\.ts<\/span>/);
    assert.match(html, /<a class="pc-code-link" href="https:\/\/example\.com\/src">source<\/a>/);
    assert.match(html, /<pre class="pc-gutter"[^>]*><span>1<\/span>\n<span>2<\/span><\/pre>/);
    assert.match(html, /hljs-keyword/);
    assert.doesNotMatch(html, /\{%/);
  });

  it('honours line_number:false, first_line and mark on the code tag', async () => {
    const html = await body('{% code lang:js first_line:10 mark:11 %}\na\nb\n{% endcode %}');
    assert.match(html, /<span>10<\/span>\n<span class="pc-marked">11<\/span>/);
    assert.doesNotMatch(await body('{% code line_number:false %}\nx\n{% endcode %}'), /pc-gutter/);
  });

  it('renders blockquote with author, link and title, and its content as Markdown', async () => {
    const html = await body('{% blockquote Paul Graham http://paulgraham.com/x.html Startup Ideas %}\nDo **things** that do not scale.\n{% endblockquote %}');
    assert.match(html, /<blockquote class="pc-blockquote" data-line="3">/);
    assert.match(html, /<strong>things<\/strong>/);
    assert.match(html, /<footer><strong>Paul Graham<\/strong><cite><a href="http:\/\/paulgraham\.com\/x\.html">Startup Ideas<\/a><\/cite><\/footer>/);
  });

  it('reads "author, source" in quote', async () => {
    assert.match(await body('{% quote 兰小欢, 《置身事内》 %}\n政府与经济\n{% endquote %}'), /<strong>兰小欢<\/strong><cite>《置身事内》<\/cite>/);
  });

  it('renders pullquote with its classes', async () => {
    assert.match(await body('{% pullquote left %}\nOne sentence.\n{% endpullquote %}'), /<blockquote class="pullquote left"[^>]*>\n<p[^>]*>One sentence\.<\/p>/);
  });

  it('renders img with class, size, title and alt, root-relative from source/', async () => {
    const html = await body(`{% img banner /images/a.png 600 400 '"A title" "An alt"' %}`);
    assert.match(html, new RegExp(`<img class="banner" src="res:${SAMPLE_BLOG}/source/images/a\\.png"`));
    assert.match(html, /width="600" height="400" title="A title" alt="An alt"/);
  });

  it('takes asset_img, asset_link and asset_path from the post asset folder', async () => {
    const html = await body('{% asset_img summit.png 山顶 %} {% asset_link summit.png 原图 %} {% asset_path summit.png %}');
    const folder = `${SAMPLE_BLOG}/source/_posts/weekend-at-xiangshan`;
    assert.ok(html.includes(`src="res:${folder}/summit.png"`), html);
    assert.ok(html.includes(`title="山顶" alt="山顶"`));
    assert.ok(html.includes(`<a class="pc-asset-link" href="res:${folder}/summit.png" title="原图">原图</a>`));
    assert.ok(html.includes('<code class="pc-asset-path">weekend-at-xiangshan/summit.png</code>'));
  });

  it('links post_link to the target post by slug, with its title and path', async () => {
    const html = await body('See {% post_link go-http-client-timeouts %} and {% post_link ai-side-income-ledger \'那篇流水账\' %}.');
    assert.match(html, new RegExp(`<a class="pc-post-link" href="#go-http-client-timeouts" data-pc-open="${SAMPLE_BLOG}/source/_posts/go-http-client-timeouts\\.md" title="[^"]+">[^<]+</a>`));
    assert.match(html, /data-pc-open="[^"]+ai-side-income-ledger\.md"[^>]*>那篇流水账<\/a>/);
  });

  it('marks a post_link to a missing post', async () => {
    assert.match(await body('{% post_link no-such-post %}'), /<span class="pc-broken-link" title="No post named “no-such-post”">no-such-post<\/span>/);
  });

  it('renders post_path as a link to the post', async () => {
    assert.match(await body('{% post_path go-http-client-timeouts %}'), /class="pc-post-link"[^>]*data-pc-open="[^"]+go-http-client-timeouts\.md"/);
  });

  it('renders link/a with text, URL and title', async () => {
    const html = await body('{% link "tag plugins" https://hexo.io/docs/tag-plugins true Hexo docs %}');
    assert.match(html, /<a href="https:\/\/hexo\.io\/docs\/tag-plugins" title="Hexo docs">tag plugins<\/a>/);
    assert.match(await body('{% a Home https://example.com %}'), /<a href="https:\/\/example\.com">Home<\/a>/);
  });

  it('shows iframe as a labelled placeholder, never a frame', async () => {
    const html = await body('{% iframe https://player.bilibili.com/player.html?bvid=1 800 600 %}');
    assert.doesNotMatch(html, /<iframe/);
    assert.match(html, /<span class="pc-embed" role="note"><span class="pc-embed-label">Embedded frame<\/span> <a href="https:\/\/player\.bilibili\.com\/player\.html\?bvid=1">/);
  });

  it('renders include_code from source/downloads/code with from/to', async () => {
    const path = `${SAMPLE_BLOG}/source/downloads/code/hello.py`;
    const html = (await renderAs(POST, '{% include_code Hello lang:python from:2 to:3 hello.py %}\n', { includes: new Map([[path, 'a = 1\nb = 2\nc = 3\nd = 4']]) })).bodyHtml;
    assert.match(html, /<span class="pc-code-title">Hello<\/span>/);
    assert.match(html, /<span>2<\/span>\n<span>3<\/span>/);
    assert.match(html, /b = <span class="hljs-number">2<\/span>/);
    assert.doesNotMatch(html, /a = /);
    assert.match(await body('{% include_code missing.js %}'), /pc-tag-error[^>]*>File not found: [^<]+missing\.js/);
  });

  it('renders url_for as a link', async () => {
    assert.match(await body('{% url_for 关于 /about/ %}'), /<a href="\/about\/">关于<\/a>/);
  });

  it('writes raw blocks out as (sanitized) HTML, without running tags inside', async () => {
    const html = await body('{% raw %}\n<div id="app"><p>{{ message }}</p><button @click="x">{% not_a_tag %}</button></div>\n{% endraw %}');
    assert.match(html, /<div class="pc-raw" data-line="3"><div id="app"><p>\{\{ message \}\}<\/p>\{% not_a_tag %\}<\/div>/);
  });

  it('strips raw markers inside inline code, as Hexo renders them', async () => {
    assert.match(await body('Use `{% raw %}{{ }}{% endraw %}` here.'), /<code>\{\{ \}\}<\/code>/);
  });

  it('shows unknown block tags (NexT note, tabs) as a labelled box with their Markdown content', async () => {
    const html = await body('{% note info %}\n**注意**：这是提示。\n{% endnote %}');
    assert.match(html, /<div class="pc-tag-box" data-tag="note" data-line="3"><div class="pc-tag-label">Tag plugin note info<\/div>\n<p data-line="4"><strong>注意<\/strong>：这是提示。<\/p>/);
    const tabs = await body('{% tabs demo %}\n<!-- tab A -->\nfirst\n<!-- endtab -->\n{% endtabs %}');
    assert.match(tabs, /data-tag="tabs"/);
    assert.doesNotMatch(tabs, /\{%/);
  });

  it('shows unknown inline tags as a labelled chip, paired ones with their content', async () => {
    assert.match(await body('Hi {% fa fa-star %} there'), /<span class="pc-tag-chip" data-tag="fa">fa fa-star<\/span>/);
    assert.match(await body('A {% label primary %}tag *text*{% endlabel %} B'), /<span class="pc-tag-inline" data-tag="label"><span class="pc-tag-label">label primary<\/span>tag <em>text<\/em><\/span>/);
  });

  it('flags a block tag without its end tag', async () => {
    assert.match(await body('{% codeblock %}\nno end'), /pc-tag-error[^>]*>\{% codeblock %\} has no \{% endcodeblock %\}/);
  });

  it('leaves tags inside fenced code alone', async () => {
    assert.match(await body('```\n{% post_link x %}\n```'), /\{% post_link x %\}/);
  });

  it('shows tags as written with disableNunjucks: true', async () => {
    const rendered = await renderAs(POST, '---\ntitle: t\ndisableNunjucks: true\n---\nText {% post_link go-http-client-timeouts %}\n');
    assert.match(rendered.bodyHtml, /Text \{% post_link go-http-client-timeouts %\}/);
    assert.match(rendered.bodyHtml, /disableNunjucks: tag plugins are shown as written/);
  });

  it('shows <!-- more --> as an "excerpt ends here" divider, or as ignored when excerpt is set', async () => {
    assert.match(await body('intro\n\n<!-- more -->\n\nrest'), /<div class="pc-more" role="separator" data-line="5"><span>Excerpt ends here<\/span><\/div>/);
    const withExcerpt = await renderAs(POST, '---\ntitle: t\nexcerpt: Short.\n---\nintro\n\n<!--more-->\n');
    assert.match(withExcerpt.bodyHtml, /pc-more-ignored/);
  });
});
