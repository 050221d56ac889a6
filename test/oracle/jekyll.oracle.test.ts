import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nodeFileSystem, toCorePath } from '../../src/cli/nodeFileSystem';
import { GENERATORS } from '../../src/core/generators/registry';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';
import { joinPath, relativeInside } from '../../src/core/path';

/**
 * Jekyll is the oracle for Jekyll sites: for every fixture under test/fixtures/jekyll-sites, what
 * Postcraft reads of each post and draft (title, date, tags, categories, whether a default
 * `jekyll build` keeps it), the set of files it takes for posts, and `postcraft taxonomy --json`
 * must agree with what Debian's jekyll 4.3 reads (asked by jekyllRead.cjs); where Jekyll fails the
 * build, Postcraft must hold the post it fails on as broken.
 */
const repo = resolve(__dirname, '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const fixtures = join(repo, 'test', 'fixtures', 'jekyll-sites');
const sites = readdirSync(fixtures, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(fixtures, entry.name));

type Value = string | number | boolean | null;
interface JekyllPost { path: string; title: Value; date: string; tags: Value[] | null; categories: Value[] | null; built: boolean }
interface Count { name: Value; count: number }
interface JekyllReading { time?: string; posts?: JekyllPost[]; tags?: Count[]; categories?: Count[]; failed?: { message: string } }

function scratch(site: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'postcraft-jekyll-oracle-')), 'site');
  cpSync(site, copy, { recursive: true });
  return copy;
}

/** Jekyll keys `site.tags` by value (`1` and `"1"` apart); Postcraft by name: counts summed by name. */
function byName(counts: readonly Count[]): Array<{ name: string; count: number }> {
  const totals = new Map<string, number>();
  for (const { name, count } of counts) totals.set(String(name), (totals.get(String(name)) ?? 0) + count);
  return [...totals].map(([name, count]) => ({ name, count })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

describe('Jekyll sites read as Jekyll 4.3 reads them', function () {
  this.timeout(120_000);

  before(function () {
    if (spawnSync('jekyll', ['--version']).status !== 0) throw new Error('jekyll is not installed (Debian package jekyll; scripts/test-editor/install.mjs installs it)');
    assert.ok(existsSync(cli), 'dist/cli.js is built (npm run build)');
  });

  for (const site of sites) {
    const name = site.slice(repo.length + 1);
    it(`on ${name}`, async () => {
      const copy = scratch(site);
      try {
        const started = Date.now();
        const jekyll = JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'jekyllRead.cjs'), copy], { encoding: 'utf8' })) as JekyllReading;
        const now = new Date();
        const workspace = await WorkspaceIndex.open(nodeFileSystem, [toCorePath(copy)], { generators: GENERATORS, clock: { now: () => now } });
        assert.equal(workspace.sites.length, 1, 'one site found');
        const index = workspace.sites[0];
        assert.equal(index.site.generator.kind, 'jekyll');
        const records = [...index.posts()].filter((record) => record.kind !== 'page');
        if (jekyll.failed) {
          // Jekyll names the file it fails on; Postcraft holds that post as one the build cannot take.
          const broken = records.filter((record) => record.error !== undefined).map((record) => relativeInside(toCorePath(copy), record.path));
          assert.ok(broken.length > 0 && broken.every((path) => path !== undefined && jekyll.failed?.message.includes(path)), `Jekyll fails (${jekyll.failed.message.split('\n')[0]}); Postcraft's broken posts: ${JSON.stringify(broken)}`);
          return;
        }
        const posts = jekyll.posts ?? [];
        assert.ok(posts.length > 0, 'Jekyll read some posts');
        assert.deepEqual(records.map((record) => relativeInside(index.site.sourceRoot, record.path)).sort(), posts.map((post) => post.path).sort(), 'the same files are posts and drafts');
        const buildTime = Date.parse(jekyll.time ?? '');
        const ours = posts.map((post) => {
          const record = index.post(joinPath(index.site.sourceRoot, post.path));
          if (!record) return undefined;
          // A post without a date is dated when the site is built (a draft: its file's time), which Postcraft leaves open.
          const date = record.date ? record.date.toISOString() : Date.parse(post.date) >= started - 1000 && Date.parse(post.date) <= buildTime ? post.date : 'undated';
          return {
            path: post.path, draft: record.kind === 'draft', title: record.title, date,
            tags: [...record.tags], categories: record.categories.map((path) => path.join('/')), built: index.site.isListed(record, now),
          };
        });
        const theirs = posts.map((post) => ({
          // `doc.draft?` is also true for a post that writes `draft: true` (still published): the folder decides.
          path: post.path, draft: /(^|\/)_drafts\//.test(post.path), title: post.title === null ? '' : String(post.title), date: post.date,
          tags: (post.tags ?? []).map(String), categories: (post.categories ?? []).map(String), built: post.built,
        }));
        assert.deepEqual(ours, theirs);
        const taxonomy = JSON.parse(execFileSync(process.execPath, [cli, 'taxonomy', copy, '--json'], { encoding: 'utf8' })) as { tags: Count[]; categories: Array<{ path: string[]; count: number }> };
        assert.deepEqual(byName(taxonomy.tags), byName(jekyll.tags ?? []));
        assert.ok(taxonomy.categories.every((category) => category.path.length === 1), 'categories are one level');
        assert.deepEqual(byName(taxonomy.categories.map(({ path, count }) => ({ name: path[0], count }))), byName(jekyll.categories ?? []));
      } finally {
        rmSync(resolve(copy, '..'), { recursive: true, force: true });
      }
    });
  }
});
