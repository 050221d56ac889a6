import * as assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/rules';
import { check, contextFor, fixed, none, only } from './support';

describe('rules: front-matter syntax (PC101–PC105)', () => {
  it('PC101 reports an opening separator without a closing one, and closes it before the first blank line', async () => {
    const text = '---\ntitle: A\ndate: 2026-01-01\n\nBody\n';
    assert.deepEqual(await only(text, 'PC101'), [0, 0, 0, 3,
      'The front matter opened by "---" has no closing "---" line: Hexo reads the whole file, separators included, as the post body.']);
    assert.equal(await fixed(text, 'PC101'), '---\ntitle: A\ndate: 2026-01-01\n---\n\nBody\n');
    await none('---\ntitle: A\n---\nBody\n', 'PC101');
  });

  it('PC102 reports broken YAML at the parser\'s position', async () => {
    const [line, character, , , message] = await only('---\ntitle: A\ntags: [a, b\ndate: 2026-01-01\n---\n', 'PC102');
    assert.deepEqual([line, character], [3, 0]);
    assert.match(message, /^The front matter is not valid YAML \(.+\): Hexo fails to process this post and leaves it out of the site\.$/);
    await none('---\ntitle: "a: b"\n---\n', 'PC102');
  });

  it('PC103 reports broken ;;; JSON', async () => {
    const [, , , , message] = await only(';;;\n"title": "A",\n"date": \n;;;\nBody\n', 'PC103');
    assert.match(message, /^The ;;; front matter is not valid JSON/);
    await none(';;;\n"title": "A"\n;;;\nBody\n', 'PC103');
  });

  it('PC104 reports front matter that is a list', async () => {
    assert.deepEqual(await only('---\n- a\n- b\n---\n', 'PC104'), [1, 0, 2, 3, 'The front matter is a list, not key: value pairs: Hexo cannot use it as post data.']);
    await none('---\na: 1\n---\n', 'PC104');
  });

  it('PC105 reports a post without front matter and adds one with the required keys', async () => {
    const text = '# Hello there\n\nBody\n';
    assert.deepEqual(await only(text, 'PC105'), [0, 0, 0, 13, 'This post has no front matter: Hexo takes its title from the file name and its date from the file.']);
    assert.equal(await fixed(text, 'PC105'), '---\ntitle: Hello there\ndate: 2026-03-02 17:32:05\n---\n\n# Hello there\n\nBody\n');
    await none(text, 'PC105', { path: '/b/source/about/index.md' });
  });
});

describe('rules: keys and values (PC201–PC206)', () => {
  it('PC201 reports a missing required key on the opening fence and adds it after the title', async () => {
    const text = '---\ntitle: A\ntags: [x]\n---\n';
    assert.deepEqual(await only(text, 'PC201'), [0, 0, 0, 3, 'The front matter has no "date", which this site requires.']);
    assert.equal(await fixed(text, 'PC201'), '---\ntitle: A\ndate: 2026-03-02 17:32:05\ntags: [x]\n---\n');
    await none('---\ntitle: A\ndate: 2026-01-01\n---\n', 'PC201');
    await none('---\ntitle: A\n---\n', 'PC201', { path: '/b/source/_drafts/d.md' });
  });

  it('PC201 takes a missing title from the first heading, at the top, keeping CRLF', async () => {
    const text = '---\r\ndate: 2026-01-01\r\n---\r\n# 我的标题\r\n';
    assert.equal(await fixed(text, 'PC201'), '---\r\ntitle: 我的标题\r\ndate: 2026-01-01\r\n---\r\n# 我的标题\r\n');
  });

  it('PC201 adds a key at the indentation of the others (found by the property test)', async () => {
    // Hexo reads front matter without an opening fence; indented keys are one mapping.
    assert.equal(await fixed(' date: 2026-01-01\n---\n', 'PC201'), ' title: new-post\n date: 2026-01-01\n---\n');
    assert.equal(await fixed('---\n  title: A\n---\n', 'PC201'), '---\n  title: A\n  date: 2026-03-02 17:32:05\n---\n');
  });

  it('PC201 adds a key at the mapping\'s indentation after an explicit key `? x` (found by the fuzzer)', async () => {
    assert.equal(await fixed('---\n? x: 2026\ndate: 2026-01-01\n---\n', 'PC201'), '---\ntitle: new-post\n? x: 2026\ndate: 2026-01-01\n---\n');
    assert.equal(await fixed('---\n  ? x: 1\n  date: 2026-01-01\n---\n', 'PC201'), '---\n  title: new-post\n  ? x: 1\n  date: 2026-01-01\n---\n');
  });

  it('PC201 adds a title after a YAML document marker, and offers no line in a flow mapping (found by the fuzzer)', async () => {
    assert.equal(await fixed('----\n---\ndate: 2026-01-01\n----\n', 'PC201'), '----\n---\ntitle: new-post\ndate: 2026-01-01\n----\n');
    const [flow] = await check('---\n{title: A}\n---\n', 'PC201');
    assert.deepEqual(flow.fixes, []);
    const [marked] = await check('----\n---\n# note\n{date: 2026-01-01}\n----\n', 'PC201');
    assert.deepEqual(marked.fixes, []);
  });

  it('PC201 never adds a second date beside a mistyped one, and fix-all leaves the typo to the writer (found by the property test)', async () => {
    const text = '---\ntitle: A\ndatee: 2026-01-01\n---\n';
    const [required] = await check(text, 'PC201');
    assert.ok(!required.fixes[0].safe && !required.fixes[0].preferred);
    const [typo] = await check(text, 'PC203');
    assert.ok(typo.fixes[0].preferred && !typo.fixes[0].safe, 'renaming makes Hexo read a date it did not');
    const context = await contextFor();
    assert.equal(fixAll(text, context).text, text);
  });

  it('PC202 reports an empty title and fills it from the file name', async () => {
    const text = '---\ntitle:\ndate: 2026-01-01\n---\n';
    assert.deepEqual(await only(text, 'PC202'), [1, 0, 1, 6, 'The title is empty: the post appears without a title.']);
    assert.equal(await fixed(text, 'PC202'), '---\ntitle: new-post\ndate: 2026-01-01\n---\n');
    assert.equal(await fixed('---\ntitle: ""\ndate: 2026-01-01\n---\n# 标题\n', 'PC202'), '---\ntitle: "标题"\ndate: 2026-01-01\n---\n# 标题\n');
    await none('---\ntitle: 0\n---\n', 'PC202');
  });

  it('PC203 reports a likely typo of a known key and renames it in place', async () => {
    const text = '---\ntitle: A\ndate: 2026-01-01\ncatagories: [技术] # 分类\n---\n';
    assert.deepEqual(await only(text, 'PC203'), [3, 0, 3, 10, 'Unknown key "catagories": did you mean "categories"? Hexo and the theme do not read "catagories".']);
    assert.equal(await fixed(text, 'PC203'), '---\ntitle: A\ndate: 2026-01-01\ncategories: [技术] # 分类\n---\n');
    await none('---\ntitle: A\nmood: happy\nauthor: 林舟\n---\n', 'PC203');
  });

  it('PC203 leaves two keys mistyped for the same one out of fix-all, which would write it twice (found by the fuzzer)', async () => {
    const text = '---\ntittle: A\nTitle: B\ndate: 2026-01-01\n---\n';
    const found = await check(text, 'PC203');
    assert.deepEqual(found.map((d) => d.fixes.map((fix) => [fix.preferred, fix.safe])), [[[true, false]], [[true, false]]]);
    assert.equal(fixAll(text, await contextFor()).text, text);
  });

  it('PC204 reports a permalink without / or .html and appends /', async () => {
    const text = "---\ntitle: A\npermalink: 'about/me'\n---\n";
    assert.deepEqual(await only(text, 'PC204'), [2, 11, 2, 21,
      'The permalink "about/me" must end with "/" or ".html": otherwise Hexo writes the page to a file without an extension.']);
    assert.equal(await fixed(text, 'PC204'), "---\ntitle: A\npermalink: 'about/me/'\n---\n");
    assert.equal(await fixed(text, 'PC204', 1), "---\ntitle: A\npermalink: 'about/me.html'\n---\n");
    await none('---\npermalink: about/me.html\n---\n', 'PC204');
  });

  it('PC205 and PC206 measure title and excerpt in display columns', async () => {
    const title = '一'.repeat(31);
    assert.deepEqual(await only(`---\ntitle: ${title}\n---\n`, 'PC205'), [1, 7, 1, 38,
      'The title is 62 columns wide; search results show about 60 (a Chinese character counts two).']);
    await none(`---\ntitle: ${'一'.repeat(30)}\n---\n`, 'PC205');
    const [, , , , message] = await only(`---\nexcerpt: ${'x'.repeat(161)}\n---\n`, 'PC206');
    assert.match(message, /^The excerpt is 161 columns wide; search results show about 160/);
    await none(`---\nexcerpt: ${'x'.repeat(160)}\n---\n`, 'PC206', { settings: {} });
  });
});
