import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    writeFileSync(join(site, '_config.yml'), 'title: T\ntimezone: Asia/Shanghai\n');
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

  it('fixes what is safe with --fix and reports the rest', async () => {
    const { code, out } = await run(['check', site, '--fix']);
    assert.equal(code, 1);
    assert.equal(readFileSync(join(site, 'source', '_posts', 'bad.md'), 'utf8'), broken.replace('[Go, 后端, Go]', '[Go, 后端]'));
    assert.match(out, /PC504/);
    assert.doesNotMatch(out, /PC403/);
    assert.match(out, /Fixed 1 problem\./);
  });

  it('exits 0 on a clean folder and 2 on usage errors', async () => {
    rmSync(join(site, 'source', '_posts', 'bad.md'));
    assert.equal((await run(['check', site])).code, 0);
    assert.equal((await run(['check', site, '--format', 'xml'])).code, 2);
    assert.equal((await run(['check', join(site, 'nope')])).code, 2);
    assert.equal((await run(['check', site, '--frobnicate'])).code, 2);
  });

  it('skips a post that vanishes after the index read it, and checks the rest', async () => {
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
    const result = await runCheck([site], { format: 'json', fix: false, fileSystem: vanishing });
    assert.ok(badReads >= 2, 'the check tried to read the post again');
    assert.deepEqual(result.reports.map((report) => report.path.split('/').pop()), ['good.md']);
    assert.equal(result.errors, 0);
  });
});
