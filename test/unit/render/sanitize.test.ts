import * as assert from 'node:assert/strict';
import { sanitizeHtml, sanitizeStyle, type UrlPolicy } from '../../../src/core/render';
import { renderAs, SAMPLE_BLOG } from './sampleSite';

const policy: UrlPolicy = {
  image: (src) => (/^javascript:/i.test(src.replace(/\s/g, '')) ? undefined : { src }),
  link: (href) => (/^(javascript|vbscript|data):/i.test(href.replace(/[\s\u0000-\u001f]/g, '')) ? undefined : { href }),
  frame: (src) => `[frame ${src}]`,
};
const clean = (html: string) => sanitizeHtml(html, policy);
const body = async (markdown: string) => (await renderAs('source/_posts/x.md', `---\ntitle: t\n---\n${markdown}\n`)).bodyHtml;

describe('preview renderer: sanitizing raw HTML', () => {
  it('keeps harmless formatting HTML', () => {
    assert.equal(clean('<p align="center"><font color="red">红</font> <kbd>Ctrl</kbd><sup>1</sup></p>'), '<p align="center"><font color="red">红</font> <kbd>Ctrl</kbd><sup>1</sup></p>');
    assert.equal(clean('<details open><summary>More</summary>text</details>'), '<details open=""><summary>More</summary>text</details>');
  });

  it('drops <script> with its content', () => {
    assert.equal(clean('<p>a<script>window.__pwned = 1</script>b</p>'), '<p>ab</p>');
    assert.equal(clean('<SCRIPT SRC=//evil.example/x.js></SCRIPT>'), '');
  });

  it('drops every on* event handler attribute', () => {
    assert.equal(clean('<img src="x.png" onerror="alert(1)" OnLoad=alert(1)>'), '<img src="x.png">');
    assert.equal(clean('<div onmouseover="x()">hi</div>'), '<div>hi</div>');
  });

  it('drops javascript:, vbscript: and data: link targets, however they are spelled', () => {
    assert.equal(clean('<a href="javascript:alert(1)">x</a>'), '<a>x</a>');
    assert.equal(clean('<a href="&#106;avascript:alert(1)">x</a>'), '<a>x</a>');
    assert.equal(clean('<a href="java\tscript:alert(1)">x</a>'), '<a>x</a>');
    assert.equal(clean('<a href="data:text/html,<script>alert(1)</script>">x</a>'), '<a>x</a>');
  });

  it('drops <base>, <meta http-equiv>, <link>, <style> and <form> machinery', () => {
    assert.equal(clean('<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><link rel="stylesheet" href="x.css">'), '');
    assert.equal(clean('<style>body{background:url(javascript:alert(1))}</style>ok'), 'ok');
    assert.equal(clean('<form action="https://evil.example"><input name="q"><button>Go</button></form>'), 'Go');
  });

  it('drops SVG, MathML, object and embed with their content', () => {
    assert.equal(clean('<svg onload="alert(1)"><script>alert(1)</script></svg>after'), 'after');
    assert.equal(clean('<math><mtext><img src=x onerror=alert(1)></mtext></math>'), '');
    assert.equal(clean('<object data="x.swf"><param name="a"></object><embed src="x.swf">'), '');
  });

  it('turns iframes into the labelled placeholder', () => {
    assert.equal(clean('<iframe src="https://www.youtube.com/embed/x" onload="alert(1)"></iframe>'), '[frame https://www.youtube.com/embed/x]');
  });

  it('filters style attributes: layout and colour stay, expressions and url() go', () => {
    assert.equal(sanitizeStyle('color: red; text-align: center'), 'color: red; text-align: center');
    assert.equal(sanitizeStyle('width: expression(alert(1))'), '');
    assert.equal(sanitizeStyle('background-image: url(javascript:alert(1))'), '');
    assert.equal(sanitizeStyle('color: rgb(1, 2, 3); position: fixed'), 'color: rgb(1, 2, 3)');
    assert.equal(sanitizeStyle('color: re\\64'), '');
    assert.equal(clean('<span style="behavior: url(x.htc)">x</span>'), '<span>x</span>');
  });

  it('escapes text and attribute values it writes back', () => {
    assert.equal(clean('<p title="a&quot; onmouseover=&quot;x">1 &lt; 2</p>'), '<p title="a&quot; onmouseover=&quot;x">1 &lt; 2</p>');
  });

  it('passes unbalanced tags through, so <div align=center> … </div> around Markdown works', async () => {
    const html = await body('<div align="center">\n\n![logo](/images/logo.png)\n\n</div>');
    assert.match(html, new RegExp(`^<div align="center">\\n<p data-line="5"><img src="res:${SAMPLE_BLOG}/source/images/logo\\.png"[^>]*></p>\\n</div>`));
  });

  it('sanitizes inline HTML inside paragraphs', async () => {
    assert.match(await body('Hello <img src=x onerror=alert(1)> <b onclick="x">b</b>'), /Hello <img src="[^"]*x"[^>]*> <b>b<\/b>/);
  });

  it('refuses javascript: in Markdown links and images', async () => {
    const html = await body('[x](javascript:alert(1)) ![y](javascript:alert(1))');
    assert.doesNotMatch(html, /javascript:[^<]*"/);
    assert.doesNotMatch(html, /href="javascript/);
  });
});
