import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { aliasBomb } from '../support/hostilePosts';

/** The CLI as compiled for the tests (the same code esbuild bundles into dist/cli.js). */
const CLI = resolve(__dirname, '..', '..', '..', 'src', 'cli', 'main.js');

/**
 * The goal, end to end: no post makes the CLI take over 3 s or 400 MB. The process gets a
 * 256 MB heap, so a bomb expanded anywhere would crash it rather than pass slowly.
 */
function run(args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - start };
}

describe('postcraft on a site holding an alias bomb (as processes)', () => {
  let site: string;
  before(() => {
    site = mkdtempSync(join(tmpdir(), 'postcraft-bomb-'));
    writeFileSync(join(site, '_config.yml'), 'title: T\nnew_post_name: :title.md\ntimezone: Asia/Shanghai\n');
    mkdirSync(join(site, 'source', '_posts'), { recursive: true });
    writeFileSync(join(site, 'source', '_posts', 'bomb.md'), aliasBomb(9, 9));
    writeFileSync(join(site, 'source', '_posts', 'ok.md'), '---\ntitle: ok\ndate: 2026-01-01 10:00:00\ntags: [a]\n---\n正文\n');
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  it('taxonomy counts the other posts at once and says which post it left out', () => {
    const result = run(['taxonomy', site, '--json']);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.ms < 3000, `${result.ms} ms`);
    assert.deepEqual(JSON.parse(result.stdout), { tags: [{ name: 'a', count: 1 }], categories: [] });
    assert.match(result.stderr, /source\/_posts\/bomb\.md is left out of the counts \(Hexo fails on it\): "a7" expands through YAML aliases/);
  });

  it('check reports PC106 on the entries left out, at once, and exits 1', () => {
    const result = run(['check', site, '--format', 'json']);
    assert.equal(result.status, 1, result.stderr);
    assert.ok(result.ms < 3000, `${result.ms} ms`);
    const found = (JSON.parse(result.stdout) as Array<{ file: string; line: number; code: string; severity: string }>)
      .filter((diagnostic) => diagnostic.code === 'PC106');
    assert.deepEqual(found.map((d) => [d.file.endsWith('bomb.md'), d.line, d.severity]), [[true, 11, 'error'], [true, 12, 'error'], [true, 13, 'error'], [true, 14, 'error']]);
  });
});
