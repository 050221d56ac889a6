import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as fc from 'fast-check';
import { runCheck } from '../../src/cli/commands/check';
import { nodeFileSystem, toCorePath } from '../../src/cli/nodeFileSystem';
import { applyTextEdits } from '../../src/core/edits';
import { parseFrontMatter } from '../../src/core/frontMatter';
import { SiteIndex } from '../../src/core/index/siteIndex';
import {
  checkPost, collectSiteFiles, DEFAULT_SETTINGS, fileTimesOf, fixAllEdits, siteFileLookup, type RuleContext, type ValidationSettings,
} from '../../src/core/rules';
import { loadHexoSite } from '../../src/core/generators/hexo/hexoSite';
import { repo, scratchSite } from './scratchSite';

/**
 * Hexo is the oracle for fix-all: on a site made to trigger every fixable rule, and on generated
 * posts, Hexo 8.1.2 must read every post the same way before and after `postcraft check --fix`
 * (title, date, updated where written, tags, categories, layout, published, permalink), except where
 * a fix repairs what Hexo misreads (an unreadable date, an ignored offset: then Hexo reads what was
 * meant) or cannot build (an unclosed `{{`: then the post renders). Fix-all applied twice equals
 * once, its output parses, and no round changes bytes outside the edits it made.
 */
const fixture = join(repo, 'test', 'fixtures', 'fix-all-site');

interface HexoModel {
  kind: 'post' | 'page';
  title: string;
  date: string | null;
  updated: string | null;
  tags: string[];
  categories: string[];
  layout: string;
  published: boolean;
  permalink: string;
  renderError: string | null;
}

function hexoModels(site: string): Record<string, HexoModel> {
  const output = execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'hexoPostModels.cjs'), site], { encoding: 'utf8', cwd: site });
  return JSON.parse(output) as Record<string, HexoModel>;
}

/** Written dates have whole seconds; a file's birth time has milliseconds that a written date drops. */
function seconds(iso: string | null): string | null {
  return iso === null ? null : `${iso.slice(0, 19)}Z`;
}

/** What a theme shows of a post, as compared before and after. `updated` only where the post writes it. */
function meaning(model: HexoModel, updatedWritten: boolean): Record<string, unknown> {
  return {
    kind: model.kind, title: model.title, date: seconds(model.date), updated: updatedWritten ? seconds(model.updated) : undefined,
    tags: [...model.tags].sort(), categories: [...model.categories].sort(), layout: model.layout, published: model.published, permalink: model.permalink,
  };
}

/** The texts of every Markdown file under `source/`, by path relative to the source folder (Hexo's `source`). */
function sourceTexts(site: string, paths: readonly string[]): Map<string, string> {
  return new Map(paths.map((path) => [relative(join(site, 'source'), path).split('\\').join('/'), readFileSync(path, 'utf8')]));
}

/**
 * Fix-all, round by round as `fixAll` does it, on every checked file of the site, asserting that each
 * round changes only bytes inside its edits. Returns the fixed texts by path, without writing them.
 */
async function fixRoundByRound(site: string, settings: ValidationSettings, safeCodes = new Set<string>()): Promise<Map<string, { before: string; after: string }>> {
  const root = toCorePath(site);
  const index = await SiteIndex.build(await loadHexoSite(nodeFileSystem, root), nodeFileSystem, { maxFileBytes: Number.MAX_SAFE_INTEGER });
  const lookup = siteFileLookup(await collectSiteFiles(nodeFileSystem, index.site));
  const results = new Map<string, { before: string; after: string }>();
  const paths = [...index.posts()].map((record) => record.path).filter((path) => index.site.classify(path)).sort();
  for (const path of paths) {
    const before = new TextDecoder().decode(await nodeFileSystem.readFile(path));
    const fileTimes = fileTimesOf(await nodeFileSystem.stat(path));
    const context: RuleContext = { path, kind: index.site.classify(path)!, site: index.site, index, now: new Date(), settings, ...(fileTimes ? { fileTimes } : {}), ...lookup };
    let text = before;
    for (let round = 0; round < 5; round++) {
      const diagnostics = checkPost(text, context);
      for (const diagnostic of diagnostics) if (diagnostic.fixes.some((fix) => fix.preferred && fix.safe)) safeCodes.add(diagnostic.code);
      const edits = fixAllEdits(diagnostics);
      if (edits.length === 0) break;
      const next = applyTextEdits(text, edits);
      // Every byte before the first edit and after the last is kept, and so is every byte between edits.
      const sorted = [...edits].sort((a, b) => a.range.startOffset - b.range.startOffset);
      let at = 0;
      let shift = 0;
      for (const edit of sorted) {
        assert.equal(next.slice(at + shift, edit.range.startOffset + shift), text.slice(at, edit.range.startOffset), `${path}: round ${round} kept the bytes between edits`);
        shift += edit.newText.length - (edit.range.endOffset - edit.range.startOffset);
        at = edit.range.endOffset;
      }
      assert.equal(next.slice(at + shift), text.slice(at), `${path}: round ${round} kept the bytes after its edits`);
      text = next;
    }
    if (text !== before) index.update(path, text);
    results.set(path, { before, after: text });
  }
  return results;
}

/** `YYYY/MM/DD` of an instant as Hexo's permalinks write it: in the building machine's zone (moment's local time), not the site's. */
function permalinkDay(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())}`;
}

interface Expectation {
  /** ISO instants Hexo must read after the fix where the fix repairs a misread date. */
  readonly date?: string;
  readonly updated?: string;
  /** The post fails to render before and renders after. */
  readonly repairsRender?: boolean;
}

/** Runs the whole comparison on a scratch site. */
async function assertFixAllKeepsMeaning(site: string, settings: ValidationSettings, expected: ReadonlyMap<string, Expectation>): Promise<{ changed: number; posts: number; safeCodes: Set<string> }> {
  const before = hexoModels(site);
  const safeCodes = new Set<string>();
  const planned = await fixRoundByRound(site, settings, safeCodes);
  const result = await runCheck([site], { format: 'json', fix: true, settings });
  const texts = sourceTexts(site, [...planned.keys()]);
  // The CLI writes exactly what the rounds computed.
  for (const [path, { after }] of planned) assert.equal(readFileSync(path, 'utf8'), after, path);
  const after = hexoModels(site);

  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'Hexo reads the same files after fix-all');
  let changed = 0;
  for (const [source, model] of Object.entries(before)) {
    const text = texts.get(source);
    const plan = [...planned.entries()].find(([path]) => path.endsWith(`/source/${source}`))?.[1];
    if (text === undefined || !plan) continue;
    if (plan.before !== plan.after) changed++;
    const wasValid = parseFrontMatter(plan.before).valid;
    if (wasValid) assert.ok(parseFrontMatter(text).valid, `${source}: fix-all's output parses`);
    const updatedWritten = Object.prototype.hasOwnProperty.call(parseFrontMatter(text).data, 'updated');
    const expectation = expected.get(source) ?? {};
    const now = after[source];
    const want = meaning(model, updatedWritten);
    if (expectation.date) {
      want.date = seconds(expectation.date);
      // The site's permalink (:year/:month/:day/:title/) follows the repaired date.
      want.permalink = model.permalink.replace(/\/\d{4}\/\d\d\/\d\d\//, `/${permalinkDay(expectation.date)}/`);
    }
    if (expectation.updated) want.updated = seconds(expectation.updated);
    assert.deepEqual(meaning(now, updatedWritten), want, `${source}: Hexo reads the post the same way after fix-all`);
    if (expectation.repairsRender) {
      assert.ok(model.renderError, `${source}: Hexo fails to render it before`);
      assert.equal(now.renderError, null, `${source}: Hexo renders it after`);
    } else if (model.renderError === null) {
      assert.equal(now.renderError, null, `${source}: fix-all never breaks a post that renders`);
    }
  }
  // Twice equals once.
  const again = await runCheck([site], { format: 'json', fix: true, settings });
  assert.equal(again.fixed, 0, 'a second fix-all finds nothing to fix');
  assert.ok(result.reports.length > 0);
  return { changed, posts: Object.keys(before).length, safeCodes };
}

/** The fixture's posts where fix-all repairs what Hexo misreads or cannot build. */
const FIXTURE_REPAIRS: ReadonlyMap<string, Expectation> = new Map([
  // 2026年3月2日 17:32 in Asia/Shanghai, which Hexo could not read (it took the file's birth time).
  ['_posts/2024-01-06-unreadable-date.md', { date: '2026-03-02T09:32:00.000Z' }],
  // +09:00 was ignored (Hexo showed 10:00 Shanghai); the fix writes the meant instant in the site's zone.
  ['_posts/2024-01-07-offset-date.md', { date: '2026-03-02T01:00:00.000Z', updated: '2026-03-03T01:00:00.000Z' }],
  ['_posts/2024-01-10-broken-braces.md', { repairsRender: true }],
]);

describe('oracle: fix-all keeps what Hexo 8.1.2 reads', function () {
  this.timeout(240_000);

  it('on a site made to trigger every fixable rule', async () => {
    const site = scratchSite(fixture);
    const { changed, posts, safeCodes } = await assertFixAllKeepsMeaning(site, DEFAULT_SETTINGS, FIXTURE_REPAIRS);
    // 25 posts, a draft (render_drafts: true) and a page.
    assert.equal(posts, 27);
    // Dated by birth time (undated.md, json-undated.md, the draft), empty items, a repeated tag, two dates, braces.
    assert.equal(changed, 8);
    // The fixes fix-all applied are exactly those docs/rules.md lists as safe.
    const rules = readFileSync(join(repo, 'docs', 'rules.md'), 'utf8');
    const documented = /^\| Fix-all applies \(safe\) \| Quick fix only \|\n\| --- \| --- \|\n\| (.*?) \|/m.exec(rules)?.[1];
    assert.deepEqual([...safeCodes].sort(), [...new Set(documented?.match(/PC\d{3}/g))].sort());
    // Hexo dates a post by its name: fix-all adds no date there.
    assert.doesNotMatch(readFileSync(join(site, 'source', '_posts', '2024-01-05-dated-by-name.md'), 'utf8'), /^date:/m);
    assert.match(readFileSync(join(site, 'source', '_posts', 'undated.md'), 'utf8'), /^date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m);
    // Re-cased tags and categories are the writer's call.
    assert.match(readFileSync(join(site, 'source', '_posts', '2024-01-05-dated-by-name.md'), 'utf8'), /tags: \[JAVA, Web3, todo, toDo\]\ncategories: \[java\]/);
  });

  it('on generated posts, with date and updated required', async () => {
    const site = scratchSite(fixture);
    const expected = new Map<string, Expectation>(FIXTURE_REPAIRS);
    const posts = fc.sample(generatedPost, { numRuns: 60, seed: 20261203 });
    posts.forEach((post, i) => {
      const name = post.datedName ? `2025-0${1 + (i % 9)}-1${i % 10}-gen-${i}.md` : `gen-${i}.md`;
      writeFileSync(join(site, 'source', '_posts', name), post.text);
      if (post.expectation) expected.set(`_posts/${name}`, post.expectation);
    });
    const settings: ValidationSettings = { ...DEFAULT_SETTINGS, requiredKeys: { post: ['title', 'date', 'updated'], draft: ['title'], page: [] } };
    const { changed } = await assertFixAllKeepsMeaning(site, settings, expected);
    assert.ok(changed >= 40, `fix-all changed ${changed} files`);
  });
});

interface GeneratedPost {
  readonly text: string;
  readonly datedName: boolean;
  readonly expectation?: Expectation;
}

const NAMES = ['Go', 'go', 'JavaScript', 'javascript', 'Java', 'JAVA', '后端', 'web3', 'Web3', '读书'];

/** A tag or category list in one of the shapes people write, with repeats, empty items and case variants. */
const taxonomyValue = fc.tuple(
  fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.constant(null)), { minLength: 1, maxLength: 5 }),
  fc.constantFrom('flow', 'block', 'scalar'),
).map(([names, style]) => {
  if (style === 'scalar') return ` ${names.find((name) => name !== null) ?? 'Go'}`;
  if (style === 'flow') return ` [${names.map((name) => name ?? 'null').join(', ')}]`;
  return names.map((name) => `\n  -${name === null ? '' : ` ${name}`}`).join('');
});

/** A date as written (or not), with the instant the writer meant when Hexo misreads it. */
const dateLine = fc.oneof(
  fc.constant({ line: undefined as string | undefined, meant: undefined as string | undefined }),
  fc.constant({ line: 'date: 2025-04-05 06:07:08', meant: undefined }),
  fc.constant({ line: 'date: 2025年4月5日 06:07', meant: '2025-04-04T22:07:00.000Z' }),
  fc.constant({ line: 'date: 2025-04-05 06:07:08+09:00', meant: '2025-04-04T21:07:08.000Z' }),
);

const body = fc.constantFrom('Plain text.\n', 'Say {{ name }} here.\n', 'Vue: {{ a }} and {{ b\n', '# A heading\n\nText.\n', '{% raw %}{{ kept }}{% endraw %}\n');

const generatedPost: fc.Arbitrary<GeneratedPost> = fc.record({
  title: fc.constantFrom('title: Generated', 'title: "引号 标题"', 'title:', undefined),
  date: dateLine,
  tags: fc.option(taxonomyValue, { nil: undefined }),
  categories: fc.option(taxonomyValue, { nil: undefined }),
  typo: fc.boolean(),
  crlf: fc.boolean(),
  datedName: fc.boolean(),
  body,
}).map(({ title, date, tags, categories, typo, crlf, datedName, body: text }) => {
  const lines = ['---', title, date.line, tags && `tags:${tags}`, categories && `${typo ? 'catagories' : 'categories'}:${categories}`, '---']
    .filter((line): line is string => line !== undefined);
  const eol = crlf ? '\r\n' : '\n';
  const post = `${lines.join('\n')}\n${text}`.replace(/\n/g, eol);
  const repairsRender = text.includes('{{ b');
  const expectation: Expectation | undefined = date.meant || repairsRender ? { ...(date.meant ? { date: date.meant } : {}), ...(repairsRender ? { repairsRender } : {}) } : undefined;
  return { text: post, datedName, ...(expectation ? { expectation } : {}) };
});
