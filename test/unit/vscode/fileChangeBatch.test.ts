import * as assert from 'node:assert/strict';
import { FileChangeBatcher, type FileChange } from '../../../src/vscode/services/fileChangeBatch';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collecting(timing: { settleMs: number; maxWaitMs?: number }): { batcher: FileChangeBatcher<string>; batches: Array<readonly FileChange<string>[]> } {
  const batches: Array<readonly FileChange<string>[]> = [];
  return { batcher: new FileChangeBatcher<string>(timing, (uri) => uri, (batch) => batches.push(batch)), batches };
}

describe('FileChangeBatcher', () => {
  it('delivers a burst once it settles, one entry per file, in the order of their last events', async () => {
    const { batcher, batches } = collecting({ settleMs: 10 });
    batcher.add('a.md', 'changed');
    batcher.add('b.md', 'deleted');
    batcher.add('a.md', 'changed');
    assert.equal(batches.length, 0, 'nothing before the burst settles');
    await settle(60);
    assert.deepEqual(batches, [[{ uri: 'b.md', kind: 'deleted' }, { uri: 'a.md', kind: 'changed' }]]);
  });

  it('keeps a file created then written as created, and lets a later delete or re-creation win', async () => {
    const { batcher, batches } = collecting({ settleMs: 10 });
    batcher.add('new.md', 'created');
    batcher.add('new.md', 'changed');
    batcher.add('gone.md', 'created');
    batcher.add('gone.md', 'deleted');
    batcher.add('back.md', 'deleted');
    batcher.add('back.md', 'created');
    await settle(60);
    assert.deepEqual(batches, [[
      { uri: 'new.md', kind: 'created' },
      { uri: 'gone.md', kind: 'deleted' },
      { uri: 'back.md', kind: 'created' },
    ]]);
  });

  it('starts a new batch after each delivery', async () => {
    const { batcher, batches } = collecting({ settleMs: 10 });
    batcher.add('a.md', 'created');
    await settle(60);
    batcher.add('a.md', 'changed');
    await settle(60);
    assert.deepEqual(batches, [[{ uri: 'a.md', kind: 'created' }], [{ uri: 'a.md', kind: 'changed' }]]);
  });

  it('delivers a burst that never pauses once its first event is maxWaitMs old', async () => {
    const { batcher, batches } = collecting({ settleMs: 40, maxWaitMs: 60 });
    const started = Date.now();
    // An event every 10 ms for 200 ms: never quiet for 40 ms, so only the maximum wait delivers.
    for (let n = 0; Date.now() - started < 200; n++) {
      batcher.add(`post-${n}.md`, 'created');
      await settle(10);
    }
    assert.ok(batches.length >= 2, `delivered ${batches.length} times during the burst`);
    batcher.dispose();
  });

  it('delivers nothing after dispose', async () => {
    const { batcher, batches } = collecting({ settleMs: 10 });
    batcher.add('a.md', 'created');
    batcher.dispose();
    batcher.add('b.md', 'created');
    await settle(60);
    assert.deepEqual(batches, []);
  });
});
