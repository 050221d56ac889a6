import * as assert from 'node:assert/strict';
import { findAutolinks } from '../../../../src/core/render/autolink';
import { loadHugoSite, type HugoSite } from '../../../../src/core/generators/hugo/hugoSite';
import { goPrint, pageParam } from '../../../../src/core/generators/hugo/params';
import { findGoldmarkLinks } from '../../../../src/core/generators/hugo/render/goldmarkLinkify';
import { hugoBodySyntax } from '../../../../src/core/generators/hugo/render/hugoBody';
import { renderPost } from '../../../../src/core/render';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

/**
 * The Hugo preview where Goldmark and Hugo's built-ins decide: every expected fragment below is what
 * hugo 0.111.3 wrote for the same Markdown (a tiny site in /tmp, `layouts/_default/single.html` = `{{ .Content }}`).
 */
const CONFIG = 'baseURL = "https://example.org/"\n[params]\n  author = "Site Author"\n  Color = "blue"\n  [params.Social]\n    github = "me"\n';
const MATH_CONFIG = 'baseURL = "https://example.org/"\n[params]\n  math = true\n';

async function site(config = CONFIG): Promise<HugoSite> {
  return loadHugoSite(new MemoryFileSystem({ '/h/hugo.toml': config }), '/h');
}

async function body(text: string, config?: string): Promise<string> {
  const hugo = await site(config);
  return renderPost(text, { documentPath: '/h/content/posts/a.md', site: hugo, syntax: hugoBodySyntax, resourceUrl: (file) => `res:${file}` })
    .bodyHtml.replace(/ data-line="\d+"/g, '');
}

const FRONT = '---\ntitle: A\nSubtitle: Sub\nauthor:\n  name: Page Author\ncount: 3\nflag: true\nlist: [x, z]\n---\n';

describe('the Hugo preview as hugo renders it', () => {
  describe('the param shortcode', () => {
    it('prints the page\'s front matter, keys in any case, dotted paths into maps', async () => {
      const html = await body(`${FRONT}p1 {{< param "subtitle" >}} end\n\np2 {{% param author.name %}} end\n\np7 {{% param "title" %}}\n`);
      assert.match(html, /<p>p1 Sub end<\/p>/);
      assert.match(html, /<p>p2 Page Author end<\/p>/);
      assert.match(html, /<p>p7 A<\/p>/);
    });

    it('falls back on the site\'s [params], whatever the case of their keys', async () => {
      const html = await body(`${FRONT}p4 {{< param "Color" >}} end\n\np5 {{< param social.github >}} end\n`);
      assert.match(html, /<p>p4 blue end<\/p>/);
      assert.match(html, /<p>p5 me end<\/p>/);
    });

    it('prints maps, numbers, booleans and lists as Go prints them', async () => {
      const html = await body(`${FRONT}p3 {{< param "author" >}} end\n\np6 {{< param count >}} / {{< param flag >}} / {{< param list >}}\n`);
      assert.match(html, /<p>p3 map\[name:Page Author\] end<\/p>/);
      assert.match(html, /<p>p6 3 \/ true \/ \[x z\]<\/p>/);
    });

    it('shows a key hugo finds nothing for (or false, 0, "") as the error that stops hugo\'s build', async () => {
      const html = await body('---\ntitle: B\noff: false\n---\na {{< param nothere >}} b {{< param off >}}\n\n{{< param zero >}}\n');
      assert.match(html, /a <span class="pc-broken-link" title="No param “nothere”[^"]*">param nothere<\/span> b <span class="pc-broken-link" title="No param “off”/);
      assert.match(html, /<p><span class="pc-broken-link" title="No param “zero”[^"]*">param zero<\/span><\/p>/);
    });

    it('writes a value with {{< >}} as text and with {{% %}} as Markdown', async () => {
      const html = await body('---\nmark: "*x* <b>"\n---\n{{< param mark >}} / {{% param mark %}}\n');
      assert.match(html, /<p>\*x\* &lt;b&gt; \/ <em>x<\/em> /);
    });

    it('shows a changed front-matter value in a long post whose other sections the preview reuses', async () => {
      const hugo = await site();
      // Sections start at headings (blockCache.ts): the shortcode's section is one of many.
      const filler = Array.from({ length: 100 }, (_, i) => `## Part ${i}\n\nParagraph ${i} with some words in it.`).join('\n\n');
      const render = (who: string) => renderPost(`---\nwho: ${who}\n---\n${filler}\n\nBy {{< param who >}}.\n`, { documentPath: '/h/content/posts/long.md', site: hugo, syntax: hugoBodySyntax, resourceUrl: String }).bodyHtml;
      assert.match(render('Ann'), /By Ann\./);
      assert.match(render('Ann'), /By Ann\./);
      assert.match(render('Bob'), /By Bob\./);
    });

    it('looks a key up as .Param does: page first, then site; whole key, then path', () => {
      assert.equal(pageParam({ Author: 'page' }, { author: 'site' }, 'AUTHOR'), 'page');
      assert.equal(pageParam({ author: { name: 'n' } }, { author: { email: 'e' } }, 'author.email'), 'e');
      assert.equal(pageParam({ 'a.b': 1, a: { b: 2 } }, {}, 'a.b'), 1);
      assert.equal(goPrint(new Date('2024-01-02T03:04:05Z')), '2024-01-02 03:04:05 +0000 UTC');
      assert.equal(goPrint({ b: [1, 2], a: 'x' }), 'map[a:x b:[1 2]]');
    });
  });

  describe('math', () => {
    it('leaves $$…$$ and $…$ as text, as Goldmark does, when the site does not set params.math', async () => {
      const html = await body('---\ntitle: M\n---\n$$x^2$$\n\ninline $a+b$ here\n');
      assert.match(html, /<p>\$\$x\^2\$\$<\/p>\n<p>inline \$a\+b\$ here<\/p>/);
    });

    it('renders formulas with KaTeX when the site\'s or the page\'s math param is true', async () => {
      const bySite = await body('---\ntitle: M\n---\ninline $a+b$ here\n', MATH_CONFIG);
      assert.match(bySite, /class="katex"/);
      const byPage = await body('---\ntitle: M\nmath: true\n---\ninline $a+b$ here\n');
      assert.match(byPage, /class="katex"/);
      const pageOff = await body('---\ntitle: M\nmath: false\n---\ninline $a+b$ here\n', MATH_CONFIG);
      assert.doesNotMatch(pageOff, /katex/);
    });
  });

  describe('definition lists', () => {
    it('writes terms and definitions as hugo does, one <dl> for consecutive groups, loose after a blank line', async () => {
      const html = await body('---\ntitle: C\n---\nT1\nT2\n: d1\n  lazy more\n\nLoose\n\n: d2 para\n\n  second para\n\nTilde\n~ not a def\n');
      assert.equal(html, '<dl>\n<dt>T1</dt>\n<dt>T2</dt>\n<dd>d1\nlazy more</dd>\n<dt>Loose</dt>\n<dd>\n<p>d2 para</p>\n<p>second para</p>\n</dd>\n</dl>\n<p>Tilde\n~ not a def</p>\n');
    });

    it('takes several definitions and inline Markdown in terms, but not a `:` line continuing a list item', async () => {
      const html = await body('---\ntitle: C\n---\nTerm\n: definition one\n: definition two\n\nTerm *two*\n: def\n\n-   list\n: x\n');
      assert.match(html, /<dl>\n<dt>Term<\/dt>\n<dd>definition one<\/dd>\n<dd>definition two<\/dd>\n<dt>Term <em>two<\/em><\/dt>\n<dd>def<\/dd>\n<\/dl>/);
      assert.match(html, /<li>list\n: x<\/li>/);
    });

    it('stays a paragraph where the site turns the extension off', async () => {
      const html = await body('---\ntitle: C\n---\nTerm\n: def\n', `${CONFIG}[markup.goldmark.extensions]\n  definitionList = false\n`);
      assert.doesNotMatch(html, /<dl>/);
    });
  });

  describe('linkify', () => {
    const links = (text: string): string[] => findGoldmarkLinks(text).map((link) => `${text.slice(link.start, link.end)}→${link.href}`);

    it('links URLs, www. (as https) and addresses after a space or at the start, giving back what Goldmark gives back', () => {
      assert.deepEqual(links('Visit https://example.com/path?x=1. and www.example.org and http://a.b/c), foo@bar.com and ftp://x.y/z and example.com.'), [
        'https://example.com/path?x=1→https://example.com/path?x=1', 'www.example.org→https://www.example.org',
        'http://a.b/c)→http://a.b/c)', 'foo@bar.com→mailto:foo@bar.com', 'ftp://x.y/z→ftp://x.y/z',
      ]);
      assert.deepEqual(links('http://a.b/c_(d)) and (https://x.y/z) and https://x.y:8080/p and https://x.y/a;b'), [
        'http://a.b/c_(d)→http://a.b/c_(d)', 'https://x.y/z→https://x.y/z', 'https://x.y:8080/p→https://x.y:8080/p', 'https://x.y/a;b→https://x.y/a;b',
      ]);
      assert.deepEqual(links('https://x.y/?! and https://x.y/a"b'), ['https://x.y/→https://x.y/', 'https://x.y/a"b→https://x.y/a"b']);
    });

    it('does not link after Chinese text or a tab, a bare host, localhost, or an address followed by - or _', () => {
      assert.deepEqual(links('中文https://x.y/z 中文 https://q.r/s'), ['https://q.r/s→https://q.r/s']);
      assert.deepEqual(links('tab\thttps://a.b/tab'), []);
      assert.deepEqual(links('http://localhost:8080/x and example.com'), []);
      assert.deepEqual(links('a foo_bar@x.com b x@y.com- c @z.com d a.b@c.d. e'), ['foo_bar@x.com→mailto:foo_bar@x.com', 'a.b@c.d→mailto:a.b@c.d']);
      assert.deepEqual(links('x_https://a.b/c a~https://a.b/d'), ['https://a.b/c→https://a.b/c', 'https://a.b/d→https://a.b/d']);
    });

    it('replaces Hexo\'s autolinks in the rendered body, after code and links too, never inside them', async () => {
      const html = await body('---\ntitle: L\n---\n`c`https://a.b/c and [https://in.link](/x) and `https://code.x` and *https://x.y/em*\n');
      assert.match(html, /<code>c<\/code><a href="https:\/\/a.b\/c">https:\/\/a.b\/c<\/a>/);
      assert.match(html, /<code>https:\/\/code.x<\/code>/);
      assert.match(html, /<em><a href="https:\/\/x.y\/em">https:\/\/x.y\/em<\/a><\/em>/);
      assert.doesNotMatch(html, /<a href="https:\/\/in.link/);
      const hexoWouldLink = await body('---\ntitle: L\n---\n中文https://x.y/z\n');
      assert.doesNotMatch(hexoWouldLink, /<a /);
      assert.equal(findAutolinks('中文https://x.y/z').length, 1, 'Hexo\'s autolinks are unchanged');
    });

    it('follows the site\'s linkify and linkifyProtocol settings', async () => {
      const off = await body('---\ntitle: L\n---\nsee https://a.b/c\n', `${CONFIG}[markup.goldmark.extensions]\n  linkify = false\n`);
      assert.doesNotMatch(off, /<a /);
      const http = await body('---\ntitle: L\n---\nsee www.a.bc\n', `${CONFIG}[markup.goldmark.extensions]\n  linkifyProtocol = "http"\n`);
      assert.match(http, /<a href="http:\/\/www.a.bc">www.a.bc<\/a>/);
    });
  });

  it('leaves raw HTML out, as hugo does without markup.goldmark.renderer.unsafe, and keeps it with it', async () => {
    // hugo 0.111: <p>Text <!-- raw HTML omitted -->inline<!-- raw HTML omitted --> end.</p>, the block and the comment omitted.
    const text = '---\ntitle: R\n---\nText <span class="x">inline</span> end.\n\n<div class="box">\nblock\n</div>\n\n<!-- a comment -->\n\nAfter.\n';
    const omitted = await body(text);
    assert.match(omitted, /<p>Text inline end\.<\/p>/);
    assert.doesNotMatch(omitted, /box|block|comment/);
    assert.match(omitted, /<p>After\.<\/p>/);
    const kept = await body(text, 'baseURL = "https://example.org/"\n[markup.goldmark.renderer]\n  unsafe = true\n');
    assert.match(kept, /<span class="x">inline<\/span>/);
    assert.match(kept, /<div class="box">/);
  });
});
