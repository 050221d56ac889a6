import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCheck, toJson } from '../../../src/cli/commands/check';
import { taxonomyJson, taxonomyText } from '../../../src/cli/commands/taxonomy';
import { nodeBatchFileSystem, nodeFileSystem, toCorePath } from '../../../src/cli/nodeFileSystem';
import { openSingleSite } from '../../../src/cli/openSite';
import type { FileSystemPort } from '../../../src/core/ports';
import { DEFAULT_SETTINGS } from '../../../src/core/rules';

const repo = resolve(__dirname, '..', '..', '..', '..');
const sites = [
  join(repo, 'examples', 'hexo-blog'),
  ...['taxonomy-rules', 'front-matter-formats', 'render-cases', 'render-drafts'].map((name) => join(repo, 'test', 'fixtures', 'sites', name)),
];
const now = new Date('2026-06-01T00:00:00Z');

/**
 * The promise-based port with its reads completing in the order they were asked for. Unordered, the
 * index takes posts in whatever order reads finish, and where two tags tie, which one a message
 * names as "the existing tag" follows that order; the synchronous port always takes them in order.
 */
function inOrder(port: FileSystemPort): FileSystemPort {
  let previous: Promise<unknown> = Promise.resolve();
  return {
    ...port,
    readFile(path: string): Promise<Uint8Array> {
      const read = previous.then(() => port.readFile(path));
      previous = read.catch(() => undefined);
      return read;
    },
  };
}

/** The CLI reads synchronously (`nodeBatchFileSystem`); the promise-based port is what it used before. */
describe('CLI synchronous reads', () => {
  for (const site of sites) {
    const name = site.slice(repo.length + 1);

    it(`gives the same taxonomy as the promise-based port on ${name}`, async () => {
      const before = await openSingleSite(site, nodeFileSystem);
      const after = await openSingleSite(site, nodeBatchFileSystem);
      assert.ok(after.size > 0, 'the site has posts');
      assert.equal(after.size, before.size);
      assert.deepEqual(taxonomyJson(after), taxonomyJson(before));
      assert.equal(taxonomyText(after), taxonomyText(before));
    });

    it(`gives the same check report as the promise-based port reading in order on ${name}`, async () => {
      const options = { format: 'json' as const, fix: false, now, settings: DEFAULT_SETTINGS, cwd: repo };
      const before = await runCheck([site], { ...options, fileSystem: inOrder(nodeFileSystem) });
      const after = await runCheck([site], { ...options, fileSystem: nodeBatchFileSystem });
      assert.ok(after.reports.length > 0, 'posts were checked');
      assert.deepEqual(toJson(after, repo), toJson(before, repo));
    });
  }

  describe('the port on edge cases', () => {
    let root: string;
    before(() => {
      root = mkdtempSync(join(tmpdir(), 'postcraft-batch-'));
      mkdirSync(join(root, 'folder'));
      writeFileSync(join(root, 'folder', '文章.md'), '---\ntitle: 你好\n---\n');
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('lists, stats and reads exactly as the promise-based port does', async () => {
      const folder = toCorePath(join(root, 'folder'));
      const file = `${folder}/文章.md`;
      assert.deepEqual(await nodeBatchFileSystem.readDirectory(toCorePath(root)), await nodeFileSystem.readDirectory(toCorePath(root)));
      assert.deepEqual(await nodeBatchFileSystem.readDirectory(folder), [{ name: '文章.md', kind: 'file' }]);
      assert.deepEqual(await nodeBatchFileSystem.stat(file), await nodeFileSystem.stat(file));
      assert.deepEqual(Buffer.from(await nodeBatchFileSystem.readFile(file)).toString('utf8'), '---\ntitle: 你好\n---\n');
    });

    it('resolves a missing path to no stat, and rejects reading or listing it', async () => {
      const missing = toCorePath(join(root, 'missing.md'));
      assert.equal(await nodeBatchFileSystem.stat(missing), undefined);
      await assert.rejects(nodeBatchFileSystem.readFile(missing), /ENOENT/);
      await assert.rejects(nodeBatchFileSystem.readDirectory(missing), /ENOENT/);
    });
  });
});
