import * as assert from 'node:assert/strict';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { check, fixed, none, only, SITE_FILES } from './support';

const post = (body: string, fields = ''): string => `---\ntitle: Hello\ndate: 2026-01-01 10:00:00\n${fields}---\n${body}`;
const on = { settings: { rules: { PC501: 'info' as const } } };

describe('rules: content (PC501–PC508)', () => {
  it('PC501 (info by default) reports an H1 repeating the title and offers to remove it', async () => {
    const text = post('# Hello\n\nBody\n');
    assert.deepEqual(await only(text, 'PC501'), [4, 2, 4, 7, 'This heading repeats the title, which the theme already shows above the post.']);
    await none(text, 'PC501', { settings: { rules: { PC501: 'off' as const } } });
    assert.equal(await fixed(text, 'PC501', undefined, on), post('Body\n'));
    await none(post('# Something else\n'), 'PC501', on);
    await none(post('```\n# Hello\n```\n'), 'PC501', on);
  });

  it('PC502 reports relative and root-relative images that do not exist', async () => {
    const text = post('![a](missing.png) ![b](/images/logo.png) [c](/2026/01/01/hello/) ![d](/images/none.png)\n');
    const found = await check(text, 'PC502');
    assert.deepEqual(found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[4, 5, 16], [4, 70, 86]]);
    await none(post('![s](summit.png) `![x](nope.png)`\n'), 'PC502', { path: '/b/source/_posts/photo.md' });
    await none(post('```\n![x](nope.png)\n```\n[x](https://example.com/a.png)\n'), 'PC502');
  });

  it('PC503 reports an asset tag naming no file of the asset folder', async () => {
    const photo = { path: '/b/source/_posts/photo.md' };
    assert.deepEqual(await only(post('{% asset_img nope.png 标题 %}\n'), 'PC503', photo), [4, 13, 4, 21,
      'No file "nope.png" in this post’s asset folder: asset_img renders nothing.']);
    await none(post('{% asset_img summit.png "香炉峰 title" %}\n'), 'PC503', photo);
  });

  it('PC504 reports a post_link to no post and suggests the closest slug', async () => {
    const text = post("{% post_link helo-world '看这里' %}\n");
    assert.deepEqual(await only(text, 'PC504'), [4, 13, 4, 23,
      'No post has the slug or title "helo-world": Hexo stops building at this post_link with "Post not found".']);
    assert.equal(await fixed(text, 'PC504'), post("{% post_link hello-world '看这里' %}\n"));
    await none(post('{% post_link hello-world %} {% post_link "Hello World" %}\n'), 'PC504');
  });

  it('PC505 reports a block tag without its end and closes it after the paragraph', async () => {
    const text = post('{% blockquote 作者 %}\n引用\n\n后文\n');
    assert.deepEqual(await only(text, 'PC505'), [4, 0, 4, 19,
      'The block tag "blockquote" on line 5 has no {% endblockquote %}: Hexo fails to render this post (Nunjucks: unexpected end of file).']);
    assert.equal(await fixed(text, 'PC505'), post('{% blockquote 作者 %}\n引用\n{% endblockquote %}\n\n后文\n'));
    await none(post('{% codeblock %}\ncode\n{% endcodeblock %}\n'), 'PC505');
  });

  it('PC506 reports {{ that never closes when Nunjucks runs, and escapes it with raw', async () => {
    const text = post('Vue: {{ a }} and {{ b\n');
    assert.deepEqual(await only(text, 'PC506'), [4, 17, 4, 19, 'The "{{" on line 5 starts a Nunjucks expression that never ends: Hexo fails to render this post '
      + '(Nunjucks: expected variable end). Escape it with {% raw %} or set disableNunjucks: true.']);
    assert.equal(await fixed(text, 'PC506'), post('Vue: {{ a }} and {% raw %}{{{% endraw %} b\n'));
    await none(post('Only {{ this, no template at all\n'), 'PC506');
  });

  it('PC507 reports {{ name }} that Nunjucks would swallow, not in code, raw or with disableNunjucks', async () => {
    const text = post('Hello {{ message }}!\n');
    assert.deepEqual(await only(text, 'PC507'), [4, 6, 4, 19,
      'Nunjucks evaluates {{ message }} here, so it renders as empty text (or fails). Wrap it in {% raw %} or set disableNunjucks: true.']);
    assert.equal(await fixed(text, 'PC507'), post('Hello {% raw %}{{ message }}{% endraw %}!\n'));
    assert.equal(await fixed(text, 'PC507', 1), '---\ntitle: Hello\ndate: 2026-01-01 10:00:00\ndisableNunjucks: true\n---\nHello {{ message }}!\n');
    await none(post('`{{ a }}` {% raw %}{{ b }}{% endraw %} {{ title }}\n```\n{{ c }}\n```\n'), 'PC507');
    await none(post('Hello {{ message }}!\n', 'disableNunjucks: true\n'), 'PC507');
  });

  it('PC508 reports a tag that is neither Hexo\'s nor listed in customTags', async () => {
    assert.deepEqual(await only(post('{% note info %}\n'), 'PC508'), [4, 0, 4, 15,
      '"note" is not a Hexo tag plugin: unless the theme or a plugin registers it, Hexo fails to render this post.']);
    await none(post('{% note info %}\n'), 'PC508', { settings: { customTags: ['note'] } });
    await none(post('{% tabs a %}\nx\n{% endtabs %}\n{% if true %}y{% endif %}\n'), 'PC508');
  });
});

describe('rules: fixes that point at the file or tag meant', () => {
  const photo = { path: '/b/source/_posts/photo.md' };

  it('PC502 offers the site file of the same name in another case', async () => {
    const text = post('![logo](/images/Logo.PNG?v=2)\n');
    const [diagnostic] = await check(text, 'PC502');
    assert.deepEqual(diagnostic.fixes.map((fix) => [fix.preferred, fix.safe]), [[true, false]]);
    assert.equal(await fixed(text, 'PC502'), post('![logo](/images/logo.png?v=2)\n'));
  });

  it('PC502 offers the post\'s asset folder for a root-relative image that is there', async () => {
    assert.equal(await fixed(post('![山顶](/images/summit.png)\n'), 'PC502', undefined, photo), post('![山顶](summit.png)\n'));
  });

  it('PC502 offers no file another post\'s asset folder holds (Hexo serves it elsewhere)', async () => {
    const [diagnostic] = await check(post('![山顶](summit.png)\n'), 'PC502');
    assert.deepEqual(diagnostic.fixes, []);
  });

  it('PC502 offers nothing under a _ folder to a page directly in source/ either', async () => {
    // The page's own folder is source/ itself, which holds _posts/photo/summit.png.
    const [diagnostic] = await check(post('![山顶](summit.png)\n'), 'PC502', { path: '/b/source/faq.md' });
    assert.deepEqual(diagnostic.fixes, []);
  });

  it('PC503 offers the asset folder\'s file in another case', async () => {
    const text = post('{% asset_img Summit.PNG 山顶 %}\n');
    const [diagnostic] = await check(text, 'PC503', photo);
    assert.equal(diagnostic.fixes.length, 1);
    assert.equal(diagnostic.fixes[0].safe, false);
    assert.equal(await fixed(text, 'PC503', undefined, photo), post('{% asset_img summit.png 山顶 %}\n'));
    assert.deepEqual((await check(post('{% asset_img nope.png %}\n'), 'PC503', photo))[0].fixes, []);
  });

  it('PC508 offers the Hexo tag a typo away, not fix-all', async () => {
    const text = post('{% codeblok lang:js %}\nx\n');
    const [diagnostic] = await check(text, 'PC508');
    assert.deepEqual(diagnostic.fixes.map((fix) => [fix.title.args[0], fix.preferred, fix.safe]), [['{% codeblock %}', true, false]]);
    assert.equal(await fixed(text, 'PC508'), post('{% codeblock lang:js %}\nx\n'));
    // Two tags as close: both offered, neither preferred.
    const [twoWays] = await check(post('{% asset_imag a.png %}\n'), 'PC508');
    assert.deepEqual(twoWays.fixes.map((fix) => [fix.title.args[0], fix.preferred]), [['{% asset_img %}', false], ['{% asset_image %}', false]]);
    assert.equal(await fixed(post('{% asset_imag a.png %}\n'), 'PC508', 0), post('{% asset_img a.png %}\n'));
    assert.deepEqual((await check(post('{% note info %}\n'), 'PC508'))[0].fixes, []);
    assert.deepEqual((await check(post('{% tab a %}\n'), 'PC508'))[0].fixes, []);
  });
});

describe('rules: post_link on a site whose posts set slug:', () => {
  /** Hexo 8.1.2 overwrites a front-matter `slug:` with the file name (checked against Hexo itself). */
  async function slugSite(): Promise<{ index: SiteIndex }> {
    const fs = new MemoryFileSystem({
      ...SITE_FILES,
      '/b/source/_posts/2026-hangzhou.md': '---\ntitle: 搬到杭州\nslug: moving-to-hangzhou\ndate: 2026-01-05 10:00:00\n---\n',
      '/b/source/_posts/hello-again.md': '---\ntitle: Again\nslug: hello-again\n---\n',
    });
    return { index: await SiteIndex.build(await loadHexoSite(fs, '/b'), fs) };
  }

  it('keeps each post\'s front-matter slug in the index, interned', async () => {
    const { index } = await slugSite();
    assert.equal(index.post('/b/source/_posts/2026-hangzhou.md')?.slug, 'moving-to-hangzhou');
    assert.equal(index.post('/b/source/_posts/a.md')?.slug, undefined);
    assert.ok(!('slug' in index.post('/b/source/_posts/a.md')!));
  });

  it('PC504 still reports a slug no post has', async () => {
    const options = await slugSite();
    assert.deepEqual((await only(post('{% post_link helo-world %}\n'), 'PC504', options))[4],
      'No post has the slug or title "helo-world": Hexo stops building at this post_link with "Post not found".');
    await none(post('{% post_link hello-world %} {% post_link 搬到杭州 %} {% post_link 2026-hangzhou %} {% post_link hello-again %}\n'), 'PC504', options);
  });

  it('PC504 explains a link by a front-matter slug and points it at the post\'s real slug', async () => {
    const options = await slugSite();
    const text = post('{% post_link moving-to-hangzhou#租房 搬家记 %}\n');
    assert.deepEqual(await only(text, 'PC504', options), [4, 13, 4, 34,
      'No post has the slug or title "moving-to-hangzhou": Hexo ignores "slug: moving-to-hangzhou" in the front matter of _posts/2026-hangzhou.md, whose slug is its file name, "2026-hangzhou".']);
    assert.equal(await fixed(text, 'PC504', undefined, options), post('{% post_link 2026-hangzhou#租房 搬家记 %}\n'));
  });
});
