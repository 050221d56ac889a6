import * as assert from 'node:assert/strict';
import { applyRenamedPostEdits, scratchCopy } from './scratchSite';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeFileSystem, toCorePath } from '../../src/cli/nodeFileSystem';
import { GENERATORS } from '../../src/core/generators/registry';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';
import { joinPath } from '../../src/core/path';
import { hugoPlanner } from '../../src/core/generators/hugo/posts/hugoPlanner';
import { loadHugoSite } from '../../src/core/generators/hugo/hugoSite';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderPost } from '../../src/core/render';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { applyTextEdits } from '../../src/core/edits';
import { planTaxonomyRename, type TaxonomyRename } from '../../src/core/posts/renameTaxonomy';
import { hugoTermKey } from '../../src/core/generators/hugo/terms';

/**
 * Hugo is the oracle for Hugo sites: for the sample blog and every fixture under
 * test/fixtures/hugo-sites, what Postcraft reads of each page (title, dates, draft, terms, whether the
 * default build renders it), `postcraft taxonomy --json` and, where Hugo fails, `postcraft check`
 * must agree with what Debian's hugo 0.111 does (asked by hugoRead.cjs).
 */
const repo = resolve(__dirname, '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const fixtures = join(repo, 'test', 'fixtures', 'hugo-sites');
const sites = [
  ...(existsSync(join(repo, 'examples', 'hugo-blog')) ? [join(repo, 'examples', 'hugo-blog')] : []),
  ...readdirSync(fixtures, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(fixtures, entry.name)),
];
const ZERO = '0001-01-01T00:00:00.000Z';

interface HugoPage {
  path: string; kind: string; title: string; date: string; publishDate: string; expiryDate: string; lastmod: string;
  draft: boolean; built: boolean; terms: Record<string, string[]>;
}
interface HugoReading {
  pages?: HugoPage[];
  taxonomies?: Record<string, Array<{ name: string; count: number }>>;
  failed?: { file: string; line: number; message: string };
}
interface Count { name: string; count: number }

function scratch(site: string): string {
  return scratchCopy(site, 'hugo', ['public', 'resources']);
}

const byName = (a: Count, b: Count) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const nonEmpty = (taxonomies: Record<string, Count[]> = {}) =>
  Object.fromEntries(Object.entries(taxonomies).filter(([, terms]) => terms.length > 0).map(([plural, terms]) => [plural, [...terms].sort(byName)]));
const iso = (date: Date | undefined) => (date ? date.toISOString() : ZERO);

describe('Hugo sites read as Hugo 0.111 reads them', function () {
  this.timeout(120_000);

  before(function () {
    if (spawnSync('hugo', ['version']).status !== 0) throw new Error('hugo is not installed (Debian package hugo; scripts/test-editor/install.mjs installs it)');
    assert.ok(existsSync(cli), 'dist/cli.js is built (npm run build)');
  });

  for (const site of sites) {
    const name = site.slice(repo.length + 1);
    it(`on ${name}`, async () => {
      const copy = scratch(site);
      try {
        const hugo = JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'hugoRead.cjs'), copy], { encoding: 'utf8' })) as HugoReading;
        // Our side reads the copy before the harness's layouts matter (they are no content).
        if (hugo.failed) {
          const report = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json'], { encoding: 'utf8', cwd: copy });
          const diagnostics = JSON.parse(report.stdout) as Array<{ file: string; line: number; severity: string; code: string }>;
          const errors = diagnostics.filter((d) => d.severity === 'error' && d.file === hugo.failed?.file);
          assert.ok(errors.length > 0, `Hugo fails on ${hugo.failed.file}:${hugo.failed.line} (${hugo.failed.message}); Postcraft reports ${JSON.stringify(diagnostics)}`);
          // Hugo names the block's first line for JSON and a line near the error for YAML; for TOML and shortcodes, the line itself.
          if (/toml|shortcode|page not found/.test(hugo.failed.message)) assert.ok(errors.some((d) => d.line === hugo.failed?.line), `an error on line ${hugo.failed.line}: ${JSON.stringify(errors)}`);
          assert.equal(report.status, 1);
          return;
        }
        const pages = hugo.pages ?? [];
        assert.ok(pages.length > 0, 'Hugo read some pages');
        const now = new Date();
        const workspace = await WorkspaceIndex.open(nodeFileSystem, [toCorePath(copy)], { generators: GENERATORS, clock: { now: () => now } });
        assert.equal(workspace.sites.length, 1, 'one site found');
        const index = workspace.sites[0];
        assert.equal(index.site.generator.kind, 'hugo');
        const ours = pages.map((page) => {
          const record = index.post(joinPath(index.site.sourceRoot, page.path));
          return record && {
            path: page.path, title: record.title, date: iso(record.date), publishDate: iso(record.publishDate),
            expiryDate: iso(record.expiryDate), lastmod: iso(record.updated), draft: !record.published, built: index.site.isListed(record, now), terms: { ...record.terms },
          };
        });
        const theirs = pages.map((page) => ({
          path: page.path, title: page.title, date: page.date, publishDate: page.publishDate, expiryDate: page.expiryDate,
          lastmod: page.lastmod, draft: page.draft, built: page.built, terms: page.terms,
        }));
        // A section or home page: Hugo titles it itself when it has no title ("Posts") and dates it by
        // its newest page when it has no date; Postcraft reads what the file says. Both are compared
        // only where the file says something.
        for (const [i, page] of pages.entries()) {
          const mine = ours[i];
          if (page.kind === 'page' || !mine) continue;
          if (mine.title === '') mine.title = page.title;
          if (mine.date === ZERO) Object.assign(mine, { date: page.date, publishDate: page.publishDate });
          if (mine.lastmod === ZERO) mine.lastmod = page.lastmod;
        }
        assert.deepEqual(ours, theirs);
        const taxonomy = JSON.parse(execFileSync(process.execPath, [cli, 'taxonomy', copy, '--json'], { encoding: 'utf8' })) as { tags: Count[]; categories: Array<{ path: string[]; count: number }>; taxonomies?: Record<string, Count[]> };
        assert.deepEqual(nonEmpty(taxonomy.taxonomies), nonEmpty(hugo.taxonomies));
        assert.deepEqual([...taxonomy.tags].sort(byName), [...(hugo.taxonomies?.tags ?? [])].sort(byName));
        assert.deepEqual(taxonomy.categories.map(({ path, count }) => ({ name: path.join('/'), count })).sort(byName), [...(hugo.taxonomies?.categories ?? [])].sort(byName));
      } finally {
        rmSync(resolve(copy, '..'), { recursive: true, force: true });
      }
    });
  }

  for (const [name, cases] of [
    ['examples/hugo-blog', [['My First Post', 'post', 'posts/my-first-post.md'], ['About Me', 'page', 'about-me.md']]],
    // The theme's section archetype wins over the site's default (Hugo 0.111's order).
    ['test/fixtures/hugo-sites/theme-archetypes', [['My First Post', 'post', 'posts/my-first-post.md'], ['About Me', 'page', 'about-me.md']]],
  ] as const) it(`plans new posts as hugo new fills the archetypes of ${name} (dates aside)`, async () => {
    const copy = scratch(join(repo, ...name.split('/')));
    try {
      const site = await loadHugoSite(nodeFileSystem, toCorePath(copy));
      const now = { now: () => new Date() };
      // Titles that Hugo's `replace .Name "-" " " | title` gives back, so the typed title changes nothing.
      for (const [title, layout, target] of cases) {
        const plan = await hugoPlanner.planNewPost(nodeFileSystem, site, { title, layout }, now);
        assert.equal(plan.path, joinPath(toCorePath(copy), 'content', target));
        const created = spawnSync('hugo', ['new', target, '--source', copy], { encoding: 'utf8' });
        assert.equal(created.status, 0, created.stderr);
        const theirs = readFileSync(join(copy, 'content', ...target.split('/')), 'utf8');
        const masked = (text: string) => text.replace(/^(date\s*[=:]\s*).*$/m, '$1<date>');
        assert.equal(masked(plan.content), masked(theirs));
      }
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });

  for (const [name, request, hugoTarget] of [
    // A directory archetype for the section: `hugo new posts/<name>` copies it (content files filled, the rest as they are).
    ['bundle-archetypes', { title: 'My Trip', layout: 'post' }, 'posts/my-trip'],
    // No directory archetype, a bundle asked for: `hugo new posts/<name>/index.md` from the section's archetype.
    ['theme-archetypes', { title: 'My First Post', layout: 'post', bundle: true }, 'posts/my-first-post/index.md'],
  ] as const) it(`plans a page bundle as hugo new makes it (test/fixtures/hugo-sites/${name})`, async () => {
    const copy = scratch(join(fixtures, name));
    try {
      const site = await loadHugoSite(nodeFileSystem, toCorePath(copy));
      const plan = await hugoPlanner.planNewPost(nodeFileSystem, site, request, { now: () => new Date() });
      const bundle = join(copy, 'content', 'posts', hugoTarget.split('/')[1]);
      assert.equal(plan.path, joinPath(toCorePath(bundle), 'index.md'));
      const created = spawnSync('hugo', ['new', hugoTarget, '--source', copy], { encoding: 'utf8' });
      assert.equal(created.status, 0, created.stderr);
      const masked = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').replace(/^(date\s*[=:]\s*).*$/m, '$1<date>');
      const theirs = readdirSync(bundle, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
        .map((entry) => [toCorePath(join(entry.parentPath, entry.name)), masked(readFileSync(join(entry.parentPath, entry.name)))]).sort();
      const ours = plan.operations.map((operation) => {
        assert.equal(operation.kind, 'create');
        const { path, content } = operation as { path: string; content: string | Uint8Array };
        return [path, masked(typeof content === 'string' ? new TextEncoder().encode(content) : content)];
      }).sort();
      assert.deepEqual(ours, theirs);
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });

  it('gives headings the ids Hugo gives them (test/fixtures/hugo-sites/headings)', async () => {
    const copy = scratch(join(fixtures, 'headings'));
    try {
      mkdirSync(join(copy, 'layouts', '_default'), { recursive: true });
      writeFileSync(join(copy, 'layouts', '_default', 'single.html'), '{{ .Content }}');
      const built = spawnSync('hugo', ['--source', copy, '--quiet'], { encoding: 'utf8' });
      assert.equal(built.status, 0, built.stderr);
      const html = readFileSync(join(copy, 'public', 'posts', 'headings', 'index.html'), 'utf8');
      const theirs = Array.from(html.matchAll(/<h\d id="([^"]*)"/g), (match) => match[1]);
      const site = await loadHugoSite(nodeFileSystem, toCorePath(copy));
      const index = await SiteIndex.build(site, nodeFileSystem);
      const documentPath = joinPath(site.sourceRoot, 'posts', 'headings.md');
      const text = readFileSync(join(copy, 'content', 'posts', 'headings.md'), 'utf8');
      const ours = renderPost(text, { documentPath, site, index, syntax: await site.generator.loadBodySyntax(), resourceUrl: (file) => file });
      assert.ok(theirs.length >= 15, `Hugo gave ${theirs.length} ids`);
      assert.deepEqual(ours.headings.map((heading) => heading.id), theirs);
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });

  it('renders params, definition lists, bare links and math as Hugo does (test/fixtures/hugo-sites/goldmark)', async () => {
    const copy = scratch(join(fixtures, 'goldmark'));
    try {
      mkdirSync(join(copy, 'layouts', '_default'), { recursive: true });
      writeFileSync(join(copy, 'layouts', '_default', 'single.html'), '{{ .Content }}');
      const built = spawnSync('hugo', ['--source', copy, '--quiet'], { encoding: 'utf8' });
      assert.equal(built.status, 0, built.stderr);
      const theirs = readFileSync(join(copy, 'public', 'posts', 'goldmark', 'index.html'), 'utf8');
      const site = await loadHugoSite(nodeFileSystem, toCorePath(copy));
      const documentPath = joinPath(site.sourceRoot, 'posts', 'goldmark.md');
      const text = readFileSync(join(copy, 'content', 'posts', 'goldmark.md'), 'utf8');
      const ours = renderPost(text, { documentPath, site, syntax: await site.generator.loadBodySyntax(), resourceUrl: (file) => file }).bodyHtml
        .replace(/ data-line="\d+"/g, '');
      // The pieces the two write alike: the params line, the definition lists, the bare links, the math line
      // (no ftp:// link: the preview never gives one an href).
      const pieces = (html: string) => ({
        params: /<p>Params:[^\n]*<\/p>/.exec(html)?.[0],
        lists: html.match(/<dl>[\s\S]*?<\/dl>/g),
        autolinks: Array.from(html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g), (match) => `${match[2]} -> ${match[1]}`).filter((link) => !link.endsWith('-> /x')),
        math: /<p>Math stays text:[^\n]*<\/p>/.exec(html)?.[0],
      });
      assert.ok(pieces(theirs).lists?.length && pieces(theirs).autolinks.length > 15, 'hugo rendered the fixture');
      assert.deepEqual(pieces(ours), pieces(theirs));
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });

  // Each rename, applied to a copy as the command plans it, must change in Hugo's reading exactly the
  // term renamed (on every page filed under it, whatever the spelling) and nothing else.
  for (const [name, renames] of [
    ['terms', [
      { kind: 'tag', from: 'go', to: 'Golang' },
      { kind: 'tag', from: '副业', to: 'A B' },
      { kind: 'category', from: ['tech'], to: ['Engineering'] },
      { kind: 'term', taxonomy: 'series', from: 'Intro', to: 'Getting Started' },
    ]],
    ['dialects', [{ kind: 'tag', from: 'GO', to: 'y' }, { kind: 'category', from: ['Tech'], to: ['It\'s "done"'] }]],
  ] as Array<[string, TaxonomyRename[]]>) it(`renames terms as Hugo then reads them (test/fixtures/hugo-sites/${name})`, async () => {
    const copy = scratch(join(fixtures, name));
    try {
      const read = () => (JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'hugoRead.cjs'), copy], { encoding: 'utf8' })) as HugoReading).pages ?? [];
      for (const rename of renames) {
        const before = read();
        const site = await loadHugoSite(nodeFileSystem, toCorePath(copy));
        const index = await SiteIndex.build(site, nodeFileSystem);
        const posts = [...index.posts()].map((record) => ({ path: record.path, text: readFileSync(record.path, 'utf8') }));
        const operations = planTaxonomyRename(posts, rename, site.generator.termRenameEdits);
        assert.ok(operations.length > 0, `${JSON.stringify(rename)} changes some page`);
        for (const operation of operations) {
          if (operation.kind !== 'edit') continue;
          writeFileSync(operation.path, applyTextEdits(readFileSync(operation.path, 'utf8'), operation.edits));
        }
        const taxonomy = rename.kind === 'term' ? rename.taxonomy : rename.kind === 'tag' ? 'tags' : 'categories';
        const [from, to] = rename.kind === 'category' ? [rename.from.join('/'), rename.to.join('/')] : [rename.from, rename.to];
        const expected = before.map((page) => {
          const terms = page.terms[taxonomy];
          if (!terms?.includes(hugoTermKey(from))) return page;
          const renamed = [...new Set(terms.map((term) => (term === hugoTermKey(from) ? hugoTermKey(to) : term)))];
          return { ...page, terms: { ...page.terms, [taxonomy]: renamed.sort() } };
        });
        const sorted = (pages: HugoPage[]) => pages.map((page) => ({ ...page, lastmod: '', terms: Object.fromEntries(Object.entries(page.terms).map(([plural, terms]) => [plural, [...terms].sort()])) }));
        assert.deepEqual(sorted(read()), sorted(expected), JSON.stringify(rename));
      }
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });
  it('keeps every ref and relref to a moved page working, in each form it was written (test/fixtures/hugo-sites/ref-rename)', async () => {
    const copy = scratch(join(fixtures, 'ref-rename'));
    try {
      const workspace = await WorkspaceIndex.open(nodeFileSystem, [toCorePath(copy)], { generators: GENERATORS });
      const index = workspace.sites[0];
      const from = joinPath(index.site.sourceRoot, 'posts', 'target.md');
      const to = joinPath(index.site.sourceRoot, 'archive', 'moved.md');
      const edited = applyRenamedPostEdits(index, from, to);
      assert.equal(edited, 6, 'six refs name the page; the one to a.md stays');
      mkdirSync(join(copy, 'content', 'archive'));
      writeFileSync(to, readFileSync(from));
      rmSync(from);
      const out = join(copy, '..', 'out');
      const build = spawnSync('hugo', ['-d', out], { cwd: copy, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
      const links = (page: string) => Array.from(readFileSync(join(out, page, 'index.html'), 'utf8').matchAll(/href="([^"]*)"/g), (match) => match[1].replace('https://example.org', ''));
      assert.deepEqual(links('posts/a'), ['/archive/moved/', '/archive/moved/', '/archive/moved/#sec', '/archive/moved/', '/posts/a/']);
      assert.deepEqual(links('notes/b'), ['/archive/moved/', '/archive/moved/']);
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });
});
