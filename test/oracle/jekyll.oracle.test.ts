import * as assert from 'node:assert/strict';
import { applyRenamedPostEdits, scratchCopy } from './scratchSite';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { nodeFileSystem, toCorePath } from '../../src/cli/nodeFileSystem';
import { GENERATORS } from '../../src/core/generators/registry';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';
import { joinPath, relativeInside } from '../../src/core/path';
import { applyTextEdits, type FileOperation } from '../../src/core/edits';
import { jekyllSlugify } from '../../src/core/generators/jekyll/posts/slugify';
import { planTaxonomyRename, postsKeepingFolderCategory } from '../../src/core/posts/renameTaxonomy';
import { checkPost, DEFAULT_SETTINGS } from '../../src/core/rules';
import { completeJekyllBody } from '../../src/core/generators/jekyll/bodyCompletion';
import { readJekyllDate } from '../../src/core/generators/jekyll/dates';
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

  it('offers post_url names and tags that jekyll build takes without a warning, on every fixture and the sample blog', async () => {
    for (const site of sites) {
      const copy = scratch(site);
      try {
        const workspace = await WorkspaceIndex.open(nodeFileSystem, [toCorePath(copy)], { generators: GENERATORS });
        const index = workspace.sites[0];
        if ([...index.posts()].some((record) => record.error)) continue;
        const complete = (text: string) => completeJekyllBody(text, text.length, index, { path: joinPath(index.site.sourceRoot, 'probe.md') });
        const names = complete('{% post_url ').map((item) => item.insertText);
        const tags = complete('{% ').map((item) => item.label).filter((name) => !['include', 'include_relative', 'link', 'post_url', 'render', 'echo', 'liquid', 'cycle'].includes(name));
        const body = [
          ...names.map((name) => `[x]({% post_url ${name} %})`),
          // Every tag offered, as its snippet writes it (a block with its end tag), with a plain argument.
          ...tags.map((name) => (complete('{% ').find((item) => item.label === name)!.insertText.includes(`end${name}`) ? `{% ${name} ${name === 'for' ? 'x in (1..2)' : name === 'case' ? 'x' : name === 'highlight' ? 'ruby' : name === 'capture' ? 'x' : name === 'tablerow' ? 'x in (1..2)' : name === 'if' || name === 'unless' ? 'true' : ''} %}\nx\n{% end${name} %}` : `{% ${name} ${name === 'assign' ? 'x = 1' : name === 'increment' || name === 'decrement' ? 'x' : 'hello'} %}`)),
        ].join('\n\n');
        writeFileSync(join(copy, index.site.sourceRoot.slice(toCorePath(copy).length), 'postcraft-probe.md'), `---\ntitle: Probe\n---\n${body}\n`);
        // Run where the configuration is, as a writer does (it names the source folder).
        const build = spawnSync('jekyll', ['build', '-d', join(copy, '..', 'out')], { encoding: 'utf8', cwd: copy });
        assert.equal(build.status, 0, `${site}: ${build.stderr}`);
        assert.doesNotMatch(build.stdout + build.stderr, /Deprecation|Liquid Exception|Liquid syntax error/, site);
        if (site.endsWith('rules')) {
          assert.ok(names.includes('sub/2026-03-07-nested'), `the nested post by its folder: ${names.join(', ')}`);
          assert.ok(tags.includes('shout') && tags.includes('aside'), 'the site plugin\'s tags');
        }
        if (site.endsWith('jekyll-blog')) assert.ok(names.includes('tech/2026-02-10-ruby-blocks'), `the category folder's post: ${names.join(', ')}`);
      } finally {
        rmSync(resolve(copy, '..'), { recursive: true, force: true });
      }
    }
  });

  describe('Liquid rules: Jekyll fails the build exactly where Postcraft reports an error (test/fixtures/jekyll-liquid)', () => {
    const liquid = join(repo, 'test', 'fixtures', 'jekyll-liquid');
    for (const name of readdirSync(join(liquid, 'cases')).sort()) {
      it(name, () => {
        const copy = scratch(join(liquid, 'base'));
        try {
          const text = readFileSync(join(liquid, 'cases', name), 'utf8');
          writeFileSync(join(copy, '_posts', '2024-02-01-case.md'), text);
          const expected = (/^expect: \[(.*)\]$/m.exec(text)?.[1] ?? '').split(',').map((code) => code.trim()).filter(Boolean);
          const report = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json'], { encoding: 'utf8', cwd: copy });
          const found = (JSON.parse(report.stdout) as Array<{ file: string; code: string; severity: string }>).filter((d) => d.file === '_posts/2024-02-01-case.md');
          assert.deepEqual(found.map((d) => d.code).sort(), [...expected].sort(), JSON.stringify(found));
          const out = join(copy, '..', 'out');
          const build = spawnSync('jekyll', ['build', '-d', out], { encoding: 'utf8', cwd: copy });
          const fails = found.some((d) => d.severity === 'error');
          assert.equal(build.status !== 0, fails, `jekyll build ${build.status === 0 ? 'passed' : `failed: ${(build.stdout + build.stderr).split('\n').find((line) => /Liquid|Error/.test(line))}`}`);
          if (name === 'empty-output.md') assert.match(readFileSync(join(out, '2024', '02', '01', 'case.html'), 'utf8'), /ABCD/, 'the outputs render nothing');
        } finally {
          rmSync(resolve(copy, '..'), { recursive: true, force: true });
        }
      });
    }
  });

  it('keeps post_url and link working when a post is renamed or moved below a category folder (examples/jekyll-blog)', async () => {
    const copy = scratch(join(repo, 'examples', 'jekyll-blog'));
    try {
      writeFileSync(join(copy, 'about.md'), `${readFileSync(join(copy, 'about.md'), 'utf8')}\n[第一篇]({% link _posts/2026-01-15-hello-jekyll.md %})\n`);
      const workspace = await WorkspaceIndex.open(nodeFileSystem, [toCorePath(copy)], { generators: GENERATORS });
      const index = workspace.sites[0];
      const from = joinPath(index.site.sourceRoot, '_posts', '2026-01-15-hello-jekyll.md');
      const to = joinPath(index.site.sourceRoot, 'life', '_posts', '2026-01-16-moved-to-jekyll.md');
      const edited = applyRenamedPostEdits(index, from, to);
      assert.equal(edited, 3, 'two post_url and one link name the post');
      writeFileSync(to, readFileSync(from));
      rmSync(from);
      const build = spawnSync('jekyll', ['build', '-d', join(copy, '..', 'out')], { encoding: 'utf8', cwd: copy });
      assert.equal(build.status, 0, build.stdout + build.stderr);
      assert.doesNotMatch(build.stdout + build.stderr, /Deprecation/);
      assert.match(readFileSync(join(copy, '..', 'out', 'tech', '2026', '02', '10', 'ruby-blocks', 'index.html'), 'utf8'), /href="\/life\/[^"]*\/moved-to-jekyll\/"/, 'the link now leads to the moved post');
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

  it('reads written dates as Ruby\'s Time.parse does in the site\'s zone: hours past 23 roll over only beside a numeric offset', () => {
    const days = ['2020-03-19', '2020-3-9', '2020/03/19', '20200319', '2020-02-30', '2020-03-32', '2020-13-01'];
    const times = ['', ' 00:00', ' 10:39', ' 10:39:08', 'T10:39:08', ' 10:39:08.25', ' 23:59:60', ' 10:60:00', ' 10:39:61', ' 24:00:00', ' 24:39:08', ' 25:00', ' 29:39:08', ' 99:39:08'];
    const zones = ['', ' +0800', '+08:00', ' -05', ' Z', 'Z', ' UTC', ' GMT'];
    // Left out: a day past the month's end beside a numeric offset, where Ruby clamps some days and rolls others.
    const impossible = new Set(['2020-02-30', '2020-03-32', '2020-13-01']);
    const texts = days.flatMap((day) => times.flatMap((time) => zones
      .filter((zone) => (time !== '' || zone === '') && !(impossible.has(day) && /^ ?[+-]/.test(zone)))
      .map((zone) => `${day}${time}${zone}`)));
    const theirs = ruby('ENV["TZ"] = "Asia/Shanghai"; puts JSON.generate(JSON.parse($stdin.read).map { |s| begin; Time.parse(s).utc.strftime("%Y-%m-%dT%H:%M:%S.%LZ"); rescue ArgumentError; nil; end })', texts) as Array<string | null>;
    const ours = texts.map((text) => readJekyllDate(text, 'Asia/Shanghai')?.toISOString() ?? null);
    const differences = texts.flatMap((text, i) => (ours[i] === theirs[i] ? [] : [`${text}: ours ${ours[i]}, Ruby ${theirs[i]}`]));
    assert.deepEqual(differences, []);
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

/**
 * The commands' plans applied to a scratch copy of test/fixtures/jekyll-sites/commands, then Jekyll
 * asked what it reads: the new post, the published and unpublished files, the stamp and the renamed
 * terms must be read as the writer meant them.
 */
describe('Postcraft\'s commands on a Jekyll site, as jekyll then reads it', function () {
  this.timeout(180_000);
  const site = join(fixtures, 'commands');
  type Reading = Omit<JekyllReading, 'posts'> & { posts: Array<JekyllPost & { layout: Value; last_modified_at: Value }> };
  const readSite = (copy: string) => JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'jekyllRead.cjs'), copy], { encoding: 'utf8' })) as Reading;
  const postAt = (reading: Reading, path: string) => reading.posts.find((post) => post.path === path);

  /** Applies a plan's file operations to the disk, as the editor applies them as one edit. */
  function apply(operations: readonly FileOperation[]): void {
    for (const operation of operations) {
      if (operation.kind === 'create') {
        mkdirSync(dirname(operation.path), { recursive: true });
        writeFileSync(operation.path, operation.content);
      } else if (operation.kind === 'delete') rmSync(operation.path);
      else if (operation.kind === 'edit') writeFileSync(operation.path, applyTextEdits(readFileSync(operation.path, 'utf8'), operation.edits));
      else throw new Error(`unexpected ${operation.kind}`);
    }
  }

  async function open(copy: string) {
    const workspace = await WorkspaceIndex.open(nodeFileSystem, [toCorePath(copy)], { generators: GENERATORS });
    const index = workspace.sites[0];
    return { index, planner: await index.site.generator.loadPlanner() };
  }

  /** The day in Shanghai (the fixture's zone) and the instant to the minute, as jekyll-compose writes a date. */
  const shanghaiDay = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const toMinute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString();

  it('names files as Jekyll::Utils.slugify does', () => {
    const titles = ['Hello, World!', '  C++ & Rust: 2024 ', '搬到 杭州', 'Café Über', 'a--b__c', 'İstanbul ÇAY', 'x\u0301y'];
    const theirs = JSON.parse(execFileSync('ruby', ['-rjekyll', '-rjson', '-e', 'puts JSON.generate(JSON.parse($stdin.read).map { |t| Jekyll::Utils.slugify(t) })'], { input: JSON.stringify(titles), encoding: 'utf8' })) as string[];
    assert.deepEqual(titles.map(jekyllSlugify), theirs);
  });

  it('plans a new post, draft and page that Jekyll reads with the typed title, date, tags and categories', async () => {
    const copy = scratchCopy(site, 'jekyll');
    try {
      const { index, planner } = await open(copy);
      const now = new Date();
      const clock = { now: () => now };
      const postPlan = await planner.planNewPost(nodeFileSystem, index.site, { title: 'Hello: Jekyll!', tags: ['ruby', 'web dev', 'yes'], categories: ['notes'] }, clock);
      const draftPlan = await planner.planNewPost(nodeFileSystem, index.site, { title: 'Draft idea', layout: 'draft', tags: ['ideas'] }, clock);
      const pagePlan = await planner.planNewPost(nodeFileSystem, index.site, { title: 'About us', layout: 'page' }, clock);
      // A second post of the same title and day never overwrites the first.
      apply(postPlan.operations);
      const againPlan = await planner.planNewPost(nodeFileSystem, index.site, { title: 'Hello: Jekyll!' }, clock);
      for (const plan of [draftPlan, pagePlan, againPlan]) apply(plan.operations);
      const relative = (path: string) => relativeInside(toCorePath(copy), path);
      assert.equal(relative(postPlan.path), `_posts/${shanghaiDay(now)}-hello-jekyll.md`);
      assert.equal(relative(againPlan.path), `_posts/${shanghaiDay(now)}-hello-jekyll-1.md`);
      assert.equal(relative(draftPlan.path), '_drafts/draft-idea.md');
      assert.equal(relative(pagePlan.path), 'about-us.md');
      const reading = readSite(copy);
      assert.deepEqual(postAt(reading, relative(postPlan.path)!), {
        path: relative(postPlan.path), title: 'Hello: Jekyll!', date: toMinute(now), tags: ['ruby', 'web dev', 'yes'], categories: ['notes'],
        layout: 'post', last_modified_at: null, built: true,
      });
      const draft = postAt(reading, '_drafts/draft-idea.md');
      assert.deepEqual([draft?.title, draft?.tags, draft?.layout, draft?.built], ['Draft idea', ['ideas'], 'post', false], 'a draft, not built by default');
      // The page is built where the others put pages, with its layout.
      const out = join(copy, '..', 'out');
      const build = spawnSync('jekyll', ['build', '-d', out], { cwd: copy, encoding: 'utf8', env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true' } });
      assert.equal(build.status, 0, build.stderr);
      assert.ok(existsSync(join(out, 'about-us.html')), 'the page is built');
      // And Postcraft reads the new files as Jekyll does.
      const { index: after } = await open(copy);
      const record = after.post(postPlan.path);
      assert.deepEqual([record?.title, record?.date?.toISOString(), record?.tags], ['Hello: Jekyll!', toMinute(now), ['ruby', 'web dev', 'yes']]);
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });

  it('publishes drafts (dated now, or keeping their date) and unpublishes a post, as Jekyll then reads them', async () => {
    const copy = scratchCopy(site, 'jekyll');
    try {
      const { index, planner } = await open(copy);
      const now = new Date();
      const clock = { now: () => now };
      const draft = (name: string) => joinPath(toCorePath(copy), '_drafts', name);
      const text = (path: string) => readFileSync(path, 'utf8');
      const fresh = await planner.planPublish(nodeFileSystem, index.site, draft('trip-plan.md'), text(draft('trip-plan.md')), clock);
      const kept = await planner.planPublish(nodeFileSystem, index.site, draft('dated-draft.md'), text(draft('dated-draft.md')), clock);
      const back = await planner.planUnpublish(nodeFileSystem, index.site, joinPath(toCorePath(copy), '_posts', '2026-03-03-singular.md'));
      const started = Date.now();
      for (const plan of [fresh, kept, back]) apply(plan.operations);
      const reading = readSite(copy);
      const paths = reading.posts.map((post) => post.path).sort();
      assert.deepEqual(paths, [
        `_posts/${shanghaiDay(now)}-trip-plan.md`, '_posts/2026-01-10-dated-draft.md', '_posts/2026-03-01-ruby-notes.md', '_posts/2026-03-02-list-tags.md', '_drafts/singular.md', 'news/_posts/2026-03-04-in-news.md',
      ].sort());
      const published = postAt(reading, `_posts/${shanghaiDay(now)}-trip-plan.md`);
      assert.deepEqual([published?.title, published?.date, published?.tags, published?.built], ['Trip plan', toMinute(now), ['travel'], true]);
      const dated = postAt(reading, '_posts/2026-01-10-dated-draft.md');
      assert.deepEqual([dated?.date, dated?.built], ['2026-01-10T01:00:00.000Z', true], 'the draft\'s own date kept');
      const unpublished = postAt(reading, '_drafts/singular.md');
      assert.deepEqual([unpublished?.title, unpublished?.tags, unpublished?.categories, unpublished?.built], ['Singular: keys', ['ruby'], ['notes'], false]);
      // Its date line went, as jekyll-compose drops it: Jekyll dates the draft by its file.
      assert.ok(Date.parse(unpublished!.date) >= started - 2000, `dated by its file: ${unpublished?.date}`);
      // Publishing again over an existing post is refused.
      writeFileSync(draft('trip-plan.md'), '---\ntitle: Again\n---\n');
      await assert.rejects(planner.planPublish(nodeFileSystem, index.site, draft('trip-plan.md'), text(draft('trip-plan.md')), clock), /already exists/);
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });

  it('stamps last_modified_at so that Jekyll and jekyll-seo-tag read that instant, and leaves date alone', async () => {
    const copy = scratchCopy(site, 'jekyll');
    try {
      const { index, planner } = await open(copy);
      const path = joinPath(toCorePath(copy), '_posts', '2026-03-01-ruby-notes.md');
      const now = new Date('2026-03-05T04:05:06Z');
      const before = readFileSync(path, 'utf8');
      writeFileSync(path, applyTextEdits(before, planner.updateTimestampEdits(index.site, before, now)));
      const post = postAt(readSite(copy), '_posts/2026-03-01-ruby-notes.md');
      assert.deepEqual([post?.last_modified_at, post?.date], ['2026-03-05T04:05:06.000Z', '2026-03-01T02:00:00.000Z']);
      // jekyll-seo-tag (Debian's) writes it as the page's dateModified.
      mkdirSync(join(copy, '_layouts'), { recursive: true });
      writeFileSync(join(copy, '_layouts', 'post.html'), '<head>{% seo %}</head>{{ content }}');
      writeFileSync(join(copy, '_config.yml'), `${readFileSync(join(copy, '_config.yml'), 'utf8')}plugins: [jekyll-seo-tag]\n`);
      const out = join(copy, '..', 'out');
      const build = spawnSync('jekyll', ['build', '-d', out], { cwd: copy, encoding: 'utf8', env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true' } });
      assert.equal(build.status, 0, build.stderr);
      const html = readFileSync(join(out, 'life', '2026', '03', '01', 'ruby-notes.html'), 'utf8');
      assert.match(html, /"dateModified":"2026-03-05T12:05:06\+08:00"/);
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });

  it('renames a tag and a category across the site as Jekyll reads them; folder categories are reported, not renamed', async () => {
    const copy = scratchCopy(site, 'jekyll');
    try {
      const { index } = await open(copy);
      const posts = [...index.posts()].filter((record) => record.kind !== 'page').map((record) => ({ path: record.path, kind: record.kind, text: readFileSync(record.path, 'utf8') }));
      const before = readSite(copy);
      const count = (reading: Reading, key: 'tags' | 'categories', name: string) => reading[key]?.find((entry) => entry.name === name)?.count ?? 0;
      assert.deepEqual([count(before, 'tags', 'ruby'), count(before, 'tags', 'rails'), count(before, 'tags', 'Ruby')], [4, 1, 1]);
      const rename = { kind: 'tag', from: 'ruby', to: 'rails' } as const;
      apply(planTaxonomyRename(posts, rename, index.site.generator.termRenameEdits));
      const category = { kind: 'category', from: ['news'], to: ['updates'] } as const;
      const refreshed = posts.map((post) => ({ ...post, text: readFileSync(post.path, 'utf8') }));
      apply(planTaxonomyRename(refreshed, category, index.site.generator.termRenameEdits));
      const after = readSite(copy);
      // Every post that had ruby has rails (one already had both: merged), Ruby is another tag.
      assert.deepEqual([count(after, 'tags', 'ruby'), count(after, 'tags', 'rails'), count(after, 'tags', 'Ruby'), count(after, 'tags', 'rubyist')], [0, 4, 1, 1]);
      assert.deepEqual(postAt(after, '_posts/2026-03-01-ruby-notes.md')?.tags, ['rails', 'web', 'rubyist']);
      assert.match(readFileSync(join(copy, '_posts', '2026-03-01-ruby-notes.md'), 'utf8'), /^tags: rails web {2}rubyist$/m, 'only the word replaced');
      // The folder's category stays (Jekyll takes it from news/), the front matter's is renamed; Postcraft says which post keeps it.
      assert.deepEqual(postAt(after, 'news/_posts/2026-03-04-in-news.md')?.categories, ['news', 'updates', 'misc']);
      assert.deepEqual(postsKeepingFolderCategory(index.site, posts, category).map((path) => relativeInside(toCorePath(copy), path)), ['news/_posts/2026-03-04-in-news.md']);
      // Postcraft's index agrees with Jekyll's counts after the rename.
      const { index: reread } = await open(copy);
      assert.deepEqual(reread.tagCounts().map(({ name, count: n }) => [name, n]).sort(), (after.tags ?? []).map(({ name, count: n }) => [String(name), n]).sort());
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });
});
