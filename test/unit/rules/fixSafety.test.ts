import * as assert from 'node:assert/strict';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { checkPost, DEFAULT_SETTINGS, fixAll, fixAllEdits, formatRuleMessage, needsFileTimes, type FileTimes } from '../../../src/core/rules';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { check, contextFor, fixed, none, only } from './support';

/** 2025-06-01 02:03:04 UTC: 10:03:04 in Asia/Shanghai. */
const BORN = new Date(Date.UTC(2025, 5, 1, 2, 3, 4));
const TIMES: FileTimes = { created: BORN, changed: new Date(Date.UTC(2025, 6, 1, 0, 0, 0)), modified: new Date(Date.UTC(2025, 7, 1, 0, 0, 0)) };

/** A blog that names posts by date, as many real blogs do (`hexo new` then writes no date Hexo needs). */
async function datedNamesIndex(): Promise<SiteIndex> {
  const fs = new MemoryFileSystem({
    '/d/_config.yml': 'timezone: Asia/Shanghai\nnew_post_name: :year-:month-:day-:title.md\n',
    '/d/source/_posts/2024-01-05-first.md': '---\ntitle: First\n---\n',
  });
  return SiteIndex.build(await loadHexoSite(fs, '/d'), fs);
}

describe('fix-all keeps the post\'s meaning', () => {
  it('a post that Hexo dates by its file name is not missing a date: no PC201, and PC105 adds no date', async () => {
    const index = await datedNamesIndex();
    const path = '/d/source/_posts/2024-01-05-first.md';
    await none('---\ntitle: First\n---\nBody\n', 'PC201', { index, path, fileTimes: TIMES });
    assert.equal(await fixed('# First\n\nBody\n', 'PC105', undefined, { index, path }), '---\ntitle: First\n---\n\n# First\n\nBody\n');
    // A name that does not match new_post_name gives no date: Hexo uses the file's birth time.
    const [line, , , , message] = await only('---\ntitle: Odd\n---\n', 'PC201', { index, path: '/d/source/_posts/odd.md', fileTimes: TIMES });
    assert.equal(line, 0);
    assert.match(message, /Hexo dates this post by its file on disk \(2025-06-01 10:03:04 here\)/);
  });

  it('PC201 fills a missing date with the file\'s birth time, in the site\'s zone, as a safe fix', async () => {
    const text = '---\ntitle: A\ntags: [x]\n---\n';
    const [diagnostic] = await check(text, 'PC201', { fileTimes: TIMES });
    assert.equal(formatRuleMessage(diagnostic.message),
      'The front matter has no "date": Hexo dates this post by its file on disk (2025-06-01 10:03:04 here), a date that changes with every checkout or copy. Write it down to keep it.');
    assert.ok(diagnostic.fixes[0].safe && diagnostic.fixes[0].preferred);
    assert.equal(fixAll(text, await contextFor({ fileTimes: TIMES })).text, '---\ntitle: A\ndate: 2025-06-01 10:03:04\ntags: [x]\n---\n');
  });

  it('PC201 on a page takes the file\'s status-change time, as Hexo\'s page processor does', async () => {
    const text = '---\ntitle: About\n---\n';
    const options = { path: '/b/source/about/index.md', fileTimes: TIMES, settings: { requiredKeys: { post: [], draft: [], page: ['date'] } } };
    assert.equal(await fixed(text, 'PC201', undefined, options), '---\ntitle: About\ndate: 2025-07-01 08:00:00\n---\n');
  });

  it('without the file\'s times (a file not saved yet) the date is now, offered but never applied unasked', async () => {
    const text = '---\ntitle: A\n---\n';
    const [diagnostic] = await check(text, 'PC201');
    assert.equal(formatRuleMessage(diagnostic.message), 'The front matter has no "date", which this site requires.');
    assert.ok(diagnostic.fixes[0].preferred && !diagnostic.fixes[0].safe);
    assert.equal(fixAll(text, await contextFor()).text, text);
  });

  it('a required updated is filled with what updated_option gives: the modification time by default', async () => {
    const text = '---\ntitle: A\ndate: 2026-01-01 00:00:00\n---\n';
    const options = { fileTimes: TIMES, settings: { requiredKeys: { post: ['updated'], draft: [], page: [] } } };
    const [diagnostic] = await check(text, 'PC201', options);
    assert.ok(diagnostic.fixes[0].safe);
    assert.equal(fixAll(text, await contextFor(options)).text, '---\ntitle: A\ndate: 2026-01-01 00:00:00\nupdated: 2025-08-01 08:00:00\n---\n');
  });

  it('asks for the file\'s times only when a required date or updated is neither written nor in the file name', async () => {
    const index = await datedNamesIndex();
    const named = index.post('/d/source/_posts/2024-01-05-first.md');
    assert.equal(needsFileTimes(named, 'post', DEFAULT_SETTINGS), false, 'the name gives the date');
    assert.equal(needsFileTimes({ keys: ['title'], date: undefined }, 'post', DEFAULT_SETTINGS), true);
    assert.equal(needsFileTimes({ keys: ['title'], date: undefined }, 'draft', DEFAULT_SETTINGS), false, 'drafts need no date by default');
    assert.equal(needsFileTimes(undefined, 'post', DEFAULT_SETTINGS), true);
    const updated = { ...DEFAULT_SETTINGS, requiredKeys: { post: ['updated'], draft: [], page: [] } };
    assert.equal(needsFileTimes(named, 'post', updated), true);
  });

  it('suggestions that change what Hexo reads stay quick fixes: a re-cased tag, a renamed key, a title, a permalink', async () => {
    // Each line triggers one rule whose preferred fix would change the post's model in Hexo.
    const text = '---\ntitle:\ndate: 2026-01-01 00:00:00\ntags: [javascript]\ncatagories: [技术]\npermalink: about/me\n---\n# 标题\n\nSay {{ name }}.\n';
    const context = await contextFor();
    const diagnostics = checkPost(text, context);
    const offered = diagnostics.filter((diagnostic) => diagnostic.fixes.some((fix) => fix.preferred)).map((diagnostic) => diagnostic.code);
    assert.deepEqual([...new Set(offered)].sort(), ['PC202', 'PC203', 'PC204', 'PC404', 'PC507']);
    assert.deepEqual(fixAllEdits(diagnostics), []);
    assert.equal(fixAll(text, context).text, text);
  });

  it('fix-all still repairs what Hexo misreads or cannot build: empty items, repeated tags, unreadable dates, unclosed braces', async () => {
    const text = '---\ntitle: A\ndate: 2026年3月2日 17:32\ntags:\n  - Go\n  -\n  - Go\n---\n{% raw %}{{ a }}{% endraw %} and {{ b\n';
    const result = fixAll(text, await contextFor());
    assert.equal(result.text, '---\ntitle: A\ndate: 2026-03-02 17:32:00\ntags:\n  - Go\n---\n{% raw %}{{ a }}{% endraw %} and {% raw %}{{{% endraw %} b\n');
    assert.equal(result.applied, 4);
  });
});
