import * as assert from 'node:assert/strict';
import { PostPlanError } from '../../../src/core/generators/hexo/posts/newPost';
import { planPublish, planUnpublish } from '../../../src/core/generators/hexo/posts/publish';
import { aliasBomb } from '../support/hostilePosts';
import { fixedClock, makeSite, ROOT, SHANGHAI } from './support';

const DRAFTS = `${ROOT}/source/_drafts`;
const POSTS = `${ROOT}/source/_posts`;

describe('publish plans (hexo publish)', () => {
  it('keep the draft\'s text and add the scaffold\'s date (now) where the scaffold has it', async () => {
    const draft = '---\ntitle: 搬到杭州\n# my note\ntags: [随笔, \'生活\']\n---\n\nBody.\n';
    const { fs, site } = await makeSite(SHANGHAI, { 'source/_drafts/moving.md': draft });
    const plan = await planPublish(fs, site, `${DRAFTS}/moving.md`, draft, fixedClock);
    assert.equal(plan.path, `${POSTS}/moving.md`);
    assert.equal(plan.content, '---\ntitle: 搬到杭州\ndate: 2026-03-04 13:06:07\n# my note\ntags: [随笔, \'生活\']\n---\n\nBody.\n');
    assert.deepEqual(plan.operations.map((operation) => operation.kind), ['create', 'delete']);
  });

  it('keep the draft\'s own date, and name the post by it', async () => {
    const draft = '---\ntitle: Old idea\ndate: 2025-12-01 08:30:00\n---\nText';
    const { fs, site } = await makeSite(`${SHANGHAI}new_post_name: :year-:month-:day-:title.md\n`, { 'source/_drafts/old-idea.md': draft });
    const plan = await planPublish(fs, site, `${DRAFTS}/old-idea.md`, draft, fixedClock);
    assert.equal(plan.path, `${POSTS}/2025-12-01-old-idea.md`);
    // The scaffold's empty `tags:` comes along, as in Hexo.
    assert.equal(plan.content, '---\ntitle: Old idea\ndate: 2025-12-01 08:30:00\ntags:\n---\nText');
  });

  it('deep-merge the post scaffold under the draft\'s own keys (hexo PR #5472); the scaffold body goes first, as in Hexo', async () => {
    const draft = '---\ntitle: T\ntags: [mine]\ncategories:\nextra:\n  a: 1\n---\nB\n';
    const { fs, site } = await makeSite(SHANGHAI, { 'source/_drafts/t.md': draft }, {
      'scaffolds/post.md': '---\ntitle: {{ title }}\ndate: {{ date }}\ntags: [blog]\ncategories: [Inbox]\ncomments: true\nextra:\n  b: 2\n---\nFrom the scaffold.\n',
    });
    const plan = await planPublish(fs, site, `${DRAFTS}/t.md`, draft, fixedClock);
    assert.equal(plan.content, [
      '---',
      'title: T',
      'date: 2026-03-04 13:06:07',
      'tags:', '  - blog', '  - mine',
      'categories:', '  - Inbox',
      'comments: true',
      'extra:', '  b: 2', '  a: 1',
      '---',
      'From the scaffold.',
      '',
      'B',
      '',
    ].join('\n'));
  });

  it('move the draft\'s asset folder with it, past a clash with another post and its folder', async () => {
    const draft = '---\ntitle: Trip\n---\n';
    const { fs, site } = await makeSite(`${SHANGHAI}post_asset_folder: true\n`, {
      'source/_drafts/trip.md': draft,
      'source/_drafts/trip/photo.png': 'png',
      'source/_posts/trip.md': 'another post',
      'source/_posts/trip-1/x.png': 'a folder without its post',
    });
    const plan = await planPublish(fs, site, `${DRAFTS}/trip.md`, draft, fixedClock);
    assert.equal(plan.path, `${POSTS}/trip-2.md`);
    assert.deepEqual(plan.operations.slice(1), [
      { kind: 'move', from: `${DRAFTS}/trip`, to: `${POSTS}/trip-2` },
      { kind: 'delete', path: `${DRAFTS}/trip.md` },
    ]);
    fs.apply(plan.operations);
    assert.equal(fs.text(`${POSTS}/trip-2/photo.png`), 'png');
    assert.equal(fs.text(`${POSTS}/trip.md`), 'another post');
  });

  it('keep CRLF line breaks and insert lines with them', async () => {
    const draft = '---\r\ntitle: Windows\r\n---\r\nBody\r\n';
    const { fs, site } = await makeSite(SHANGHAI, { 'source/_drafts/w.md': draft });
    const plan = await planPublish(fs, site, `${DRAFTS}/w.md`, draft, fixedClock);
    assert.equal(plan.content, '---\r\ntitle: Windows\r\ndate: 2026-03-04 13:06:07\r\ntags:\r\n---\r\nBody\r\n');
  });

  it('publish a `;;;` JSON draft as JSON, its fields kept', async () => {
    const draft = ';;;\n"title": "J",\n"tags": ["a"]\n;;;\nBody\n';
    const { fs, site } = await makeSite(SHANGHAI, { 'source/_drafts/j.md': draft });
    const plan = await planPublish(fs, site, `${DRAFTS}/j.md`, draft, fixedClock);
    // Hexo's JSON mode writes the date as its UTC wall clock (hexo \`prepareFrontMatter\`); so does Postcraft.
    assert.equal(plan.content, ';;;\n"title": "J",\n"tags": [\n  "a"\n],\n"date": "2026-03-04 05:06:07"\n;;;\nBody\n');
  });

  it('refuse what is not a draft, and a draft whose front matter Hexo cannot read', async () => {
    const { fs, site } = await makeSite(SHANGHAI, { 'source/_posts/p.md': '---\ntitle: p\n---\n', 'source/_drafts/bad.md': '---\ntitle: [\n---\n' });
    await assert.rejects(planPublish(fs, site, `${POSTS}/p.md`, '', fixedClock), PostPlanError);
    await assert.rejects(planPublish(fs, site, `${DRAFTS}/bad.md`, '---\ntitle: [\n---\n', fixedClock), PostPlanError);
  });

  it('refuse at once a draft or a post scaffold whose YAML aliases expand without bound', async () => {
    const bomb = aliasBomb(9, 9);
    const { fs, site } = await makeSite(SHANGHAI, { 'source/_drafts/bomb.md': bomb, 'source/_drafts/ok.md': '---\ntitle: ok\n---\n' });
    await assert.rejects(planPublish(fs, site, `${DRAFTS}/bomb.md`, bomb, fixedClock), (error: Error) => error instanceof PostPlanError && /expands through YAML aliases/.test(error.message));
    const scaffolded = await makeSite(SHANGHAI, { 'scaffolds/post.md': bomb.replace('title: 炸弹', 'title: {{ title }}'), 'source/_drafts/ok.md': '---\ntitle: ok\n---\n' });
    const started = performance.now();
    await assert.rejects(planPublish(scaffolded.fs, scaffolded.site, `${DRAFTS}/ok.md`, '---\ntitle: ok\n---\n', fixedClock),
      (error: Error) => error instanceof PostPlanError && /post scaffold cannot be used: "a7" expands/.test(error.message));
    assert.ok(performance.now() - started < 1000);
  });
});

describe('unpublish plans (back to drafts)', () => {
  it('move the post under the :title part of its name, unchanged, with its asset folder', async () => {
    const { fs, site } = await makeSite(`${SHANGHAI}new_post_name: :year-:month-:day-:title.md\npost_asset_folder: true\n`, {
      'source/_posts/2025-01-02-trip.md': 'post text',
      'source/_posts/2025-01-02-trip/a.png': 'png',
      'source/_drafts/trip.md': 'an older draft',
    });
    const plan = await planUnpublish(fs, site, `${POSTS}/2025-01-02-trip.md`);
    assert.equal(plan.path, `${DRAFTS}/trip-1.md`);
    fs.apply(plan.operations);
    assert.equal(fs.text(`${DRAFTS}/trip-1.md`), 'post text');
    assert.equal(fs.text(`${DRAFTS}/trip-1/a.png`), 'png');
    assert.equal(fs.text(`${DRAFTS}/trip.md`), 'an older draft');
  });
});
