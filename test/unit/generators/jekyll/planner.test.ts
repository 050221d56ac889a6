import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../../src/core/edits';
import { jekyllGenerator } from '../../../../src/core/generators/jekyll/jekyllGenerator';
import { loadJekyllSite, type JekyllSite } from '../../../../src/core/generators/jekyll/jekyllSite';
import { jekyllPlanner } from '../../../../src/core/generators/jekyll/posts/jekyllPlanner';
import { jekyllSlugify } from '../../../../src/core/generators/jekyll/posts/slugify';
import { jekyllScalar } from '../../../../src/core/generators/jekyll/posts/yamlFields';
import { loadJekyllYaml } from '../../../../src/core/generators/jekyll/frontMatter';
import { PostPlanError } from '../../../../src/core/posts/plans';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

// 09:32:05 UTC is 17:32 in Shanghai: the site's zone names the day and the time.
const clock = { now: () => new Date('2026-03-02T09:32:05Z') };

async function site(files: Record<string, string>, config = 'timezone: Asia/Shanghai\n'): Promise<{ fs: MemoryFileSystem; site: JekyllSite }> {
  const fs = new MemoryFileSystem({ '/s/_config.yml': config, ...files });
  return { fs, site: await loadJekyllSite(fs, '/s') };
}

describe('Jekyll plans (jekyll-compose\'s commands)', () => {
  it('is planned through the generator seam', async () => {
    assert.equal(jekyllGenerator.plansPosts, true);
    assert.equal(jekyllGenerator.renamesTerms, true);
    assert.equal(jekyllGenerator.draftsInPlace, false);
    assert.equal(await jekyllGenerator.loadPlanner(), jekyllPlanner);
  });

  it('names files as Jekyll::Utils.slugify does', () => {
    assert.equal(jekyllSlugify('Hello, World!'), 'hello-world');
    assert.equal(jekyllSlugify('  C++ & Rust: 2024 '), 'c-rust-2024');
    assert.equal(jekyllSlugify('搬到 杭州'), '搬到-杭州');
    assert.equal(jekyllSlugify('Café Über'), 'café-über');
    assert.equal(jekyllSlugify('!!!'), '');
  });

  it('writes scalars Psych reads back as the same string', () => {
    for (const value of ['Hello', 'yes', 'No', '1:30', ':sym', '2024-03-04', '3.10', 'a: b', '#x', "It's", '~', 'on', '12', '']) {
      const written = jekyllScalar(value);
      const loaded = loadJekyllYaml(`v: ${written}`);
      assert.ok('data' in loaded && loaded.data.v === value, `${value} → ${written}`);
    }
    assert.equal(jekyllScalar('Hello world'), 'Hello world');
    assert.equal(jekyllScalar('yes'), '"yes"');
  });

  it('plans a new post in _posts named by the day in the site\'s zone, dated as jekyll-compose writes dates', async () => {
    const { fs, site: s } = await site({ '/s/_posts/2026-01-01-a.md': '---\n---\n' });
    const plan = await jekyllPlanner.planNewPost(fs, s, { title: 'Hello: World', tags: ['ruby', 'web dev'], categories: [['tech', 'ruby'], 'notes'] }, clock);
    assert.equal(plan.kind, 'post');
    assert.equal(plan.path, '/s/_posts/2026-03-02-hello-world.md');
    assert.equal(plan.content, '---\nlayout: post\ntitle: "Hello: World"\ndate: 2026-03-02 17:32 +0800\ntags: [ruby, web dev]\ncategories: [tech, ruby, notes]\n---\n\n');
    assert.equal(plan.bodyOffset, plan.content.length);
    assert.deepEqual(plan.operations, [{ kind: 'create', path: plan.path, content: plan.content }]);
  });

  it('never overwrites: a taken name (whatever its extension) gets -1, -2…', async () => {
    const { fs, site: s } = await site({ '/s/_posts/2026-03-02-hello.md': 'x', '/s/_posts/2026-03-02-hello-1.markdown': 'x', '/s/_drafts/hello.md': 'x', '/s/hello.html': 'x' });
    assert.equal((await jekyllPlanner.planNewPost(fs, s, { title: 'Hello' }, clock)).path, '/s/_posts/2026-03-02-hello-2.md');
    assert.equal((await jekyllPlanner.planNewPost(fs, s, { title: 'Hello', layout: 'draft' }, clock)).path, '/s/_drafts/hello-1.md');
    assert.equal((await jekyllPlanner.planNewPost(fs, s, { title: 'Hello', layout: 'page' }, clock)).path, '/s/hello-1.md');
  });

  it('takes the extension most posts use, the collections folder and source, and leaves out a layout the defaults give', async () => {
    const { fs, site: s } = await site({
      '/s/src/posts/_posts/2026-01-01-a.markdown': 'x', '/s/src/posts/_posts/2026-01-02-b.markdown': 'x', '/s/src/posts/_posts/2026-01-03-c.md': 'x',
    }, 'source: src\ncollections_dir: posts\ndefaults:\n  - scope: { path: "", type: posts }\n    values: { layout: article }\n');
    const post = await jekyllPlanner.planNewPost(fs, s, { title: 'Ruby' }, clock);
    assert.equal(post.path, '/s/src/posts/_posts/2026-03-02-ruby.markdown');
    assert.doesNotMatch(post.content, /layout/);
    const draft = await jekyllPlanner.planNewPost(fs, s, { title: 'Ruby', layout: 'draft' }, clock);
    assert.equal(draft.path, '/s/src/posts/_drafts/ruby.markdown');
    assert.equal(draft.content, '---\ntitle: Ruby\n---\n\n', 'a draft has no date (Jekyll dates it by its file)');
    const page = await jekyllPlanner.planNewPost(fs, s, { title: 'About me', layout: 'page', tags: ['x'] }, clock);
    assert.equal(page.path, '/s/src/about-me.md');
    assert.equal(page.content, '---\nlayout: page\ntitle: About me\n---\n\n');
  });

  it('names a draft by pinyin when the writer asks', async () => {
    const { fs, site: s } = await site({});
    assert.equal((await jekyllPlanner.planNewPost(fs, s, { title: '搬到杭州', layout: 'draft', slugStyle: 'pinyin' }, clock)).path, '/s/_drafts/ban-dao-hang-zhou.md');
    await assert.rejects(jekyllPlanner.planNewPost(fs, s, { title: '?!' }, clock), PostPlanError);
  });

  it('publishes a draft into _posts under its folders, dated now, or keeping its date unless asked', async () => {
    const { fs, site: s } = await site({});
    const draft = '---\ntitle: Trip # a comment\ntags: travel\n---\nBody\n';
    const plan = await jekyllPlanner.planPublish(fs, s, '/s/news/_drafts/trip.md', draft, clock);
    assert.equal(plan.path, '/s/news/_posts/2026-03-02-trip.md');
    assert.equal(plan.content, '---\ntitle: Trip # a comment\ndate: 2026-03-02 17:32 +0800\ntags: travel\n---\nBody\n');
    assert.deepEqual(plan.operations.map((operation) => operation.kind), ['create', 'delete']);
    const dated = '---\ntitle: Old\ndate: 2020-05-06 10:00:00 +0800\n---\nBody\n';
    const kept = await jekyllPlanner.planPublish(fs, s, '/s/_drafts/old.md', dated, clock);
    assert.equal(kept.path, '/s/_posts/2020-05-06-old.md', 'named by the date it keeps');
    assert.equal(kept.content, dated);
    const redated = await jekyllPlanner.planPublish(fs, s, '/s/_drafts/old.md', dated, clock, { redate: true });
    assert.equal(redated.path, '/s/_posts/2026-03-02-old.md');
    assert.equal(redated.content, '---\ntitle: Old\ndate: 2026-03-02 17:32 +0800\n---\nBody\n');
    const bare = await jekyllPlanner.planPublish(fs, s, '/s/_drafts/bare.md', 'Just text\n', clock);
    assert.equal(bare.content, '---\ndate: 2026-03-02 17:32 +0800\n---\nJust text\n');
    const empty = await jekyllPlanner.planPublish(fs, s, '/s/_drafts/e.md', '---\n---\nx\n', clock);
    assert.equal(empty.content, '---\ndate: 2026-03-02 17:32 +0800\n---\nx\n');
  });

  it('refuses to publish over a post, a draft it cannot read, or a date Jekyll cannot read', async () => {
    const { fs, site: s } = await site({ '/s/_posts/2026-03-02-trip.markdown': 'x' });
    await assert.rejects(jekyllPlanner.planPublish(fs, s, '/s/_drafts/trip.md', '---\ntitle: T\n---\n', clock), (error: Error) => error instanceof PostPlanError && /already exists at _posts\/2026-03-02-trip\.markdown/.test(error.message));
    await assert.rejects(jekyllPlanner.planPublish(fs, s, '/s/_drafts/x.md', '---\ntitle: [\n---\n', clock), PostPlanError);
    await assert.rejects(jekyllPlanner.planPublish(fs, s, '/s/_drafts/x.md', '---\ndate: someday\n---\n', clock), /cannot read/);
    assert.equal((await jekyllPlanner.planPublish(fs, s, '/s/_drafts/x.md', '---\ndate: someday\n---\n', clock, { redate: true })).content, '---\ndate: 2026-03-02 17:32 +0800\n---\n');
    await assert.rejects(jekyllPlanner.planPublish(fs, s, '/s/_posts/2026-01-01-x.md', '---\n---\n', clock), /not a draft/);
  });

  it('unpublishes a post back to _drafts without the date in its name or its date line, never over a draft', async () => {
    const { fs, site: s } = await site({
      '/s/tech/_posts/2026-01-05-ruby-blocks.markdown': '---\nlayout: post\ndate: 2026-01-05 10:00 +0800\ntitle: Blocks\n---\nBody\n',
      '/s/_posts/2026-01-06-last.md': '---\ntitle: Last\ndate: 2026-01-06\n---\n',
      '/s/_posts/2026-01-07-taken.md': '---\ntitle: Taken\n---\n', '/s/_drafts/taken.md': 'x',
    });
    const plan = await jekyllPlanner.planUnpublish(fs, s, '/s/tech/_posts/2026-01-05-ruby-blocks.markdown');
    assert.equal(plan.path, '/s/tech/_drafts/ruby-blocks.markdown');
    assert.equal(plan.from, '/s/tech/_posts/2026-01-05-ruby-blocks.markdown');
    assert.equal(plan.content, '---\nlayout: post\ntitle: Blocks\n---\nBody\n');
    assert.deepEqual(plan.operations.map((operation) => operation.kind), ['create', 'delete']);
    assert.equal((await jekyllPlanner.planUnpublish(fs, s, '/s/_posts/2026-01-06-last.md')).content, '---\ntitle: Last\n---\n');
    await assert.rejects(jekyllPlanner.planUnpublish(fs, s, '/s/_posts/2026-01-07-taken.md'), /A draft already exists at _drafts\/taken\.md/);
  });

  it('stamps last_modified_at (not date) as a YAML timestamp in the site\'s zone, after the date', async () => {
    const { site: s } = await site({});
    const stamp = (text: string) => applyTextEdits(text, jekyllPlanner.updateTimestampEdits(s, text, clock.now()));
    assert.equal(stamp('---\ntitle: A\ndate: 2026-01-01\ntags: [x]\n---\nBody\n'), '---\ntitle: A\ndate: 2026-01-01\nlast_modified_at: 2026-03-02 17:32:05 +0800\ntags: [x]\n---\nBody\n');
    assert.equal(stamp('---\ntitle: A\nlast_modified_at: 2020-01-01\n---\n'), '---\ntitle: A\nlast_modified_at: 2026-03-02 17:32:05 +0800\n---\n');
    assert.equal(stamp('---\r\ntitle: A\r\n---\r\n'), '---\r\ntitle: A\r\nlast_modified_at: 2026-03-02 17:32:05 +0800\r\n---\r\n');
    assert.deepEqual(jekyllPlanner.updateTimestampEdits(s, 'No front matter\n', clock.now()), []);
    const loaded = loadJekyllYaml('v: 2026-03-02 17:32:05 +0800');
    assert.ok('data' in loaded && loaded.data.v instanceof Date && loaded.data.v.toISOString() === '2026-03-02T09:32:05.000Z', 'Psych reads it as that instant');
  });
});
