import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';

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
    assert.match(err, /no Hexo site found/);
  });

  it('exits 2 on usage errors and 0 on --help', async () => {
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run(['taxonomy', '--bogus'])).code, 2);
    assert.equal((await run(['taxonomy', site, 'other'])).code, 2);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /taxonomy/);
  });
});
