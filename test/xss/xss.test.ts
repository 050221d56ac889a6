import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { renderForHarness, showRendered, startHarness, type PreviewHarness } from './harness';
import { FRONT_MATTER, PAYLOADS } from './payloads';
import { hugoGenerator } from '../../src/core/generators/hugo/hugoGenerator';
import { hugoBodySyntax } from '../../src/core/generators/hugo/render/hugoBody';
import { JEKYLL_DEFAULT_CONFIG } from '../../src/core/generators/jekyll/jekyllConfig';
import { JekyllSite } from '../../src/core/generators/jekyll/jekyllSite';
import { jekyllBodySyntax } from '../../src/core/generators/jekyll/render/jekyllBody';

async function exercise(page: Page): Promise<void> {
  // Give handlers, refreshes and loads their chance, then click and hover everything.
  await page.waitForTimeout(300);
  for (const selector of ['a', 'button', '.xss-link', 'p[title]', 'summary']) {
    for (const element of await page.$$(selector)) {
      await element.hover({ timeout: 500 }).catch(() => undefined);
      await element.click({ timeout: 500, force: true }).catch(() => undefined);
    }
  }
  await page.waitForTimeout(300);
}

/**
 * A hostile post must not run code in the preview. Each payload calls `window.__xss(name)` (a
 * binding into this test) or sets `window.__pwned` if it runs. The corpus goes through the real
 * renderer (sanitizer included) into the real page (CSP, script, morphdom); a second pass sends
 * the payloads unsanitized to show the CSP alone holds too.
 */
describe('the preview in headless Chromium: XSS corpus', function () {
  this.timeout(120000);
  let harness: PreviewHarness;
  const calls: string[] = [];
  const offsite: string[] = [];

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });

  async function openWatched(): Promise<Page> {
    const page = await harness.openPage();
    await page.exposeBinding('__xss', (_source, name: string) => {
      calls.push(name);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(harness.origin) && !request.url().startsWith('data:')) offsite.push(request.url());
    });
    await page.route(/evil\.example/, (route) => route.abort());
    return page;
  }

  it('runs none of the payloads after sanitizing, and renders the post', async () => {
    calls.length = 0;
    offsite.length = 0;
    const page = await openWatched();
    const text = FRONT_MATTER + Object.entries(PAYLOADS).map(([name, payload]) => `## ${name}\n\n${payload}\n`).join('\n');
    const rendered = renderForHarness(harness, text, { documentPath: '/work/post.md' });
    await showRendered(page, rendered);
    await exercise(page);
    const shown = await page.$$eval('#pc-content h2', (elements) => elements.map((element) => element.textContent));
    const headings = shown.length;
    if (process.env.XSS_DEBUG) console.log(Object.keys(PAYLOADS).filter((name) => !shown.includes(name)));
    assert.equal(headings, Object.keys(PAYLOADS).length, `the post rendered (${headings} headings)`);
    assert.equal(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__pwned), 'undefined');
    assert.deepEqual(calls, []);
    assert.deepEqual(offsite.filter((url) => /evil\.example/.test(url)), []);
    assert.equal(await page.$$eval('.pc-post :is(script, iframe, object, embed, base, meta, style, svg, form, input)', (elements) => elements.filter((element) => !element.closest('.katex')).length), 0);
    await page.context().close();
  });

  it('runs none of them even unsanitized: the CSP blocks inline handlers, scripts and frames', async () => {
    calls.length = 0;
    const page = await openWatched();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const bodyHtml = Object.entries(PAYLOADS).filter(([name]) => !name.startsWith('tag-') && !name.startsWith('md-') && name !== 'katex-href' && name !== 'raw-tag')
      .map(([name, payload]) => `<h2>${name}</h2>${payload}`).join('\n');
    await showRendered(page, { headerHtml: '<h1 class="pc-title">unsanitized</h1>', bodyHtml });
    await exercise(page);
    assert.deepEqual(calls, []);
    assert.equal(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__pwned), 'undefined');
    assert.ok(violations.length > 0, 'the CSP reported what it blocked');
    await page.context().close();
  });

  it('runs none of the payloads hidden in Hugo shortcodes (arguments, inner content, refs, embeds)', async () => {
    calls.length = 0;
    offsite.length = 0;
    const page = await openWatched();
    const shortcodes = [
      '{{< figure src="javascript:window.__xss(\'figure-src\')" alt="x" caption="<img src=x onerror=window.__xss(\'caption\')>" >}}',
      '{{< note "<script>window.__xss(\'argument\')</script>" >}}\n<img src=x onerror="window.__xss(\'inner\')">\n<script>window.__xss(\'inner-script\')</script>\n{{< /note >}}',
      '{{% note %}}\n[click](javascript:window.__xss(\'inner-link\'))\n{{% /note %}}',
      '{{< youtube "\\"><script>window.__xss(\'youtube\')</script>" >}}',
      '{{< highlight "html\\"><script>window.__xss(\'lang\')</script>" >}}\n<script>window.__xss(\'code\')</script>\n{{< /highlight >}}',
      '[ref]({{< ref "javascript:window.__xss(\'ref\')" >}}) and {{< param "<img src=x onerror=window.__xss(\'param\')>" >}}',
      '{{< gist "<svg onload=window.__xss(\'gist\')>" "1" >}}',
    ];
    const text = '+++\ntitle = "<img src=x onerror=window.__xss(\'hugo-title\')>"\n+++\n' + shortcodes.map((code, i) => `## case ${i}\n\n${code}\n`).join('\n');
    const rendered = renderForHarness(harness, text, { documentPath: '/work/content/posts/post.md', generator: hugoGenerator, syntax: hugoBodySyntax });
    await showRendered(page, rendered);
    await exercise(page);
    const headings = await page.$$eval('#pc-content h2', (elements) => elements.length);
    assert.equal(headings, shortcodes.length, 'the post rendered');
    assert.ok(rendered.bodyHtml.includes('pc-tag-box') && rendered.bodyHtml.includes('pc-figure'), 'the shortcodes were rendered, not left as text');
    assert.equal(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__pwned), 'undefined');
    assert.deepEqual(calls, []);
    assert.deepEqual(offsite.filter((url) => /evil\.example/.test(url)), []);
    assert.equal(await page.$$eval('.pc-post :is(script, iframe, object, embed, base, meta, style, svg, form, input)', (elements) => elements.length), 0);
    await page.context().close();
  });

  it('runs none of the payloads in Hugo param values, definition lists, Goldmark links and math turned on by the page', async () => {
    calls.length = 0;
    offsite.length = 0;
    const page = await openWatched();
    const pieces = [
      'text {{< param evil >}} and markdown {{% param evil %}}',
      '{{% param evil %}}',
      'link {{% param link %}} and {{< param nested.deep >}}',
      'Term <img src=x onerror="window.__xss(\'term\')">\n: <script>window.__xss(\'definition\')</script>\n: [d](javascript:window.__xss(\'dd-link\'))',
      'see https://x.y/"><img src=x onerror=window.__xss(\'linkify\')> and www.x.yz/\'onmouseover=window.__xss(\'www\')// and a"onmouseover=window.__xss(\'mail\')@b.cd',
      '$\\href{javascript:window.__xss(\'math\')}{x}$ and $$\\htmlId{x" onclick="window.__xss(\'math-block\')}{y}$$',
    ];
    const text = '---\ntitle: P\nmath: true\nevil: "<img src=x onerror=window.__xss(\'param\')>"\nlink: "[l](javascript:window.__xss(\'param-link\'))"\nnested:\n  deep: "<svg onload=window.__xss(\'deep\')>"\n---\n'
      + pieces.map((piece, i) => `## case ${i}\n\n${piece}\n`).join('\n');
    const rendered = renderForHarness(harness, text, { documentPath: '/work/content/posts/post.md', generator: hugoGenerator, syntax: hugoBodySyntax });
    await showRendered(page, rendered);
    await exercise(page);
    assert.equal(await page.$$eval('#pc-content h2', (elements) => elements.length), pieces.length, 'the post rendered');
    assert.ok(/<dl[\s>]/.test(rendered.bodyHtml) && rendered.bodyHtml.includes('class="katex"') && rendered.bodyHtml.includes('href="https://x.y/'), 'the new syntax was rendered, not left as text');
    assert.equal(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__pwned), 'undefined');
    assert.deepEqual(calls, []);
    assert.equal(await page.$$eval('.pc-post :is(script, iframe, object, embed, base, meta, style, svg, form, input)', (elements) => elements.length), 0);
    assert.equal(await page.$$eval('.pc-post [onerror], .pc-post [onload], .pc-post [onmouseover], .pc-post [onclick], .pc-post a[href^="javascript:"]', (elements) => elements.length), 0);
    await page.context().close();
  });
  it('runs none of the payloads in Jekyll includes, Liquid values, attribute lists and highlight blocks', async () => {
    calls.length = 0;
    offsite.length = 0;
    const page = await openWatched();
    const site = new JekyllSite('/work/blog', JEKYLL_DEFAULT_CONFIG, [], new Map(), new Map(), new Map(), [], new Set(), undefined, {
      title: '<img src=x onerror=window.__xss(\'site-title\')>',
      baseurl: '"><script>window.__xss(\'baseurl\')</script>',
    });
    const includes = new Map<string, string | undefined>([
      ['/work/blog/_includes/evil.html', '<script>window.__xss(\'include\')</script><img src=x onerror="window.__xss(\'include-img\')">{{ include.x }}\n\n[l](javascript:window.__xss(\'include-link\'))'],
    ]);
    const pieces = [
      '{% include evil.html x="<svg onload=window.__xss(\'include-param\')>" %}',
      'inline {% include evil.html %} include',
      'value {{ page.x }} and {{ site.title }} and {{ page.x | upcase }}',
      '<a class="xss-link" href="{{ \'/x\' | relative_url }}">rel</a>',
      'para\n{: .red onclick="window.__xss(\'ial\')" #"><script>window.__xss(\'ial-id\')</script>}',
      '*span*{: onmouseover="window.__xss(\'span-ial\')" .green}',
      '{% highlight html"><script>window.__xss(\'lang\')</script> %}\n<script>window.__xss(\'code\')</script>\n{% endhighlight %}',
      '{% highlight html linenos %}\n<script>window.__xss(\'highlighted\')</script>{{ page.x }}\n{% endhighlight %}',
      '[post]({% post_url "><script>window.__xss(\'post-url\')</script> %}) {% link javascript:window.__xss(\'link\') %}',
      '{% raw %}<img src=x onerror="window.__xss(\'raw\')">{% endraw %} {% unknown <script>window.__xss(\'tag\')</script> %}',
      '{% for item in page.list %}\n- {{ item }} <img src=x onerror="window.__xss(\'loop\')">\n{% endfor %}',
    ];
    const text = '---\ntitle: P\nx: "<script>window.__xss(\'page-x\')</script><img src=x onerror=window.__xss(\'page-x-img\')>"\nlist: ["<svg onload=window.__xss(\'item\')>", "[l](javascript:window.__xss(\'item-link\'))"]\n---\n'
      + pieces.map((piece, i) => `## case ${i}\n\n${piece}\n`).join('\n');
    const rendered = renderForHarness(harness, text, { documentPath: '/work/blog/_posts/2024-01-01-post.md', site, includes, syntax: jekyllBodySyntax });
    await showRendered(page, rendered);
    await exercise(page);
    assert.equal(await page.$$eval('#pc-content h2', (elements) => elements.length), pieces.length, 'the post rendered');
    assert.ok(rendered.bodyHtml.includes('pc-code') && rendered.bodyHtml.includes('class="red"') && !/\{%\s*(?:include|highlight|unknown|raw)/.test(rendered.bodyHtml), 'the Liquid and kramdown syntax was rendered, not left as text');
    assert.equal(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__pwned), 'undefined');
    assert.deepEqual(calls, []);
    assert.equal(await page.$$eval('.pc-post :is(script, iframe, object, embed, base, meta, style, svg, form, input)', (elements) => elements.length), 0);
    assert.equal(await page.$$eval('.pc-post [onerror], .pc-post [onload], .pc-post [onmouseover], .pc-post [onclick], .pc-post a[href^="javascript:"]', (elements) => elements.length), 0);
    await page.context().close();
  });
});
