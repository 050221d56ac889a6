import * as assert from 'node:assert/strict';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';

function post(frontMatter: string, body = '正文\n'): string {
  return `---\n${frontMatter}\n---\n${body}`;
}

async function indexOf(files: Record<string, string | Uint8Array>, config = 'timezone: Asia/Shanghai\n'): Promise<{ index: SiteIndex; fs: MemoryFileSystem }> {
  const fs = new MemoryFileSystem({ '/b/_config.yml': config, ...files });
  const index = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
  return { index, fs };
}

const tagTable = (index: SiteIndex) => Object.fromEntries(index.tagCounts().map((tag) => [tag.name, tag.count]));
const categoryTable = (index: SiteIndex) => Object.fromEntries(index.categoryCounts().map((c) => [c.path.join(' > '), c.count]));

describe('site index', () => {
  it('counts tags across posts, most used first', async () => {
    const { index } = await indexOf({
      '/b/source/_posts/a.md': post('title: A\ntags: [AI赚钱, 副业]'),
      '/b/source/_posts/b.md': post('title: B\ntags:\n  - 副业\n  - 随笔'),
      '/b/source/_posts/c.md': post('title: C\ntags: 副业'),
    });
    assert.deepEqual(index.tagCounts().map((t) => [t.name, t.count]), [['副业', 3], ['AI赚钱', 1], ['随笔', 1]]);
  });

  it('reads a folder of posts moved in, and forgets one moved out, as a rebuild would', async () => {
    const { index, fs } = await indexOf({ '/b/source/_posts/a.md': post('title: A\ntags: [x]') });
    fs.write('/b/source/_posts/series/part-1.md', post('title: P1\ntags: [x, 系列]'));
    fs.write('/b/source/_posts/series/images/cover.png', new Uint8Array([0x89, 0x50]));
    fs.write('/b/source/_posts/series/.git/HEAD.md', post('title: hidden'));
    assert.deepEqual(await index.addFolder(fs, '/b/source/_posts/series'), ['/b/source/_posts/series/part-1.md']);
    assert.deepEqual(tagTable(index), { x: 2, '系列': 1 });
    const rebuilt = await SiteIndex.build(index.site, fs);
    assert.deepEqual([...index.posts()].map((record) => record.path).sort(), [...rebuilt.posts()].map((record) => record.path).sort());
    assert.equal(index.removeFolder('/b/source/_posts/series'), true);
    assert.equal(index.removeFolder('/b/source/_posts/series'), false);
    assert.deepEqual(tagTable(index), { x: 1 });
    // A folder whose name another merely starts with is not touched.
    assert.equal(index.removeFolder('/b/source/_post'), false);
    assert.equal(index.size, 1);
  });

  it('counts a post at every level of each category hierarchy', async () => {
    const { index } = await indexOf({
      '/b/source/_posts/a.md': post('categories: [技术, 前端]'),
      '/b/source/_posts/b.md': post('categories:\n  - [技术, 后端]\n  - 生活'),
      '/b/source/_posts/c.md': post('categories: [[A, B], [A, C]]'),
    });
    assert.deepEqual(categoryTable(index), { '技术': 2, '技术 > 前端': 1, '技术 > 后端': 1, '生活': 1, A: 2, 'A > B': 1, 'A > C': 1 });
  });

  it('leaves drafts and pages out of the counts unless render_drafts', async () => {
    const files = {
      '/b/source/_posts/a.md': post('tags: [x]'),
      '/b/source/_drafts/d.md': post('tags: [x, draft-only]'),
      '/b/source/about/index.md': post('tags: [page-tag]'),
    };
    assert.deepEqual(tagTable((await indexOf(files)).index), { x: 1 });
    assert.deepEqual(tagTable((await indexOf(files, 'render_drafts: true\n')).index), { x: 2, 'draft-only': 1 });
  });

  it('leaves `published: false` posts out, and future posts when `future: false`', async () => {
    const { index } = await indexOf({
      '/b/source/_posts/a.md': post('tags: [x]\npublished: false'),
      '/b/source/_posts/b.md': post('tags: [y]\ndate: 2999-01-01 00:00:00'),
    }, 'future: false\n');
    assert.deepEqual(tagTable(index), {});
  });

  it('drops a post whose YAML does not parse, keeping it listed with its error', async () => {
    const { index } = await indexOf({
      '/b/source/_posts/ok.md': post('tags: [x]'),
      '/b/source/_posts/broken.md': post('tags: [x\ntitle: oops'),
    });
    assert.deepEqual(tagTable(index), { x: 1 });
    assert.ok(index.post('/b/source/_posts/broken.md')?.error);
  });

  it('skips binary files without failing', async () => {
    const { index } = await indexOf({ '/b/source/_posts/bin.md': new Uint8Array([0, 1, 2, 255, 0]), '/b/source/_posts/a.md': post('tags: [x]') });
    assert.equal(index.post('/b/source/_posts/bin.md'), undefined);
    assert.deepEqual(tagTable(index), { x: 1 });
  });

  it('reflects an unsaved edit and a removal incrementally', async () => {
    const { index } = await indexOf({ '/b/source/_posts/a.md': post('tags: [x]'), '/b/source/_posts/b.md': post('tags: [x]') });
    const before = index.version;
    index.update('/b/source/_posts/a.md', post('tags: [x, 新标签]'));
    assert.deepEqual(tagTable(index), { x: 2, '新标签': 1 });
    index.remove('/b/source/_posts/b.md');
    assert.deepEqual(tagTable(index), { x: 1, '新标签': 1 });
    assert.ok(index.version > before);
    assert.equal(index.update('/b/README.md', post('tags: [z]')), undefined, 'files outside the site are ignored');
  });

  it('reads title, dates in the site timezone, layout and keys', async () => {
    const { index } = await indexOf({ '/b/source/_posts/a.md': post('title: 你好\ndate: 2026-03-02 17:32:00\nlayout: photo\nexcerpt: hi') });
    const record = index.post('/b/source/_posts/a.md')!;
    assert.equal(record.title, '你好');
    assert.equal(record.date?.toISOString(), '2026-03-02T09:32:00.000Z');
    assert.equal(record.layout, 'photo');
    assert.deepEqual([...record.keys].sort(), ['date', 'excerpt', 'layout', 'title']);
    assert.equal(index.keyCounts().get('excerpt'), 1);
  });

  it('takes the date from the file name when the post has none', async () => {
    const { index } = await indexOf({ '/b/source/_posts/2026-03-02-hello.md': post('title: x') }, 'new_post_name: :year-:month-:day-:title.md\ntimezone: UTC\n');
    assert.equal(index.post('/b/source/_posts/2026-03-02-hello.md')?.date?.toISOString(), '2026-03-02T00:00:00.000Z');
  });

  it('does not take the file name\'s date for an unreadable date: Hexo falls back to the birth time then', async () => {
    const { index } = await indexOf({ '/b/source/_posts/2026-03-02-hello.md': post('title: x\ndate: 2026年3月2日') }, 'new_post_name: :year-:month-:day-:title.md\ntimezone: UTC\n');
    assert.equal(index.post('/b/source/_posts/2026-03-02-hello.md')?.date, undefined);
  });

  it('reads the same record whether the front matter closes in the first 4 KB or long after', async () => {
    const longTitle = '很长的标题'.repeat(400); // about 6 KB of UTF-8 before the closing fence
    const body = '正文'.repeat(3000);
    const { index } = await indexOf({
      '/b/source/_posts/short.md': post('title: 短\ntags: [甲, 乙]\ncategories: [技术, 前端]', body),
      '/b/source/_posts/long.md': post(`title: ${longTitle}\ntags: [丙]`, body),
    });
    const short = index.post('/b/source/_posts/short.md')!;
    assert.deepEqual([short.title, short.tags, short.categories], ['短', ['甲', '乙'], [['技术', '前端']]]);
    const long = index.post('/b/source/_posts/long.md')!;
    assert.equal(long.title, longTitle);
    assert.deepEqual(long.tags, ['丙']);
  });

  it('reads the same record as the whole text whichever head of the file it decodes', async () => {
    // Front matter closing just before, at and after the 4 KB head, with a three-byte character (中)
    // cut by the head, CRLF fences, a `----` line cut after its third dash, and lines that start like
    // a fence (where the first head ends) inside the front matter or the body.
    const files: Record<string, string> = {
      '/b/source/_posts/fence-like.md': '---\ntags: [中文]\ntitle: |\n  ---not a fence\n---x\n;;;\n---\n正文\n---\n',
      '/b/source/_posts/json.md': ';;;\n"tags": ["中文"], "title": "---"\n;;;\n正文',
      '/b/source/_posts/no-opening.md': 'tags: [中文]\ntitle: t\n---\n---\n正文',
      '/b/source/_posts/fence-at-end.md': '---\ntags: [中文]\n---',
      '/b/source/_posts/unclosed.md': `---\ntags: [中文]\n${'正文'.repeat(2000)}`,
    };
    const bytes = (text: string): number => new TextEncoder().encode(text).length;
    for (const target of [4096]) {
      for (let shift = -6; shift <= 6; shift++) {
        for (const dash of [false, true]) {
          const eol = shift % 3 === 0 ? '\r\n' : '\n';
          const head = `---${eol}tags: [中文, x]${eol}date: 2026-03-02 17:32:00${eol}title: `;
          const tail = `中${eol}---`;
          // The closing fence ends `shift` bytes from the head's end; with `dash` its line reads
          // `----`, which Hexo's splitter closes on, with a `-` starting the body.
          const filler = 'a'.repeat(target + shift - bytes(head) - bytes(tail));
          const body = `${dash ? `-${eol}---${eol}` : eol}正文中文`.padEnd(200, '文');
          files[`/b/source/_posts/p${target}${shift}${dash ? 'dash' : ''}.md`] = `${head}${filler}${tail}${body}`;
        }
      }
    }
    const { index, fs } = await indexOf(files);
    let tagged = 0;
    for (const [path, bytes] of fs.files) {
      if (!path.endsWith('.md')) continue;
      const whole = index.site.readPost(path, 'post', new TextDecoder().decode(bytes));
      assert.deepEqual(index.post(path), whole, path);
      if (whole.tags.includes('中文') && !whole.error) tagged++;
    }
    assert.ok(tagged >= 26, `${tagged} posts read with their tags`);
    assert.equal(index.tagCounts().find((tag) => tag.name === '中文')?.count, tagged);
  });

  it('stops early when cancelled and reports progress', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`/b/source/_posts/p${i}.md`] = post(`tags: [t${i}]`);
    const fs = new MemoryFileSystem({ '/b/_config.yml': '', ...files });
    const progress: number[] = [];
    const index = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs, { onProgress: (done) => progress.push(done) });
    assert.equal(progress[progress.length - 1], 50);
    const cancelled = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs, { cancellation: { isCancellationRequested: true } });
    assert.equal(cancelled.size, 0);
    assert.equal(index.size, 50);
  });

  it('keeps its taxonomy version while a post\'s body changes, and moves it when what vocabularies read changes', async () => {
    const { index } = await indexOf({ '/b/source/_posts/a.md': post('title: A\ntags: [x]\ncategories: [C]') });
    const path = '/b/source/_posts/a.md';
    const start = index.taxonomyVersion;
    index.update(path, post('title: A\ntags: [x]\ncategories: [C]', '正文 typed on\n'));
    index.update(path, post('title: A\ntags: [x]\ncategories: [C]', '正文 typed on, and on\n'));
    assert.equal(index.taxonomyVersion, start);
    const changes = [
      post('title: A\ntags: [x, y]\ncategories: [C]'),
      post('title: A\ntags: [y, x]\ncategories: [C]'),
      post('title: A\ntags: [y, x]\ncategories: [C, D]'),
      post('title: B\ntags: [y, x]\ncategories: [C, D]'),
      post('title: B\ntags: [y, x]\ncategories: [C, D]\nslug: s'),
      post('title: B\ntags: [y, x]\ncategories: [C, D]\nslug: s\ndate: 2024-01-02'),
      post('title: B\ntags: [y, x]\ncategories: [C, D]\nslug: s\ndate: 2024-01-02\npublished: false'),
      post('title: B\ntags: [y, x]\ncategories: [C, D]\nslug: s\ndate: 2024-01-02\npublished: false\ncomments: false'),
      post('title: [unclosed'),
    ];
    let last = start;
    for (const text of changes) {
      index.update(path, text);
      assert.ok(index.taxonomyVersion > last, text);
      last = index.taxonomyVersion;
    }
    index.update('/b/source/_posts/b.md', post('title: new'));
    assert.ok(index.taxonomyVersion > last);
    last = index.taxonomyVersion;
    index.remove('/b/source/_posts/b.md');
    assert.ok(index.taxonomyVersion > last);
  });
});
