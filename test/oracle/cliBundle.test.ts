import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * dist/cli.js as shipped: the bundle loads pinyin-pro from dist/pinyin.js only when a Chinese name
 * needs spelling (src/cli/lazyPinyin.ts), so a check that needs it must still find it.
 */
const repo = resolve(__dirname, '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');

describe('dist/cli.js (the bundle as shipped)', function () {
  this.timeout(60_000);

  it('spells a Chinese tag in pinyin when a check needs it (PC405: a homophone of a tag in use)', () => {
    assert.ok(existsSync(cli), 'dist/cli.js is built (npm run build)');
    const site = mkdtempSync(join(tmpdir(), 'postcraft-cli-bundle-'));
    try {
      writeFileSync(join(site, '_config.yml'), 'title: Bundle\npermalink: :year/:month/:day/:title/\nnew_post_name: :title.md\n');
      mkdirSync(join(site, 'source', '_posts'), { recursive: true });
      const post = (name: string, tag: string) => writeFileSync(join(site, 'source', '_posts', `${name}.md`), `---\ntitle: ${name}\ndate: 2026-01-0${name.length} 10:00:00\ntags: [${tag}]\n---\nText.\n`);
      post('a', '前端');
      post('bb', '前端');
      post('ccc', '前段');
      const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', site], { encoding: 'utf8' });
      assert.equal(run.stderr, '');
      const found = (JSON.parse(run.stdout) as Array<{ file: string; code: string; message: string }>).filter((row) => row.code === 'PC405');
      assert.equal(found.length, 1);
      assert.match(found[0].file, /ccc\.md$/);
      assert.match(found[0].message, /did you mean "前端"/);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
