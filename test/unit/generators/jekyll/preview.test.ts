import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { nodeFileSystem, toCorePath } from '../../../../src/cli/nodeFileSystem';
import { SiteIndex } from '../../../../src/core/index/siteIndex';
import { JekyllSite, loadJekyllSite } from '../../../../src/core/generators/jekyll/jekyllSite';
import { JEKYLL_DEFAULT_CONFIG } from '../../../../src/core/generators/jekyll/jekyllConfig';
import { jekyllBodySyntax } from '../../../../src/core/generators/jekyll/render/jekyllBody';
import { renderPost, type RenderedPost } from '../../../../src/core/render';

/**
 * The preview of a Jekyll post, against what `jekyll build` (Debian's 4.3.1, kramdown 2, Liquid 5.4)
 * wrote for the same fixture (test/fixtures/jekyll-sites/preview): the expected fragments are copied
 * from its output, with the preview's own markup (code figures, KaTeX) where the two differ by design.
 */
const SITE = toCorePath(path.resolve(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'jekyll-sites', 'preview'));
let sample: Promise<SiteIndex> | undefined;

async function render(relative: string, text?: string, includes = true): Promise<RenderedPost> {
  sample ??= loadJekyllSite(nodeFileSystem, SITE).then((site) => SiteIndex.build(site, nodeFileSystem));
  const index = await sample;
  const documentPath = `${SITE}/${relative}`;
  const body = text ?? readFileSync(documentPath, 'utf8');
  const syntax = await index.site.generator.loadBodySyntax();
  const context = { documentPath, site: index.site, index, syntax, resourceUrl: (file: string) => `res:${file}` };
  const files = new Map<string, string | undefined>();
  if (includes) {
    for (const file of syntax.collectIncludes(body, context)) {
      try {
        files.set(file, readFileSync(file, 'utf8'));
      } catch {
        files.set(file, undefined);
      }
    }
  }
  return renderPost(body, { ...context, includes: files });
}

/** The body without the preview's scroll-sync attributes, to compare with Jekyll's HTML. */
function plain(html: string): string {
  return html.replace(/ data-line="\d+"/g, '');
}

describe('the preview of a Jekyll post', () => {
  describe('kramdown', () => {
    it('gives headers the ids kramdown gives them (CJK kept, punctuation dropped, repeats numbered, a leading digit kept)', async () => {
      const post = await render('_posts/2024-03-04-headings.md');
      assert.deepEqual(post.headings.map((heading) => heading.id), [
        'hello-world', 'hello-world-1', 'hello-world-2', '123-leading-digit', '中文标题', '中文-and-english', 'whats-this-a-b-c',
        'foo_bar-baz--spaces', 'bold-and-code-and-link', 'ünïcödé-café', '15-version', 'dashes', 'abc', 'hello-world-3',
        'héllo_wörld', 'x2-math', 'emoji--here', 'a-x', 'my-id', 'attr-id',
      ]);
      assert.match(plain(post.bodyHtml), /<p>#<\/p>/, 'a lone # is no header');
    });

    it('applies attribute lists (class and id only) and never shows them', async () => {
      const html = plain((await render('_posts/2024-03-04-headings.md')).bodyHtml);
      assert.match(html, /<h1 class="cls" id="attr-id">Attr<\/h1>/);
      assert.match(html, /<h1 id="my-id">Custom<\/h1>/);
      assert.match(html, /<p class="red">para2<\/p>/, 'Jekyll: <p class="red" onclick="alert(1)">para2</p>, without the handler');
      assert.match(html, /<p><em class="green">span<\/em> text<\/p>/);
      assert.match(html, /<p>para \{: \.x\}<\/p>/, 'a list that follows no span is text, as kramdown leaves it');
      assert.doesNotMatch(html.replace('para {: .x}', ''), /onclick|\{: ?[.#]/);
    });

    it('gives a list to the block right before it, else to the next one, as kramdown does', async () => {
      const html = plain((await render('_posts/2024-03-07-attribute-lists.md')).bodyHtml);
      // Jekyll: <ul class="list">, <blockquote class="bq">, <ul class="before">, <p>para</p> <p class="alone">next para</p>, <table class="table">
      assert.match(html, /<ul class="list">\n<li>a<\/li>/);
      assert.match(html, /<blockquote class="bq">\n<p>quote<\/p>/);
      assert.match(html, /<ul class="before">\n<li>c<\/li>/);
      assert.match(html, /<p>para<\/p>\n<p class="alone">next para<\/p>/);
      assert.match(html, /<table class="table">/);
      assert.match(html, /<a class="lnk" href="http:\/\/y">x<\/a> and <code>code<\/code> and <strong class="bb">b<\/strong>/);
      assert.doesNotMatch(html, /\{:/);
    });

    it('writes {:toc} as kramdown\'s table of contents', async () => {
      const html = plain((await render('_posts/2024-03-04-headings.md')).bodyHtml);
      assert.match(html, /<ul id="markdown-toc"><li><a href="#hello-world" id="markdown-toc-hello-world">Hello World<\/a><ul><li><a href="#hello-world-1" id="markdown-toc-hello-world-1">Hello World<\/a><\/li><li><a href="#hello-world-2"[^>]*>Hello World<\/a><\/li><\/ul><\/li><li><a href="#123-leading-digit"/);
      assert.doesNotMatch(html, /\{:toc\}|<li>TOC/);
    });

    it('reads $$…$$ as math, inline and as a block, and a single $ as a dollar sign', async () => {
      const html = plain((await render('_posts/2024-03-04-headings.md')).bodyHtml);
      assert.match(html, /<p>Inline <span class="katex">.*<annotation encoding="application\/x-tex">a\+b<\/annotation>.* and \$5 and \$10 dollars \$x\$\.<\/p>/);
      assert.match(html, /<div class="pc-math"><span class="katex-display">.*E = mc\^2/);
    });

    it('numbers footnotes as kramdown does', async () => {
      const html = plain((await render('_posts/2024-03-04-headings.md')).bodyHtml);
      assert.match(html, /<p>Footnote<sup class="footnote-ref"><a href="#fn1" id="fnref1">1<\/a><\/sup> here\.<\/p>/);
      assert.match(html, /The note\./);
    });

    it('keeps line breaks as spaces and bare URLs as text, as kramdown does', async () => {
      const html = plain((await render('_posts/2024-03-05-liquid.md')).bodyHtml);
      assert.match(html, /<p>line one\nline two https:\/\/example.com bare<\/p>/);
      assert.match(html, /<s>strike<\/s> and H~2~O/);
    });
  });

  describe('Liquid', () => {
    it('prints site and page values, with the defaults, the date and the filters Jekyll applies', async () => {
      const html = plain((await render('_posts/2024-03-05-liquid.md')).bodyHtml);
      // Jekyll: "T: My “Blog” <b> / Ann / 42 / ab / [] / Liquid / happy / deep / xy / <script>alert(1)</script>"
      assert.match(html, /T: My “Blog” <b> \/ Ann \/ 42 \/ ab \/ \[\] \/ Liquid \/ happy \/ deep \/ xy \/ alert\(1\)\n/);
      assert.match(html, /D: 2024-03-05 00:00:00 \+0000 \/ 2024 \/ Mar 5, 2024 \/ \/blog\/x.png \/ \/blog\/x.png \/ LIQUID \/ Liquid \/ dflt \//);
      assert.doesNotMatch(html, /<script/);
    });

    it('shows raw bodies as written and runs Liquid in code spans, as Jekyll does', async () => {
      const html = plain((await render('_posts/2024-03-05-liquid.md')).bodyHtml);
      assert.match(html, /R: \{\{ not \}\} \{% if %\} <code>Liquid<\/code>/);
    });

    it('highlights {% highlight %} blocks, with line numbers for linenos', async () => {
      const html = plain((await render('_posts/2024-03-05-liquid.md')).bodyHtml);
      assert.match(html, /<figure class="pc-code highlight ruby"><figcaption><span class="pc-code-lang">ruby<\/span><\/figcaption><div class="pc-code-body"><pre class="pc-gutter" aria-hidden="true"><span>1<\/span>\n<span>2<\/span>\n<span>3<\/span><\/pre>/);
      assert.match(html, /<figure class="pc-code highlight js">/);
      assert.doesNotMatch(html, /highlight ruby linenos|endhighlight/);
    });

    it('leaves comments out, takes the branch an if takes, and prints what assign and capture set', async () => {
      const html = plain((await render('_posts/2024-03-05-liquid.md')).bodyHtml);
      assert.match(html, /<p>A\nB<\/p>/, 'Jekyll: <p>A  B</p>');
      assert.match(html, /<p>Shown if<\/p>/);
      assert.match(html, /<p>V=assigned<\/p>/);
      assert.match(html, /<p>C=captured<\/p>/);
      assert.match(html, /<p>I: U Y C 2 {2}NE<\/p>/);
      assert.match(html, /<p>K: HH2 none<\/p>/, 'every matching when, as Liquid 5 renders them');
      assert.match(html, /<h2 id="from-an-if-block">From an if block<\/h2>\n<p>Some <em>text<\/em>\.<\/p>/);
      assert.match(html, /<p>L5: LIQUIDtrimmedend<\/p>/, "Liquid 5's inline comment and echo, and {%- -%} trimming");
      assert.doesNotMatch(html.replace('R: {{ not }} {% if %}', ''), /\{%|stuff/);
    });

    it('shows an include from the installed theme when the site has none of that name', () => {
      const site = new JekyllSite('/blog', { ...JEKYLL_DEFAULT_CONFIG, theme: 'minima' }, [], new Map(), new Map(), new Map(), [], new Set(), '/gems/minima');
      const context = { documentPath: '/blog/_posts/2024-01-01-a.md', site, syntax: jekyllBodySyntax, resourceUrl: (file: string) => file };
      const text = '---\ntitle: A\n---\n{% include note.html %}\n';
      const paths = jekyllBodySyntax.collectIncludes(text, context);
      assert.deepEqual(paths, ['/blog/_includes/note.html', '/gems/minima/_includes/note.html']);
      const includes = new Map<string, string | undefined>([[paths[0], undefined], [paths[1], '<p class="theme">From the theme</p>']]);
      assert.equal(plain(renderPost(text, { ...context, includes }).bodyHtml), '<p class="theme">From the theme</p>');
    });

    it('shows an include it did not read (one inside an include) as a plain box', async () => {
      const html = plain((await render('_posts/2024-03-06-x.md', '---\ntitle: X\n---\n{% include nothing.html %}\n', false)).bodyHtml);
      assert.match(html, /^<div class="pc-tag-box" data-tag="include"><div class="pc-tag-label">include nothing.html<\/div><\/div>\n$/);
    });

    it('runs for loops over lists, ranges and the site\'s posts, a loop on lines of its own as a block', async () => {
      const post = await render('_posts/2024-03-05-liquid.md');
      const html = plain(post.bodyHtml);
      assert.match(html, /<p>\[x\]\[y\]<\/p>/);
      assert.match(html, /<p>F: 3,2,1\. empty \[y\]<\/p>/);
      // Jekyll: <ul><li><p>Attribute lists (2024-03-07)</p></li><li><p>More headings (2024-03-06)</p></li></ul>
      assert.match(html, /<ul>\n<li>\n<p>Attribute lists \(2024-03-07\)<\/p>\n<\/li>\n<li>\n<p>More headings \(2024-03-06\)<\/p>\n<\/li>\n<\/ul>\n<p>After the loop\.<\/p>/);
      const source = readFileSync(`${SITE}/_posts/2024-03-05-liquid.md`, 'utf8').split('\n').indexOf('After the loop.');
      assert.match(post.bodyHtml, new RegExp(`<p data-line="${source}">After the loop\\.</p>`), 'the lines after a loop keep their numbers');
    });

    it('shows includes from _includes with their parameters, and Markdown ones as Markdown', async () => {
      const html = plain((await render('_posts/2024-03-05-liquid.md')).bodyHtml);
      assert.match(html, /<p>Included param and Liquid<\/p>/);
      assert.match(html, /<p>Markdown <strong>include<\/strong><\/p>/);
    });

    it('shows an include that is not there as a box', async () => {
      const html = plain((await render('_posts/2024-03-06-x.md', '---\ntitle: X\n---\n{% include nothing.html %}\n\nText {% include nothing.html %}.\n')).bodyHtml);
      assert.match(html, /<div class="pc-tag-box pc-tag-error" data-tag="include" title="File not found: [^"]*\/_includes\/nothing.html"><div class="pc-tag-label">include nothing.html<\/div><\/div>/);
      assert.match(html, /<p>Text <span class="pc-tag-inline pc-tag-error" data-tag="include"[^>]*><span class="pc-tag-label">include nothing.html<\/span><\/span>\.<\/p>/);
    });

    it('links post_url and link to the file they name, and shows a target that is not there in red', async () => {
      const html = plain((await render('_posts/2024-03-05-liquid.md')).bodyHtml);
      assert.match(html, /<a href="\/_posts\/2024-03-04-headings.md" data-pc-open="[^"]*\/_posts\/2024-03-04-headings.md">post<\/a> \/_posts\/2024-03-04-headings.md/);
      assert.match(html, /<a href="\/about\/index.md" data-pc-open="[^"]*\/about\/index.md">about<\/a>/);
      const broken = plain((await render('_posts/2024-03-06-x.md', '---\ntitle: X\n---\n[a]({% post_url 2020-01-01-nothing %}) and {% link nothing.md %}\n')).bodyHtml);
      assert.match(broken, /<p>\[a\]\(<span class="pc-broken-link" title="No post named “2020-01-01-nothing”">\{% post_url 2020-01-01-nothing %\}<\/span>\) and <span class="pc-broken-link" title="File not found: nothing.md">\{% link nothing.md %\}<\/span><\/p>/);
    });

    it('shows a tag it cannot run as a quiet label, never as {% %} text', async () => {
      const html = plain((await render('_posts/2024-03-06-x.md', '---\ntitle: X\n---\n{% youtube abc %}\n\nSee {% gist 123 %} here.\n\n{% for x in page.list %}\n- {{ x }}\n{% endfor %}\n')).bodyHtml);
      assert.match(html, /<div class="pc-tag-box" data-tag="youtube"><div class="pc-tag-label">youtube abc<\/div><\/div>/);
      assert.match(html, /See <span class="pc-tag-inline" data-tag="gist"><span class="pc-tag-label">gist 123<\/span><\/span> here\./);
      assert.doesNotMatch(html, /\{%/);
    });

    it('shows Liquid in code as written, and an include inside raw HTML with that HTML', async () => {
      const html = plain((await render('_posts/2024-03-06-x.md', '---\ntitle: X\n---\n```\n{% include box.html %}\n{% highlight js %}\na\n{% endhighlight %}\nafter\n```\n\nInline `{% post_url nope %}` code.\n\n<div class="x">\n{% include box.html x="1" %}\n</div>\n')).bodyHtml);
      assert.match(html, /<code class="hljs">\{% include box.html %\}\n\{% highlight js %\}\na\n\{% endhighlight %\}\nafter<\/code>/);
      assert.match(html, /Inline <code>\{% post_url nope %\}<\/code> code\./);
      // The include's <script> goes; its text, inert, stays (read inline, as Liquid wrote it into the HTML).
      assert.match(html, /<div class="x">\n<p>Included 1 and X<\/p>alert\(1\)\n<\/div>/);
      assert.doesNotMatch(html, /<script/);
    });

    it('renders a post outside any site with what it has: the front matter, no site values', async () => {
      const post = renderPost('---\ntitle: Alone\n---\n# {{ page.title }}{{ site.title }}\n', {
        documentPath: '/tmp/alone.md',
        syntax: await (await loadJekyllSite(nodeFileSystem, SITE)).generator.loadBodySyntax(),
        resourceUrl: (file) => file,
      });
      assert.equal(plain(post.bodyHtml), '<h1 id="alone">Alone</h1>\n');
    });
  });
});
