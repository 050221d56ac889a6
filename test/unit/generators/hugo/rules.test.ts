import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../../src/core/edits';
import { SiteIndex } from '../../../../src/core/index/siteIndex';
import { checkPost, DEFAULT_SETTINGS, fixAll, formatRuleMessage, type Diagnostic, type RuleContext } from '../../../../src/core/rules';
import { loadHugoSite } from '../../../../src/core/generators/hugo/hugoSite';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const NOW = new Date('2026-06-01T00:00:00Z');
const FILES = {
  '/h/hugo.toml': 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\nseries = "series"\n',
  '/h/content/posts/other.md': '+++\ntitle = "Other"\ntags = ["go"]\n+++\n',
};
const PATH = '/h/content/posts/new.md';

async function contextFor(files: Record<string, string> = FILES): Promise<RuleContext> {
  const fs = new MemoryFileSystem(files);
  const index = await SiteIndex.build(await loadHugoSite(fs, '/h'), fs);
  await index.site.generator.loadRules?.();
  return { path: PATH, kind: 'post', site: index.site, index, now: NOW, settings: DEFAULT_SETTINGS };
}

async function check(text: string, code: string, files?: Record<string, string>): Promise<Diagnostic[]> {
  return checkPost(text, await contextFor(files)).filter((diagnostic) => diagnostic.code === code);
}

describe('rules on Hugo sites', () => {
  it('run only the rules checked against Hugo: no Hexo-worded finding on a plain post', async () => {
    const diagnostics = checkPost('+++\ntitle = "A"\n+++\nText\n', await contextFor());
    assert.deepEqual(diagnostics.map((d) => d.code), []);
  });

  it('PC107: front matter that stops the build, on the line Hugo names', async () => {
    const [found] = await check('+++\ntitle = "x"\ndate = 2022-01-03 10:00\n+++\n', 'PC107');
    assert.equal(found.range.start.line, 2);
    assert.equal(found.severity, 'error');
    assert.match(formatRuleMessage(found.message), /Hugo stops building the whole site/);
  });

  it('PC305: a date Hugo zeroes, with a quick fix that is not in fix-all', async () => {
    const text = '---\ntitle: A\ndate: 2022-01-03 10:00\n---\n';
    const [found] = await check(text, 'PC305');
    assert.match(formatRuleMessage(found.message), /Hugo cannot read the date 2022-01-03 10:00/);
    assert.equal(applyTextEdits(text, found.fixes[0].edits), '---\ntitle: A\ndate: 2022-01-03 10:00:00\n---\n');
    assert.equal(found.fixes[0].safe, false);
    assert.deepEqual(await check('---\ndate: 2022-01-03 10:00:00\nlastmod: "2022-01-03"\n---\n', 'PC305'), []);
  });

  it('PC306: drafts, future and expired pages the default build leaves out', async () => {
    const found = await check('---\ntitle: A\ndraft: yes\npublishDate: 2099-01-01\nexpiryDate: 2020-01-01\n---\n', 'PC306');
    assert.deepEqual(found.map((d) => formatRuleMessage(d.message).split(':')[0]), ['A draft', 'Published in the future (2099-01-01 00', 'Expired (2020-01-01 00']);
  });

  it('PC408: two spellings of one term in a page; only an exact repeat is removed by fix-all', async () => {
    const text = '+++\ntags = ["Go", "go", "Go"]\n+++\n';
    const found = await check(text, 'PC408');
    assert.equal(found.length, 2);
    assert.match(formatRuleMessage(found[0].message), /"Go" and "go" are one term to Hugo \(both are "go"\)/);
    const context = await contextFor();
    assert.equal(fixAll(text, context).text, '+++\ntags = ["Go", "go"]\n+++\n');
  });

  it('PC410: a term spelled here one way and in other posts another way that Hugo merges, with a quick fix', async () => {
    const text = '+++\ntags = ["Go", "rust"]\n+++\n';
    const [found] = await check(text, 'PC410');
    assert.equal(formatRuleMessage(found.message), '"Go" is filed by Hugo under the same term as "go", which 1 other posts write: one term page, shown by one of the spellings. Write one spelling.');
    assert.equal(applyTextEdits(text, found.fixes[0].edits), '+++\ntags = ["go", "rust"]\n+++\n');
    assert.equal(found.fixes[0].safe, false);
    assert.deepEqual(await check('+++\ntags = ["go"]\n+++\n', 'PC410'), [], 'the same spelling');
  });

  it('PC409: terms under a key that is no taxonomy of the site', async () => {
    const found = await check('---\ncategories: [Tech]\ntag: [go]\nseries: [One]\n---\n', 'PC409');
    assert.deepEqual(found.map((d) => formatRuleMessage(d.message)), [
      'Hugo files no terms under "categories": the taxonomies of the site (tags, series) do not include it. Defining taxonomies in the configuration replaces the default tags and categories.',
      'Hugo reads the terms of this taxonomy from "tags", not "tag": these are filed nowhere.',
    ]);
  });

  describe('shortcodes', () => {
    const files = {
      ...FILES,
      '/h/layouts/shortcodes/note.html': '<aside>{{ .Inner }}</aside>',
      '/h/layouts/shortcodes/plain.html': '<hr>',
      '/h/content/posts/target.md': '---\ntitle: T\n---\n',
      '/h/content/docs/_index.md': '---\ntitle: Docs\n---\n',
    };
    const codes = async (body: string, theSiteFiles: Record<string, string> = files) =>
      checkPost(`---\ntitle: A\n---\n${body}\n`, await contextFor(theSiteFiles)).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);

    it('PC512: pairs them as Hugo does, in code blocks too', async () => {
      assert.deepEqual(await codes('{{< note >}}x{{< /note >}} {{< note />}} {{< highlight go >}}a{{< /highlight >}}'), []);
      assert.deepEqual(await codes('a {{< highlight go >}}'), ['PC512 3:2']);
      assert.deepEqual(await codes('```\n{{< note >}}\n```'), ['PC512 4:0']);
      assert.deepEqual(await codes('{{< /note >}}'), ['PC512 3:0']);
      assert.deepEqual(await codes('{{< plain >}}x{{< /plain >}}'), ['PC512 3:14']);
    });

    it('PC513/PC514: a shortcode with no template, an error only when every source is on disk', async () => {
      assert.deepEqual(await codes('{{< nope >}} {{% youtube abc %}} {{</* nope */>}}'), ['PC513 3:0']);
      const withTheme = { ...files, '/h/hugo.toml': 'theme = "absent"\n' };
      assert.deepEqual(await codes('{{< nope >}}', withTheme), ['PC514 3:0']);
      assert.deepEqual(await codes('{{< details summary="s" >}}x{{< /details >}}'), ['PC514 3:0'], 'built into a later Hugo');
      const themed = { ...withTheme, '/h/themes/absent/layouts/shortcodes/nope.html': 'x' };
      assert.deepEqual(await codes('{{< nope >}}', themed), []);
    });

    it('PC515: a ref or relref to no page', async () => {
      assert.deepEqual(await codes('{{< ref "target.md" >}} {{< relref "/posts/target" >}} {{< ref "docs" >}} {{< ref "#top" >}} {{< ref "other" >}}'), []);
      assert.deepEqual(await codes('[x]({{< ref "missing.md" >}})'), ['PC515 3:4']);
    });
  });

  it('PC516: raw HTML Hugo leaves out, unless the site sets unsafe; code is no HTML', async () => {
    const text = '---\ntitle: A\n---\nText <span>x</span> and <https://example.org>.\n\n<div class="box">\nhi\n</div>\n\n`<b>` and\n\n```html\n<p>code</p>\n```\n<!-- note -->\n<!--more-->\n{{< notice >}}\n<br>\n{{< /notice >}}\n{{<deprecated-in 0.1 />}}\n{{% notice %}}\n<br/>\n{{% /notice %}}\n';
    const found = await check(text, 'PC516');
    assert.deepEqual(found.map((d) => [d.range.start.line, d.range.start.character, formatRuleMessage(d.message).split(' (')[1].split(')')[0]]), [
      [3, 5, '<span>'], [3, 12, '</span>'], [5, 0, '<div>'], [7, 0, '</div>'], [21, 0, '<br>'],
    ]);
    assert.equal(found[0].severity, 'warning');
    const unsafe = { ...FILES, '/h/hugo.toml': '[markup.goldmark.renderer]\nunsafe = true\n' };
    assert.deepEqual(await check(text, 'PC516', unsafe), []);
  });
});
