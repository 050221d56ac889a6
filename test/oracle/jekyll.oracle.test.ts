import * as assert from 'node:assert/strict';
import { scratchCopy } from './scratchSite';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeFileSystem, toCorePath } from '../../src/cli/nodeFileSystem';
import { GENERATORS } from '../../src/core/generators/registry';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';
import { joinPath, relativeInside } from '../../src/core/path';
import { applyTextEdits } from '../../src/core/edits';
import { checkPost, DEFAULT_SETTINGS } from '../../src/core/rules';
import { loadJekyllYaml } from '../../src/core/generators/jekyll/frontMatter';
import { splitJekyllFrontMatter } from '../../src/core/generators/jekyll/frontMatterSplit';
import { loadJekyllSite } from '../../src/core/generators/jekyll/jekyllSite';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { renderPost } from '../../src/core/render';

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
const sites = [
  ...readdirSync(fixtures, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(fixtures, entry.name)),
  // The sample blog the editor tests and `npm start` open is read as Jekyll reads it too.
  join(repo, 'examples', 'jekyll-blog'),
];

type Value = string | number | boolean | null | Value[];
interface JekyllPost { path: string; title: Value; date: string; tags: Value[] | null; categories: Value[] | null; built: boolean }
interface Count { name: Value; count: number }
interface JekyllReading { time?: string; posts?: JekyllPost[]; tags?: Count[]; categories?: Count[]; failed?: { message: string } }

function scratch(site: string): string {
  return scratchCopy(site, 'jekyll');
}

/** A value's name as Ruby's `to_s` writes it (a list inside `categories` is named by its `inspect`). */
function rubyName(value: Value): string {
  return Array.isArray(value) ? `[${value.map((item) => (typeof item === 'string' ? JSON.stringify(item) : item === null ? 'nil' : rubyName(item))).join(', ')}]` : String(value);
}

/** Jekyll keys `site.tags` by value (`1` and `"1"` apart); Postcraft by name: counts summed by name. */
function byName(counts: readonly Count[]): Array<{ name: string; count: number }> {
  const totals = new Map<string, number>();
  for (const { name, count } of counts) totals.set(rubyName(name), (totals.get(rubyName(name)) ?? 0) + count);
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
          // And `postcraft check` says so, with an error on that file (PC107), and exits 1.
          const report = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json'], { encoding: 'utf8', cwd: copy });
          const errors = (JSON.parse(report.stdout) as Array<{ file: string; severity: string; code: string }>).filter((d) => d.severity === 'error');
          assert.deepEqual([...new Set(errors.map((d) => `${d.code} ${d.file}`))].sort(), broken.map((path) => `PC107 ${path}`).sort());
          assert.equal(report.status, 1);
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
          tags: (post.tags ?? []).map(rubyName), categories: (post.categories ?? []).map(rubyName), built: post.built,
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

  it('reports each Jekyll rule where Jekyll misreads or skips a post; fix-all keeps what it reads, each quick fix makes it read what was meant', async () => {
    const copy = scratch(join(fixtures, 'rules'));
    try {
      const read = () => new Map((JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'jekyllRead.cjs'), copy], { encoding: 'utf8' })) as JekyllReading).posts!
        .map(({ path, title, date, tags, categories }) => [path, { title, date, tags, categories }]));
      const check = (...extra: string[]) => JSON.parse(spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json', ...extra], { encoding: 'utf8', cwd: copy }).stdout) as Array<{ file: string; code: string }>;
      const found = check().map((d) => `${d.code} ${d.file}`).sort();
      assert.deepEqual(found, [
        'PC109 _posts/notes-without-date.md',
        'PC307 _posts/2026-03-02-utc-date.md',
        'PC411 _posts/2026-03-04-comma-tags.md', 'PC411 _posts/2026-03-04-comma-tags.md',
        'PC412 news/_posts/2026-03-05-folder-category.md', 'PC412 news/_posts/2026-03-05-folder-category.md',
      ]);
      const before = read();
      // What each rule says Jekyll reads, it reads.
      assert.equal(before.has('_posts/notes-without-date.md'), false, 'Jekyll skips the undated name');
      assert.equal(before.get('_posts/2026-03-02-utc-date.md')?.date, '2026-03-02T17:32:00.000Z', '17:32 read as UTC');
      assert.deepEqual(before.get('_posts/2026-03-04-comma-tags.md')?.tags, ['读书,', '笔记']);
      // Fix-all (the folder category removed) leaves every post read as it was.
      check('--fix');
      assert.deepEqual(read(), before);
      assert.deepEqual(check().filter((d) => d.code === 'PC412'), [], 'the folder categories are gone from the front matter');
      // The writer's quick fixes: the date in the site's zone, the lists the commas meant.
      const workspace = await WorkspaceIndex.open(nodeFileSystem, [toCorePath(copy)], { generators: GENERATORS });
      const index = workspace.sites[0];
      await index.site.generator.loadRules?.();
      for (const name of ['_posts/2026-03-02-utc-date.md', '_posts/2026-03-04-comma-tags.md']) {
        const path = joinPath(index.site.sourceRoot, name);
        let text = readFileSync(path, 'utf8');
        for (;;) {
          const fix = checkPost(text, { path, kind: 'post', site: index.site, index, now: new Date(), settings: DEFAULT_SETTINGS })
            .find((d) => d.code === 'PC307' || d.code === 'PC411')?.fixes[0];
          if (!fix) break;
          text = applyTextEdits(text, fix.edits);
        }
        writeFileSync(path, text);
      }
      const after = read();
      assert.equal(after.get('_posts/2026-03-02-utc-date.md')?.date, '2026-03-02T09:32:00.000Z', '17:32 in Shanghai');
      assert.deepEqual(after.get('_posts/2026-03-04-comma-tags.md')?.tags, ['读书', '笔记']);
      assert.deepEqual(after.get('_posts/2026-03-04-comma-tags.md')?.categories, ['life', 'notes']);
      assert.deepEqual(check().map((d) => d.code), ['PC109'], 'only the skipped name is left');
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });

  /** Runs Ruby on `input` (JSON on stdin) and returns what the script prints as JSON. */
  const ruby = (script: string, input: unknown): unknown => JSON.parse(execFileSync('ruby', ['-rjson', '-rtime', '-rpsych', '-rdate', '-e', script], { input: JSON.stringify(input), encoding: 'utf8' }));

  it('splits front matter where Jekyll\'s YAML_FRONT_MATTER_REGEXP does, on 3,000 generated texts', () => {
    const pieces = ['---', '...', '----', '\n', '\r\n', ' ', '\t', 'a: 1', 'x', '--- x', '\n\n'];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const texts = Array.from({ length: 3000 }, () => {
      let text = `---${['\n', ' \n', '\r\n', '\n\n', ''][next(5)]}`;
      for (let k = next(8); k > 0; k--) text += pieces[next(pieces.length)];
      return text;
    });
    // Jekyll 4.3.1 lib/jekyll/document.rb: where the closing line starts, and how much body is left.
    const theirs = ruby('r = %r!\\A(---\\s*\\n.*?\\n?)^((---|\\.\\.\\.)\\s*$\\n?)!m; puts JSON.generate(JSON.parse($stdin.read).map { |s| s =~ r ? [$1.length, $~.post_match.length] : nil })', texts);
    const ours = texts.map((text) => {
      const split = splitJekyllFrontMatter(text);
      return split.closingFence ? [split.closingFence.start, text.length - split.bodyOffset] : null;
    });
    assert.deepEqual(ours, theirs);
  });

  it('reads plain scalars as Psych.safe_load does (booleans, numbers, base 60, dates, times, symbols)', () => {
    const scalars = [
      'yes', 'Yes', 'YES', 'yEs', 'no', 'On', 'off', 'OFF', 'y', 'n', 'true', 'True', 'FALSE', 'null', 'Null', '~', 'nil',
      '1', '-1', '+1', '0', '01', '017', '08', '0x1f', '0b101', '1_000', '1,000', '1:30', '1:30:15', '-1:30', '1:30.5',
      '1.5', '1.', '.5', '-.5', '1e3', '1.0e+3', '3.10', '.inf', '-.inf', '.nan', '0.1.2', '1-2', '12abc', 'abc',
      '2024-03-04', '2024-3-4', '2024-02-30', '2024-13-01', '2024-03-04 10:00:00', '2024-03-04T10:00:00Z',
      '2024-03-04 10:00:00 +0800', '2024-03-04 10:00:00+08:00', '2024-03-04t10:00:00.5', '2024-03-04 10:00', '20240304', ':sym',
    ];
    const theirs = ruby(`puts JSON.generate(JSON.parse($stdin.read).map { |s|
      begin
        v = Psych.safe_load("v: #{s}", permitted_classes: [Date, Time], aliases: true)["v"]
        case v
        when Time then ["time", v.utc.iso8601(3)]
        when Date then ["date", v.to_s]
        when Float then ["float", v.nan? || v.infinite? ? v.to_s : v]
        when Integer then ["integer", v]
        when String then ["string", v]
        else [v.inspect, nil]
        end
      rescue Psych::Exception => e
        ["error", nil]
      end
    })`, scalars);
    const ours = scalars.map((scalar) => {
      const loaded = loadJekyllYaml(`v: ${scalar}`);
      if (!('data' in loaded)) return ['error', null];
      const value = loaded.data.v;
      if (value instanceof Date) return ['time', value.toISOString()];
      if (value === null || typeof value === 'boolean') return [value === null ? 'nil' : String(value), null];
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return ['float', Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'];
        return [/[.]/.test(scalar) ? 'float' : 'integer', value];
      }
      // Psych's Date arrives as the string Ruby prints, `2024-03-04`: a real day, written without quotes.
      const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
      const real = day !== null && new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))).toISOString().startsWith(day[0]);
      return [real ? 'date' : 'string', value];
    });
    assert.deepEqual(ours, theirs);
  });
});

describe('the Jekyll preview against jekyll build', function () {
  this.timeout(120_000);

  /** Every file under `folder`, relative to it. */
  function walk(folder: string, prefix = ''): string[] {
    return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(folder, join(prefix, entry.name)) : [join(prefix, entry.name)]);
  }

  /** Each header's id and classes, in order, from HTML (Jekyll's or the preview's). */
  function headers(html: string): Array<{ id: string; classes: string }> {
    return Array.from(html.matchAll(/<h[1-6]\b([^>]*)>/g), (match) => ({
      id: /\sid="([^"]*)"/.exec(match[1])?.[1] ?? '',
      classes: /\sclass="([^"]*)"/.exec(match[1])?.[1] ?? '',
    }));
  }

  /** The classes attribute lists gave, in order: on paragraphs, lists, quotes, tables and spans (not the code or footnote markup either side draws its own way). */
  function listClasses(html: string): string[] {
    return Array.from(html.matchAll(/<(p|ul|ol|blockquote|table|em|strong)\b[^>]*\sclass="([^"]*)"/g), (match) => `${match[1]}.${match[2]}`).filter((name) => !/\.(?:footnotes|rouge)/.test(name));
  }

  it('gives every header of the preview fixture the id (and class) kramdown gives it, and every block and span its attribute list', async () => {
    const copy = scratchCopy(join(fixtures, 'preview'), 'jekyll');
    try {
      execFileSync('jekyll', ['build', '-s', copy, '-d', join(copy, '_site')], { encoding: 'utf8' });
      const built = walk(join(copy, '_site')).filter((file) => file.endsWith('.html'));
      const site = await loadJekyllSite(nodeFileSystem, toCorePath(copy));
      const index = await SiteIndex.build(site, nodeFileSystem);
      const syntax = await site.generator.loadBodySyntax();
      const posts = readdirSync(join(copy, '_posts'));
      assert.ok(posts.length >= 2);
      let compared = 0;
      for (const name of posts) {
        const slug = name.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, '');
        const output = built.find((file) => file.endsWith(`/${slug}.html`));
        assert.ok(output, `jekyll wrote ${slug}.html`);
        const theirs = headers(readFileSync(join(copy, '_site', output), 'utf8'));
        const documentPath = toCorePath(join(copy, '_posts', name));
        const text = readFileSync(documentPath, 'utf8');
        const context = { documentPath, site, index, syntax, resourceUrl: (file: string) => file };
        const includes = new Map(syntax.collectIncludes(text, context).map((file) => [file, existsSync(file) ? readFileSync(file, 'utf8') : undefined] as const));
        const html = renderPost(text, { ...context, includes }).bodyHtml;
        const jekyllHtml = readFileSync(join(copy, '_site', output), 'utf8');
        assert.deepEqual(headers(html), theirs, name);
        assert.deepEqual(listClasses(html), listClasses(jekyllHtml), `${name}: classes`);
        compared += theirs.length + listClasses(jekyllHtml).length;
      }
      assert.ok(compared >= 30, `${compared} headers and classes compared`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
