import * as assert from 'node:assert/strict';
import { loadJekyllSite } from '../../../../src/core/generators/jekyll/jekyllSite';
import { SiteIndex } from '../../../../src/core/index/siteIndex';
import { checkPost, DEFAULT_SETTINGS, formatRuleMessage } from '../../../../src/core/rules';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { applyTextEdits } from '../../../../src/core/edits';

const PATH = '/j/_posts/2024-01-02-post.md';

async function diagnostics(text: string, config = 'title: J\n'): Promise<string[]> {
  const fs = new MemoryFileSystem({ '/j/_config.yml': config, [PATH]: text });
  const index = await SiteIndex.build(await loadJekyllSite(fs, '/j'), fs);
  await index.site.generator.loadRules?.();
  return checkPost(text, { path: PATH, kind: 'post', site: index.site, index, now: new Date(), settings: DEFAULT_SETTINGS })
    .map((d) => `${d.code} ${d.severity} ${d.range.start.line}: ${formatRuleMessage(d.message)}`);
}

describe('rules on Jekyll sites', () => {
  it('PC108: front matter Jekyll cannot read keeps the post, nearly empty; PC107 under strict_front_matter', async () => {
    const broken = '---\ntitle: [unclosed\n---\nBody\n';
    const [unread] = await diagnostics(broken);
    assert.match(unread, /^PC108 warning 1: Jekyll cannot read this front matter .*no title and no tags/);
    const [strict] = await diagnostics(broken, 'strict_front_matter: true\n');
    assert.match(strict, /^PC107 error 1: .*Jekyll stops building the whole site/);
  });

  it('PC107: a date Jekyll cannot read stops the build, strict or not; a fine post has nothing', async () => {
    assert.deepEqual(await diagnostics('---\ntitle: A\ndate: the day after tomorrow\n---\n'), [
      'PC107 error 2: Jekyll cannot read the date the day after tomorrow and stops building the whole site until it is fixed.',
    ]);
    assert.deepEqual(await diagnostics('---\ntitle: A\ndate: 2024-01-02 10:00:00\ntags: [a, b]\n---\nBody\n'), []);
  });

  it('PC307: only an unquoted timestamp with seconds and no offset, on a site whose zone is not UTC', async () => {
    const shanghai = 'timezone: Asia/Shanghai\n';
    const post = (date: string) => `---\ntitle: A\ndate: ${date}\n---\n`;
    assert.deepEqual(await diagnostics(post('2024-01-02 17:32:00'), shanghai), [
      'PC307 warning 2: Jekyll reads 2024-01-02 17:32:00 as UTC (no offset is written), which is 2024-01-03 01:32:00 in the site\'s time zone Asia/Shanghai: the post is dated, and its URL made, from that.',
    ]);
    // Read in the site's zone already: quoted, without seconds, with an offset, date only; or a UTC site.
    for (const date of ['"2024-01-02 17:32:00"', '2024-01-02 17:32', '2024-01-02 17:32:00 +0800', '2024-01-02T17:32:00Z', '2024-01-02']) {
      assert.deepEqual(await diagnostics(post(date), shanghai), [], date);
    }
    assert.deepEqual(await diagnostics(post('2024-01-02 17:32:00'), 'timezone: UTC\n'), []);
    assert.deepEqual(await diagnostics(post('2024-01-02 17:32:00')), [], 'no timezone: the machine\'s, which Postcraft cannot know for the build');
  });

  it('PC411: a comma string under tags or categories, not under a tag that replaces them', async () => {
    const [finding] = await diagnostics('---\ntitle: A\ntags: a, b c\n---\n');
    assert.equal(finding, 'PC411 warning 2: Jekyll splits "a, b c" on spaces only: it reads "a,", "b", "c". Write a list to split on the commas.');
    assert.deepEqual(await diagnostics('---\ntitle: A\ntags: a, b\ntag: one\n---\n'), []);
    assert.deepEqual(await diagnostics('---\ntitle: A\ntags: [a, b]\ncategories: "x y"\n---\n'), []);
  });

  it('PC518/PC519: an unknown tag fails the build, unless a plugin Postcraft cannot read may define it', async () => {
    const post = '---\ntitle: A\n---\n{% gist 123 %} {% youtube x %}\n';
    assert.deepEqual((await diagnostics(post)).map((line) => line.split(':')[0]), ['PC518 error 3', 'PC518 error 3']);
    assert.deepEqual((await diagnostics(post, 'plugins: [jekyll-gist]\n')).map((line) => line.split(':')[0]), ['PC518 error 3'], 'jekyll-gist registers gist');
    const [unverified] = await diagnostics(post, 'plugins: [jekyll-gist, jekyll-video-embed]\n');
    assert.match(unverified, /^PC519 warning 3: .*"youtube".*it may come from jekyll-video-embed/);
  });

  it('PC521: outputs nothing sets, and not those the front matter, defaults, configuration or an assign set', async () => {
    const post = '---\ntitle: A\nmood: ok\n---\n{{ page.mood }}{{ page.title }}{{ page.url }}{{ site.title }}{% assign x = 1 %}{{ x }}{{ y }}{{ page.nope }}{{ site.nope }}\n';
    const found = await diagnostics(post, 'title: J\ndefaults:\n  - scope: {path: ""}\n    values: {nope: 1}\n');
    assert.deepEqual(found.map((line) => /PC521 warning \d+: Nothing sets (\S+)/.exec(line)?.[1]), ['y', 'site.nope']);
    // The quick fix shows the braces as text, as a post about another template language means them.
    const text = '---\ntitle: A\n---\n```handlebars\n<p>Hello, {{name}}!</p>\n```\n';
    const fs = new MemoryFileSystem({ '/j/_config.yml': 'title: J\n', [PATH]: text });
    const index = await SiteIndex.build(await loadJekyllSite(fs, '/j'), fs);
    await index.site.generator.loadRules?.();
    const [empty] = checkPost(text, { path: PATH, kind: 'post', site: index.site, index, now: new Date(), settings: DEFAULT_SETTINGS });
    assert.equal(empty.code, 'PC521');
    assert.equal(empty.fixes[0].safe, false, 'the writer chooses: Jekyll then shows the braces');
    assert.equal(applyTextEdits(text, empty.fixes[0].edits), '---\ntitle: A\n---\n```handlebars\n<p>Hello, {% raw %}{{name}}{% endraw %}!</p>\n```\n');
  });

  it('PC520 follows the index: a post_url target unpublished since the last check is reported', async () => {
    const target = '/j/_posts/2024-01-01-target.md';
    const text = '---\ntitle: A\n---\n[t]({% post_url 2024-01-01-target %})\n';
    const fs = new MemoryFileSystem({ '/j/_config.yml': 'title: J\n', [PATH]: text, [target]: '---\ntitle: T\n---\n' });
    const index = await SiteIndex.build(await loadJekyllSite(fs, '/j'), fs);
    await index.site.generator.loadRules?.();
    const codes = () => checkPost(text, { path: PATH, kind: 'post', site: index.site, index, now: new Date(), settings: DEFAULT_SETTINGS }).map((d) => d.code);
    assert.deepEqual(codes(), []);
    index.update(target, '---\ntitle: T\npublished: false\n---\n');
    assert.deepEqual(codes(), ['PC520']);
  });
});
