import * as assert from 'node:assert/strict';
import { readJekyllDate } from '../../../../src/core/generators/jekyll/dates';
import { frontMatterDefaults } from '../../../../src/core/generators/jekyll/defaults';
import { readJekyllConfig } from '../../../../src/core/generators/jekyll/jekyllConfig';
import { JekyllSite, loadJekyllSite, titleizeSlug } from '../../../../src/core/generators/jekyll/jekyllSite';
import { jekyllCategories, jekyllTags } from '../../../../src/core/generators/jekyll/terms';
import { GENERATORS } from '../../../../src/core/generators/registry';
import { WorkspaceIndex } from '../../../../src/core/index/workspaceIndex';
import type { PostRecord } from '../../../../src/core/site/types';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

async function siteWith(config: string, extra: Record<string, string> = {}): Promise<JekyllSite> {
  return loadJekyllSite(new MemoryFileSystem({ '/s/_config.yml': config, ...extra }), '/s');
}

describe('Jekyll sites', () => {
  describe('which folders are Jekyll sites (Hexo asked first)', () => {
    const kinds = async (files: Record<string, string>) => {
      const workspace = await WorkspaceIndex.open(new MemoryFileSystem(files), ['/w'], { generators: GENERATORS });
      return workspace.sites.map((index) => [index.site.root, index.site.generator.kind]).sort();
    };

    it('claims a _config.yml beside _posts, a Gemfile naming jekyll or github-pages, and _posts under the configured source', async () => {
      assert.deepEqual(await kinds({
        '/w/a/_config.yml': 'title: A\n', '/w/a/_posts/2024-01-01-a.md': '---\n---\n',
        '/w/b/Gemfile': 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n', '/w/b/index.md': '---\n---\n',
        '/w/c/_config.toml': 'title = "C"\n', '/w/c/_posts/2024-01-01-c.md': '---\n---\n',
        '/w/d/_config.yml': 'source: src\n', '/w/d/src/_posts/2024-01-01-d.md': '---\n---\n',
      }), [['/w/a', 'jekyll'], ['/w/b', 'jekyll'], ['/w/c', 'jekyll'], ['/w/d', 'jekyll']]);
    });

    it('leaves a Hexo site with a stray _posts or a bare _config.yml to Hexo, and a lone _config.yml to nobody', async () => {
      assert.deepEqual(await kinds({
        '/w/hexo-keys/_config.yml': 'new_post_name: :title.md\n', '/w/hexo-keys/_posts/2024-01-01-x.md': '---\n---\n',
        '/w/hexo-package/_config.yml': 'title: Mine\n', '/w/hexo-package/package.json': '{"dependencies":{"hexo":"^8.0.0"}}',
        '/w/hexo-package/_posts/2024-01-01-x.md': '---\n---\n', '/w/hexo-package/source/_posts/x.md': '---\n---\n',
        '/w/other/_config.yml': 'title: Some tool\n', '/w/other/notes/x.md': '---\n---\n',
        '/w/gemfile-other/Gemfile': 'gem "rails"\n', '/w/gemfile-other/_config.yml': 'title: R\n',
      }), [['/w/hexo-keys', 'hexo'], ['/w/hexo-package', 'hexo']]);
    });
  });

  describe('configuration', () => {
    it('reads Jekyll\'s keys with its defaults', () => {
      const { config, problems } = readJekyllConfig({ path: '/s/_config.yml', text: 'source: ./src/\ncollections_dir: my_collections\ntimezone: Asia/Shanghai\nfuture: true\nshow_drafts: true\nunpublished: yes\nstrict_front_matter: true\npermalink: pretty\nexclude: [drafts-old]\n' });
      assert.deepEqual(problems, []);
      assert.equal(config.source, 'src');
      assert.equal(config.collectionsDir, 'my_collections');
      assert.equal(config.timezone, 'Asia/Shanghai');
      assert.deepEqual([config.future, config.renderDrafts, config.unpublished, config.strictFrontMatter, config.permalink], [true, true, true, true, 'pretty']);
      assert.ok(config.exclude.includes('drafts-old') && config.exclude.includes('vendor/bundle/'));
      const defaults = readJekyllConfig({ path: '/s/_config.yml', text: 'title: T\n' }).config;
      assert.deepEqual([defaults.source, defaults.timezone, defaults.future, defaults.renderDrafts, defaults.permalink], ['', '', false, false, 'date']);
    });

    it('turns a broken configuration or a bad defaults set into problems, never a throw', async () => {
      const broken = await siteWith('title: [unclosed\n');
      assert.equal(broken.configProblems.length, 1);
      assert.match(broken.configProblems[0].message, /Jekyll cannot read its configuration/);
      const list = readJekyllConfig({ path: '/s/_config.yml', text: '- a\n- b\n' });
      assert.match(list.problems[0].message, /uses its defaults/);
      const sets = readJekyllConfig({ path: '/s/_config.yml', text: 'defaults:\n  - scope: {path: ""}\n  - values: 3\n' });
      assert.equal(sets.config.defaults.length, 0);
      assert.equal(sets.problems.length, 2);
      const toml = readJekyllConfig({ path: '/s/_config.toml', text: 'title = "T"\ntimezone = "UTC"\n' });
      assert.equal(toml.config.timezone, 'UTC');
    });
  });

  describe('which files are posts, drafts and pages', () => {
    it('takes dated files in _posts at any depth, every file in _drafts, other Markdown as pages', async () => {
      const site = await siteWith('exclude: [old]\n');
      const kind = (path: string) => site.classify(`/s/${path}`);
      assert.equal(kind('_posts/2024-01-05-hello.md'), 'post');
      assert.equal(kind('_posts/2024-1-5-short.markdown'), 'post');
      assert.equal(kind('_posts/sub/2024-01-05-nested.md'), 'post');
      assert.equal(kind('news/_posts/2024-01-05-news.md'), 'post');
      assert.equal(kind('_posts/hello.md'), undefined, 'no date prefix: Jekyll skips it');
      assert.equal(kind('_posts/_hidden/2024-01-05-x.md'), undefined);
      assert.equal(kind('_private/_posts/2024-01-05-x.md'), undefined);
      assert.equal(kind('_posts/2024-01-05-x.txt'), undefined);
      assert.equal(kind('_drafts/idea.md'), 'draft');
      assert.equal(kind('about.md'), 'page');
      assert.equal(kind('_layouts/post.md'), undefined);
      assert.equal(kind('old/2024-01-05-x.md'), undefined);
      assert.equal(kind('node_modules/x/readme.md'), undefined);
    });

    it('reads _posts only below collections_dir when it is set', async () => {
      const site = await siteWith('collections_dir: coll\n');
      assert.equal(site.classify('/s/coll/_posts/2024-01-05-in.md'), 'post');
      assert.equal(site.classify('/s/coll/topic/_posts/2024-01-05-in.md'), 'post');
      assert.equal(site.classify('/s/_posts/2024-01-05-out.md'), undefined);
    });
  });

  describe('reading a post', () => {
    const read = (site: JekyllSite, path: string, text: string): PostRecord => site.readPost(`/s/${path}`, site.classify(`/s/${path}`) ?? 'page', text);

    it('titles a post from its file name when it has no title, as Utils.titleize_slug does', async () => {
      const site = await siteWith('timezone: UTC\n');
      assert.equal(read(site, '_posts/2024-01-05-hello-WORLD.md', '---\n---\n').title, 'Hello World');
      assert.equal(read(site, '_posts/2024-01-05-hello-WORLD.md', '---\nTitle: Upper\n---\n').title, 'Hello World', 'keys are case-sensitive');
      assert.equal(read(site, '_posts/2024-01-05-x.md', '---\ntitle: ""\n---\n').title, '', 'an empty title is a title');
      assert.equal(read(site, '_posts/2024-01-05-x.md', '---\ntitle: 42\n---\n').title, '42');
      assert.equal(read(site, '_drafts/my-idea.md', 'no front matter').title, 'My Idea');
      assert.equal(titleizeSlug('a--b-'), 'A  B');
      assert.equal(titleizeSlug('émile-zola'), 'Émile Zola');
    });

    it('dates a post by its name at midnight in the site zone, overridden by date: read as Jekyll reads it', async () => {
      const site = await siteWith('timezone: Asia/Shanghai\n');
      const dateOf = (text: string) => read(site, '_posts/2024-03-04-x.md', text).date?.toISOString();
      assert.equal(dateOf('---\n---\n'), '2024-03-03T16:00:00.000Z');
      assert.equal(dateOf('---\ndate: 2024-03-10\n---\n'), '2024-03-09T16:00:00.000Z');
      assert.equal(dateOf('---\ndate: "2024-03-11 10:00"\n---\n'), '2024-03-11T02:00:00.000Z');
      // Psych reads an unquoted time without an offset as UTC.
      assert.equal(dateOf('---\ndate: 2024-03-10 10:00:00\n---\n'), '2024-03-10T10:00:00.000Z');
      assert.equal(dateOf('---\ndate: 2024-03-04 01:00:00 +0200\n---\n'), '2024-03-03T23:00:00.000Z');
    });

    it('reads the written layouts of Ruby\'s Time.parse, rolls a day past the month over, and nothing else', () => {
      assert.equal(readJekyllDate('2020/01/05', 'UTC')?.toISOString(), '2020-01-05T00:00:00.000Z');
      assert.equal(readJekyllDate('20200105', 'UTC')?.toISOString(), '2020-01-05T00:00:00.000Z');
      assert.equal(readJekyllDate('2020-02-30', 'UTC')?.toISOString(), '2020-03-01T00:00:00.000Z');
      assert.equal(readJekyllDate('2020-01-05 10:00:00 +02', 'UTC')?.toISOString(), '2020-01-05T08:00:00.000Z');
      assert.equal(readJekyllDate('2020-01-05 25:00', 'UTC'), undefined);
      assert.equal(readJekyllDate('the day after tomorrow', 'UTC'), undefined);
    });

    it('fails the build on a date it cannot read, strict or not', async () => {
      const site = await siteWith('title: T\n');
      const record = read(site, '_posts/2024-03-04-x.md', '---\ndate: soon\n---\n');
      assert.match(record.error ?? '', /not one Jekyll can read/);
      assert.equal(site.isListed(record, new Date()), false);
      assert.match(read(site, '_posts/2024-03-04-x.md', '---\ndate:\n---\n').error ?? '', /not one Jekyll can read/, 'an empty date is read as ""');
    });

    it('keeps a post whose YAML breaks nearly empty, or fails it under strict_front_matter', async () => {
      const lenient = await siteWith('defaults:\n  - scope: {path: ""}\n    values: {tags: [from-defaults]}\n');
      const kept = read(lenient, 'news/_posts/2024-03-04-x.md', '---\ntitle: [a\ntags: [b]\n---\n');
      assert.deepEqual([kept.title, kept.date, kept.tags, kept.categories, kept.error], ['', undefined, ['from-defaults'], [['news']], undefined]);
      assert.equal(lenient.isListed(kept, new Date()), true);
      const strict = await siteWith('strict_front_matter: true\n');
      const failed = read(strict, '_posts/2024-03-04-x.md', '---\ntitle: [a\n---\n');
      assert.match(failed.error ?? '', /strict_front_matter/);
    });

    it('builds tags and categories as Jekyll does', async () => {
      const site = await siteWith('title: T\n');
      const of = (path: string, yaml: string) => {
        const record = read(site, path, `---\n${yaml}\n---\n`);
        return { tags: record.tags, categories: record.categories.map((path) => path.join('/')) };
      };
      assert.deepEqual(of('_posts/2024-01-01-a.md', 'tags: "a, b"\ncategories: Tech Notes'), { tags: ['a,', 'b'], categories: ['Tech', 'Notes'] });
      assert.deepEqual(of('_posts/2024-01-01-a.md', 'tag: one tag\ntags: [x, y]'), { tags: ['one tag'], categories: [] });
      assert.deepEqual(of('_posts/2024-01-01-a.md', 'category: Solo\ncategories: [A, B, A]\ntags: [dup, dup, Dup, null]'), { tags: ['dup', 'dup', 'Dup'], categories: ['A', 'B', 'Solo'] });
      assert.deepEqual(of('news/world/_posts/sub/2024-01-01-a.md', 'categories: [Extra, news]'), { tags: [], categories: ['news', 'world', 'Extra'] });
      assert.deepEqual(of('_posts/2024-01-01-a.md', 'tags: [1, 2.5, yes, off]\ncategories: [2024, "2024"]'), { tags: ['1', '2.5', 'true', 'false'], categories: ['2024', '2024'] });
      assert.deepEqual(of('_posts/2024-01-01-a.md', 'tags: 5'), { tags: [], categories: [] }, 'a number is neither a string nor a list');
      assert.deepEqual(jekyllTags({ tag: false, tags: 'x y' }), ['x', 'y']);
      // The list itself and its name (`to_s` before `flatten!`) are two categories, then its items.
      assert.deepEqual(jekyllCategories({ categories: [['a', 'b']] }), ['["a", "b"]', '["a", "b"]', 'a', 'b']);
    });

    it('stops reading at categories that are neither a list nor a string, as Array#| stops Jekyll', async () => {
      const site = await siteWith('title: T\n');
      const record = read(site, '_posts/2024-03-21-x.md', '---\ntitle: T\ncategories: 2024\ntags: [never]\n---\n');
      assert.deepEqual([record.title, record.tags, record.date, record.error], ['', [], undefined, undefined]);
    });

    it('applies front-matter defaults by scope path and type, the longer path winning', async () => {
      const sets = readJekyllConfig({ path: '/s/_config.yml', text: [
        'defaults:',
        '  - scope: {path: "", type: posts}',
        '    values: {layout: post, tags: [t], categories: [Default]}',
        '  - scope: {path: "_posts/special"}',
        '    values: {tags: [special]}',
        '  - scope: {path: "", type: post}',
        '    values: {layout: typed}',
        '  - scope: {path: "_posts/*/deep"}',
        '    values: {author: glob}',
        '  - scope: {path: "", type: pages}',
        '    values: {layout: page}',
      ].join('\n') }).config;
      assert.deepEqual(frontMatterDefaults(sets.defaults, '_posts/2024-01-01-a.md', 'posts', ''), { layout: 'typed', tags: ['t'], categories: ['Default'] });
      // After the longer `_posts/special`, the typed set with an empty path only fills gaps: the layout stays `post`.
      assert.deepEqual(frontMatterDefaults(sets.defaults, '_posts/special/2024-01-01-a.md', 'posts', ''), { layout: 'post', tags: ['special'], categories: ['Default'] });
      assert.equal(frontMatterDefaults(sets.defaults, '_posts/x/deep/2024-01-01-a.md', 'posts', '').author, 'glob');
      assert.deepEqual(frontMatterDefaults(sets.defaults, 'about.md', 'pages', ''), { layout: 'page' });
      const site = new JekyllSite('/s', sets, [], new Map());
      const record = read(site, '_posts/2024-01-01-a.md', '---\ntags: [mine]\ncategories: [Mine]\n---\n');
      assert.deepEqual([record.layout, record.tags, record.categories], ['typed', ['mine'], [['Default'], ['Mine']]]);
    });
  });

  describe('what a default jekyll build lists', () => {
    it('leaves out drafts, published: false (or empty) and future posts unless the site asks for them', async () => {
      const now = new Date('2024-06-01T00:00:00Z');
      const plain = await siteWith('timezone: UTC\n');
      const listed = (site: JekyllSite, path: string, text: string) => site.isListed(site.readPost(`/s/${path}`, site.classify(`/s/${path}`)!, text), now);
      assert.equal(listed(plain, '_posts/2024-01-01-a.md', '---\n---\n'), true);
      assert.equal(listed(plain, '_posts/2024-01-01-a.md', '---\ndraft: true\n---\n'), true, 'draft: true is just a key');
      assert.equal(listed(plain, '_posts/2024-01-01-a.md', '---\npublished: false\n---\n'), false);
      assert.equal(listed(plain, '_posts/2024-01-01-a.md', '---\npublished:\n---\n'), false);
      assert.equal(listed(plain, '_posts/2024-01-01-a.md', '---\npublished: "false"\n---\n'), true, 'a string is true in Ruby');
      assert.equal(listed(plain, '_posts/2099-01-01-a.md', '---\n---\n'), false);
      assert.equal(listed(plain, '_drafts/a.md', '---\n---\n'), false);
      assert.equal(listed(plain, 'about.md', '---\ntags: [x]\n---\n'), false, 'a page\'s tags are not the site\'s');
      const open = await siteWith('timezone: UTC\nfuture: true\nshow_drafts: true\nunpublished: true\n');
      assert.equal(listed(open, '_posts/2099-01-01-a.md', '---\n---\n'), true);
      assert.equal(listed(open, '_drafts/a.md', '---\n---\n'), true);
      assert.equal(listed(open, '_posts/2024-01-01-a.md', '---\npublished: false\n---\n'), true);
    });
  });
});
