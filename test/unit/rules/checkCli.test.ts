import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../../src/cli/commands/check';
import { runCli } from '../../../src/cli/main';
import { nodeFileSystem, toCorePath } from '../../../src/cli/nodeFileSystem';
import type { FileSystemPort } from '../../../src/core/ports';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, (text) => (out += `${text}\n`), (text) => (err += `${text}\n`));
  return { code, out, err };
}

describe('postcraft check', () => {
  let site: string;
  const broken = '---\ntitle: A\ndate: 2026-01-01 10:00:00\ntags: [Go, 后端, Go]\n---\n{% post_link nowhere %}\n';
  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'postcraft-check-'));
    writeFileSync(join(site, '_config.yml'), 'title: T\ntimezone: Asia/Shanghai\nnew_post_name: :title.md\n');
    mkdirSync(join(site, 'source', '_posts'), { recursive: true });
    writeFileSync(join(site, 'source', '_posts', 'good.md'), '---\ntitle: Good\ndate: 2026-01-01 10:00:00\ntags: [Go]\n---\nBody\n');
    writeFileSync(join(site, 'source', '_posts', 'bad.md'), broken);
  });
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  it('prints the exact JSON shape, 1-based and sorted, and exits 1 on errors', async () => {
    const { code, out } = await run(['check', site, '--format', 'json']);
    assert.equal(code, 1);
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    assert.deepEqual(rows.map((row) => Object.keys(row)), [
      ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message'],
      ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message'],
    ]);
    assert.deepEqual(rows.map((row) => [row.line, row.column, row.endLine, row.endColumn, row.severity, row.code]), [
      [4, 16, 4, 18, 'warning', 'PC403'],
      [6, 14, 6, 21, 'error', 'PC504'],
    ]);
    assert.match(String(rows[0].file), /source\/_posts\/bad\.md$/);
  });

  it('prints GitHub annotations', async () => {
    const { out } = await run(['check', join(site, 'source', '_posts', 'bad.md'), '--format', 'github']);
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^::warning file=.*bad\.md,line=4,col=16,endLine=4,endColumn=18,title=Postcraft PC403::The tag "Go" is written twice/);
    assert.match(lines[1], /^::error file=.*bad\.md,line=6,col=14,endLine=6,endColumn=21,title=Postcraft PC504::/);
  });

  it('fixes what is safe with --fix, names the files it changed, and reports the rest', async () => {
    const { code, out } = await run(['check', site, '--fix']);
    assert.equal(code, 1);
    assert.equal(readFileSync(join(site, 'source', '_posts', 'bad.md'), 'utf8'), broken.replace('[Go, 后端, Go]', '[Go, 后端]'));
    assert.match(out, /^fixed {2}\S*source\/_posts\/bad\.md {2}\(1 fix\)\nFixed 1 problem in 1 file\.\n/);
    assert.doesNotMatch(out, /good\.md/);
    assert.match(out, /PC504/);
    assert.doesNotMatch(out, /PC403/);
    assert.match(out, /1 problem \(1 error, 0 warnings, 0 info\) in 2 files checked\./);
  });

  it('keeps stdout machine-readable with --fix: the changed files go to stderr', async () => {
    const { out, err } = await run(['check', site, '--fix', '--format', 'json']);
    assert.deepEqual((JSON.parse(out) as Array<{ code: string }>).map((row) => row.code), ['PC504']);
    assert.match(err, /^fixed {2}\S*bad\.md {2}\(1 fix\)\nFixed 1 problem in 1 file\.$/m);
  });

  it('prints the would-be fixes as a unified diff with --fix-dry-run and writes nothing', async () => {
    const bad = join(site, 'source', '_posts', 'bad.md');
    const cwd = process.cwd();
    process.chdir(site);
    let result;
    try {
      result = await run(['check', '--fix-dry-run']);
    } finally {
      process.chdir(cwd);
    }
    assert.equal(result.code, 1);
    assert.equal(readFileSync(bad, 'utf8'), broken, 'a dry run writes nothing');
    const diff = result.out.slice(0, result.out.indexOf('Would fix'));
    assert.equal(diff, [
      '--- a/source/_posts/bad.md',
      '+++ b/source/_posts/bad.md',
      '@@ -1,6 +1,6 @@',
      ' ---',
      ' title: A',
      ' date: 2026-01-01 10:00:00',
      '-tags: [Go, 后端, Go]',
      '+tags: [Go, 后端]',
      ' ---',
      ' {% post_link nowhere %}',
      '',
    ].join('\n'));
    assert.match(result.out, /Would fix 1 problem in 1 file; nothing written \(dry run\)\./);
    // The diff is a real patch: git applies it and gets what --fix writes.
    writeFileSync(join(site, 'fix.patch'), diff);
    execFileSync('git', ['apply', '--unsafe-paths', 'fix.patch'], { cwd: site });
    assert.equal(readFileSync(bad, 'utf8'), broken.replace('[Go, 后端, Go]', '[Go, 后端]'));
    assert.equal((await run(['check', site, '--fix', '--fix-dry-run'])).code, 2);
  });

  it('reads a folder whose _config.yml is not Hexo\'s but sits beside _posts as a Jekyll site', async () => {
    const jekyll = mkdtempSync(join(tmpdir(), 'postcraft-jekyll-'));
    writeFileSync(join(jekyll, '_config.yml'), 'title: My Jekyll blog\nmarkdown: kramdown\ntheme: minima\nplugins:\n  - jekyll-feed\n');
    mkdirSync(join(jekyll, '_posts'));
    writeFileSync(join(jekyll, '_posts', '2024-01-05-hello.md'), '---\nlayout: post\ntitle: Hello\ntags: jekyll notes\n---\n');
    try {
      const { code, out } = await run(['check', jekyll]);
      assert.equal(code, 0);
      assert.equal(out, 'No problems in 1 file checked.\n');
      const taxonomy = await run(['taxonomy', jekyll, '--json']);
      assert.equal(taxonomy.code, 0);
      assert.deepEqual(JSON.parse(taxonomy.out).tags, [{ name: 'jekyll', count: 1 }, { name: 'notes', count: 1 }]);
    } finally {
      rmSync(jekyll, { recursive: true, force: true });
    }
  });

  it('says so and exits 2 on a folder whose _config.yml is neither Hexo\'s nor beside any posts', async () => {
    const other = mkdtempSync(join(tmpdir(), 'postcraft-other-'));
    writeFileSync(join(other, '_config.yml'), 'title: Some tool\n');
    mkdirSync(join(other, 'notes'));
    writeFileSync(join(other, 'notes', 'hello.md'), '---\ntitle: Hello\n---\n');
    try {
      for (const target of [other, join(other, 'notes'), join(other, 'notes', 'hello.md')]) {
        const { code, out, err } = await run(['check', target]);
        assert.equal(code, 2, target);
        assert.equal(out, '');
        assert.match(err, /no Hexo, Hugo or Jekyll site found|is not inside a Hexo, Hugo or Jekyll site/);
      }
      const taxonomy = await run(['taxonomy', other]);
      assert.equal(taxonomy.code, 2);
      assert.match(taxonomy.err, /no Hexo, Hugo or Jekyll site found/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('leaves posts that Hexo dates by their file names alone, and writes down the birth time of the others', async () => {
    writeFileSync(join(site, '_config.yml'), 'title: T\ntimezone: UTC\nnew_post_name: :year-:month-:day-:title.md\n');
    rmSync(join(site, 'source', '_posts', 'bad.md'));
    const named = join(site, 'source', '_posts', '2024-01-05-named.md');
    const loose = join(site, 'source', '_posts', 'loose.md');
    writeFileSync(named, '---\ntitle: Named\n---\nBody\n');
    writeFileSync(loose, '---\ntitle: Loose\n---\nBody\n');
    const born = statSync(loose).birthtime;
    const { code, out } = await run(['check', site, '--fix']);
    assert.equal(code, 0);
    assert.equal(readFileSync(named, 'utf8'), '---\ntitle: Named\n---\nBody\n');
    const written = /^date: (.*)$/m.exec(readFileSync(loose, 'utf8'))?.[1];
    const expected = (born.getTime() > 0 ? born : statSync(loose).ctime).toISOString().slice(0, 19).replace('T', ' ');
    assert.equal(written, expected);
    assert.match(out, /fixed {2}\S*loose\.md {2}\(1 fix\)/);
    assert.match(out, /No problems in 3 files checked\./);
  });

  it('exits 0 on a clean folder and 2 on usage errors', async () => {
    rmSync(join(site, 'source', '_posts', 'bad.md'));
    const clean = await run(['check', site]);
    assert.equal(clean.code, 0);
    assert.equal(clean.out, 'No problems in 1 file checked.\n');
    assert.equal((await run(['check', site, '--format', 'xml'])).code, 2);
    assert.equal((await run(['check', join(site, 'nope')])).code, 2);
    assert.equal((await run(['check', site, '--frobnicate'])).code, 2);
  });

  it('with --fix, skips a post that vanishes after the index read it, and checks the rest', async () => {
    const bad = toCorePath(join(site, 'source', '_posts', 'bad.md'));
    let badReads = 0;
    // The disk, except that bad.md is gone once it has been read (as by the index) a first time.
    const vanishing: FileSystemPort = {
      ...nodeFileSystem,
      readFile: async (path) => {
        if (path === bad && ++badReads > 1) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
        return nodeFileSystem.readFile(path);
      },
    };
    const result = await runCheck([site], { format: 'json', fix: true, dryRun: true, fileSystem: vanishing });
    assert.ok(badReads >= 2, 'the check tried to read the post again');
    assert.deepEqual(result.reports.map((report) => report.path.split('/').pop()), ['good.md']);
    assert.equal(result.errors, 0);
  });

  it('without --fix, reads each post once and checks it as the index read it', async () => {
    const reads = new Map<string, number>();
    const counting: FileSystemPort = {
      ...nodeFileSystem,
      readFile: async (path) => {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return nodeFileSystem.readFile(path);
      },
    };
    const result = await runCheck([site], { format: 'json', fix: false, fileSystem: counting });
    const posts = [...reads].filter(([path]) => path.endsWith('.md'));
    assert.deepEqual(posts.map(([path, count]) => [path.split('/').pop(), count]).sort(), [['bad.md', 1], ['good.md', 1]]);
    const bad = result.reports.find((report) => report.path.endsWith('/bad.md'));
    assert.ok(bad && bad.diagnostics.length > 0, 'bad.md was checked from the bytes the index read');
  });
});
