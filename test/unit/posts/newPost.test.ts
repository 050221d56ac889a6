import * as assert from 'node:assert/strict';
import { planNewPost, PostPlanError } from '../../../src/core/generators/hexo/posts/newPost';
import { unusedName } from '../../../src/core/generators/hexo/posts/postPath';
import { ScaffoldError } from '../../../src/core/generators/hexo/posts/scaffold';
import { aliasBomb } from '../support/hostilePosts';
import { fixedClock, makeSite, ROOT, SHANGHAI } from './support';

describe('new post plans (hexo new)', () => {
  it('name a post by new_post_name with the date in the site timezone and render the post scaffold', async () => {
    const { fs, site } = await makeSite(`${SHANGHAI}new_post_name: :year-:month-:day-:title.md\n`);
    const plan = await planNewPost(fs, site, { title: 'Hello World' }, fixedClock);
    assert.equal(plan.path, `${ROOT}/source/_posts/2026-03-04-Hello-World.md`);
    assert.equal(plan.content, '---\ntitle: Hello World\ndate: 2026-03-04 13:06:07\ntags:\n---\n');
    assert.equal(plan.bodyOffset, plan.content.length, 'the cursor goes after the front matter');
    assert.deepEqual(plan.operations, [{ kind: 'create', path: plan.path, content: plan.content }]);
  });

  it('fill :i_month, :i_day and :hash (sha1 of slug + unix seconds) as Hexo does', async () => {
    const { fs, site } = await makeSite(`${SHANGHAI}new_post_name: :year/:i_month/:i_day/:hash.md\n`);
    const plan = await planNewPost(fs, site, { title: 'x' }, fixedClock);
    assert.match(plan.path, /\/source\/_posts\/2026\/3\/4\/[0-9a-f]{12}\.md$/);
  });

  it('merge picked tags and categories into the scaffold and write them as hexo new does', async () => {
    const { fs, site } = await makeSite(SHANGHAI);
    const plan = await planNewPost(fs, site, { title: '搬到杭州: 第一周', tags: ['随笔'], categories: [['生活', '杭州'], '随笔'] }, fixedClock);
    assert.equal(plan.path, `${ROOT}/source/_posts/搬到杭州-第一周.md`);
    assert.equal(plan.content, [
      '---', "title: '搬到杭州: 第一周'", 'tags:', '  - 随笔', 'categories:', '  - - 生活', '    - 杭州', '  - 随笔',
      'date: 2026-03-04 13:06:07', '---', '',
    ].join('\n'));
  });

  it('put drafts in _drafts and pages in <slug>/index.md, with their own scaffolds', async () => {
    const { fs, site } = await makeSite(SHANGHAI);
    const draft = await planNewPost(fs, site, { title: 'An idea', layout: 'draft' }, fixedClock);
    assert.equal(draft.path, `${ROOT}/source/_drafts/An-idea.md`);
    assert.equal(draft.content, '---\ntitle: An idea\ntags:\n---\n');
    const page = await planNewPost(fs, site, { title: 'About Me', layout: 'PAGE' }, fixedClock);
    assert.equal(page.path, `${ROOT}/source/About-Me/index.md`);
    assert.equal(page.content, '---\ntitle: About Me\ndate: 2026-03-04 13:06:07\n---\n');
  });

  it('render scaffolds with Nunjucks: filters and conditions in the front matter, the body left alone', async () => {
    const { fs, site } = await makeSite(SHANGHAI, {
      'scaffolds/photo.md': '---\ntitle: {{ title | upper }}\n{% if tags %}cover: true{% endif %}\nlayout: {{ layout }}\n---\n{{ not rendered }}\n',
    });
    const plan = await planNewPost(fs, site, { title: 'Trip', layout: 'photo', tags: ['travel'] }, fixedClock);
    assert.equal(plan.content, '---\ntitle: TRIP\ncover: true\nlayout: photo\ntags:\n  - travel\n---\n{{ not rendered }}\n');
    assert.equal(plan.content.slice(plan.bodyOffset), '{{ not rendered }}\n');
  });

  it('fall back to the normal scaffold, then to Hexo\'s built-in one', async () => {
    const { fs, site } = await makeSite(SHANGHAI, {}, {});
    const plan = await planNewPost(fs, site, { title: 'Bare' }, fixedClock);
    assert.equal(plan.content, '---\nlayout: post\ntitle: Bare\ndate: 2026-03-04 13:06:07\ntags:\n---\n');
  });

  it('answer a clash with Hexo\'s numeric suffix, one past the largest in use', async () => {
    assert.equal(unusedName('a.md', ['a.md']), 'a-1.md');
    assert.equal(unusedName('a.md', ['a.md', 'a-1.md', 'a-3.md', 'ab-9.md']), 'a-4.md');
    assert.equal(unusedName('a.md', ['a-2.md']), 'a.md');
    const { fs, site } = await makeSite(SHANGHAI, { 'source/_posts/Hello.md': 'mine' });
    const plan = await planNewPost(fs, site, { title: 'Hello' }, fixedClock);
    assert.equal(plan.path, `${ROOT}/source/_posts/Hello-1.md`);
  });

  it('plan the asset folder with post_asset_folder, reusing one that exists, never for a page', async () => {
    const { fs, site } = await makeSite(`${SHANGHAI}post_asset_folder: true\n`, { 'source/_posts/Kept/a.png': 'png' });
    const post = await planNewPost(fs, site, { title: 'Fresh' }, fixedClock);
    assert.deepEqual(post.operations.map((operation) => operation.kind), ['create', 'createFolder']);
    assert.deepEqual(post.operations[1], { kind: 'createFolder', path: `${ROOT}/source/_posts/Fresh`, assetsOf: `${ROOT}/source/_posts/Fresh.md` });
    const kept = await planNewPost(fs, site, { title: 'Kept' }, fixedClock);
    assert.deepEqual(kept.operations.map((operation) => operation.kind), ['create']);
    const page = await planNewPost(fs, site, { title: 'About', layout: 'page' }, fixedClock);
    assert.deepEqual(page.operations.map((operation) => operation.kind), ['create']);
  });

  it('use filename_case and the pinyin slug style', async () => {
    const { fs, site } = await makeSite(`${SHANGHAI}filename_case: 1\n`);
    const plan = await planNewPost(fs, site, { title: '用 Vue 写博客', slugStyle: 'pinyin' }, fixedClock);
    assert.equal(plan.path, `${ROOT}/source/_posts/yong-vue-xie-bo-ke.md`);
    assert.match(plan.content, /^title: 用 Vue 写博客$/m, 'the title stays as written');
  });

  it('refuse an empty title and report a scaffold that does not render', async () => {
    const { fs, site } = await makeSite(SHANGHAI, { 'scaffolds/broken.md': '---\ntitle: {{ title \n---\n' });
    await assert.rejects(planNewPost(fs, site, { title: '  ' }, fixedClock), PostPlanError);
    await assert.rejects(planNewPost(fs, site, { title: '???' }, fixedClock), PostPlanError);
    await assert.rejects(planNewPost(fs, site, { title: 'x', layout: 'broken' }, fixedClock), ScaffoldError);
  });

  it('refuse at once a scaffold whose YAML aliases expand without bound (merging it would copy them all)', async () => {
    const { fs, site } = await makeSite(SHANGHAI, { 'scaffolds/bomb.md': aliasBomb(9, 9).replace('title: 炸弹', 'title: {{ title }}') });
    const started = performance.now();
    await assert.rejects(planNewPost(fs, site, { title: 'x', layout: 'bomb', tags: ['a'] }, fixedClock),
      (error: Error) => error instanceof ScaffoldError && /"a7" expands through YAML aliases/.test(error.message));
    assert.ok(performance.now() - started < 1000);
  });
});
