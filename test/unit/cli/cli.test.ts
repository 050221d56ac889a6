import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import { logException, setLogPort } from '../../../src/core/log';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, (text) => (out += `${text}\n`), (text) => (err += `${text}\n`));
  return { code, out, err };
}

describe('postcraft CLI', () => {
  let site: string;
  before(() => {
    site = mkdtempSync(join(tmpdir(), 'postcraft-cli-'));
    writeFileSync(join(site, '_config.yml'), 'title: T\nnew_post_name: :title.md\n');
    mkdirSync(join(site, 'source', '_posts'), { recursive: true });
    writeFileSync(join(site, 'source', '_posts', 'a.md'), '---\ntags: [副业, AI]\ncategories: [技术, 前端]\n---\n');
    writeFileSync(join(site, 'source', '_posts', 'b.md'), '---\ntags: 副业\n---\n');
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  it('prints tags and categories as the exact JSON shape', async () => {
    const { code, out } = await run(['taxonomy', site, '--json']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), {
      tags: [{ name: '副业', count: 2 }, { name: 'AI', count: 1 }],
      categories: [{ path: ['技术'], count: 1 }, { path: ['技术', '前端'], count: 1 }],
    });
  });

  it('prints a readable table without --json', async () => {
    const { code, out } = await run(['taxonomy', site]);
    assert.equal(code, 0);
    assert.match(out, /Tags \(2\)/);
    assert.match(out, /副业\s+2/);
    assert.match(out, /\n {4}前端 {2}1/);
  });

  it('exits 2 with a clear message when no site is found', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'postcraft-empty-'));
    const { code, err } = await run(['taxonomy', empty]);
    rmSync(empty, { recursive: true, force: true });
    assert.equal(code, 2);
    assert.match(err, /no Hexo, Hugo or Jekyll site found/);
  });

  it('exits 2 on usage errors and 0 on --help', async () => {
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run(['taxonomy', '--bogus'])).code, 2);
    assert.equal((await run(['taxonomy', site, 'other'])).code, 2);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /taxonomy/);
  });

  it('writes an exception the core caught during the run to stderr, then puts the previous log port back', async () => {
    const before: string[] = [];
    const restore = setLogPort({ exception: (where) => before.push(where) });
    try {
      let err = '';
      // The output writer stands in for a piece of the core that catches an exception mid-run.
      const code = await runCli(['--help'], () => logException('rule PC000 (example) on /b/a.md', new RangeError('offset out of range')), (text) => (err += text));
      assert.equal(code, 0);
      assert.match(err, /^postcraft: internal error in rule PC000 \(example\) on \/b\/a\.md: RangeError: offset out of range/);
      logException('after the run', new Error('x'));
      assert.deepEqual(before, ['after the run']);
    } finally {
      restore();
    }
  });
});
