import * as assert from 'node:assert/strict';
import { walkFiles } from '../../../src/core/walkFiles';
import { joinPath } from '../../../src/core/path';
import type { DirectoryEntry } from '../../../src/core/ports';
import { MemoryFileSystem } from '../support/memoryFileSystem';

/** A file system whose folder listings finish in an order of their own, as remote round trips do. */
class SlowListings extends MemoryFileSystem {
  inFlight = 0;
  mostInFlight = 0;
  private turn = 0;

  override async readDirectory(path: string): Promise<DirectoryEntry[]> {
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, [7, 1, 4, 0, 9, 2][this.turn++ % 6]));
    this.inFlight--;
    return super.readDirectory(path);
  }
}

/** The walk as it was, one folder at a time: what the files' order is defined by. */
async function oneByOne(fs: MemoryFileSystem, root: string, skip: (name: string) => boolean): Promise<string[]> {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of await fs.readDirectory(folder).catch(() => [])) {
      const path = joinPath(folder, entry.name);
      if (entry.kind === 'directory') {
        if (!skip(entry.name)) pending.push(path);
      } else files.push(path);
    }
  }
  return files;
}

describe('walkFiles', () => {
  const site: Record<string, string> = {};
  for (const folder of ['a', 'a/x', 'a/x/deep', 'b', 'b/y', 'c', 'node_modules/pkg', 'd/e/f/g']) {
    for (const name of ['1.md', '2.md']) site[`/site/${folder}/${name}`] = name;
  }
  site['/site/top.md'] = 'top';

  it('lists folders several at a time and gives the files in the one-by-one walk\'s order', async () => {
    const skip = (name: string) => name === 'node_modules';
    const fs = new SlowListings(site);
    const files = await walkFiles(fs, '/site', { skipFolder: skip });
    assert.deepEqual(files, await oneByOne(new MemoryFileSystem(site), '/site', skip));
    assert.equal(files.length, 15);
    assert.ok(fs.mostInFlight > 1, `listings in flight at once: ${fs.mostInFlight}`);
    assert.ok(!files.some((file) => file.includes('node_modules')));
  });

  it('skips a folder that cannot be listed and stops listing when cancelled', async () => {
    const fs = new SlowListings(site);
    assert.deepEqual(await walkFiles(fs, '/nowhere'), []);
    let cancelled = false;
    const walking = walkFiles(fs, '/site', { cancellation: { get isCancellationRequested() { return cancelled; } } });
    cancelled = true;
    assert.ok((await walking).length < 15);
  });
});
