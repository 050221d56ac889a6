import * as assert from 'node:assert/strict';
import { checkPost, checkPosts, type CheckedPost, type CheckRun } from '../../../src/core/rules';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { contextFor } from './support';

const A = '/b/source/_posts/a.md';
const B = '/b/source/_posts/b.md';
const GONE = '/b/source/_posts/gone.md';
// PC403 (a tag written twice) has a safe fix; the missing title is reported but not fixed.
const DUPLICATE_TAG = '---\ndate: 2026-01-05 10:00:00\ntags: [Go, Go]\n---\nBody\n';
const CLEAN = '---\ntitle: Clean\ndate: 2026-01-05 10:00:00\ntags: [Go]\n---\nBody\n';

async function collect(run: CheckRun): Promise<CheckedPost[]> {
  const results: CheckedPost[] = [];
  for await (const result of checkPosts(run)) results.push(result);
  return results;
}

describe('the check runner (CLI check and Check All Posts)', () => {
  it('checks the posts in order, as checkPost does, skipping one that cannot be read or has no context', async () => {
    const files = new MemoryFileSystem({ [A]: DUPLICATE_TAG, [B]: CLEAN });
    const results = await collect({
      files,
      paths: [A, GONE, B, '/b/elsewhere.md'],
      contextFor: async (path) => (path.startsWith('/b/source/') ? contextFor({ path }) : undefined),
    });
    assert.deepEqual(results.map((result) => result.path), [A, B]);
    assert.deepEqual(results[0].diagnostics, checkPost(DUPLICATE_TAG, await contextFor({ path: A })));
    assert.ok(results[0].diagnostics.some((diagnostic) => diagnostic.code === 'PC403'));
    assert.equal(results[0].fixed, undefined, 'no fix without being asked');
  });

  it('reads an open document instead of its file', async () => {
    const files = new MemoryFileSystem({ [A]: CLEAN });
    const results = await collect({ files, paths: [A], contextFor: (path) => contextFor({ path }), textOf: (path) => (path === A ? DUPLICATE_TAG : undefined) });
    assert.equal(files.reads, 0);
    assert.ok(results[0].diagnostics.some((diagnostic) => diagnostic.code === 'PC403'));
  });

  it('applies the safe fixes, hands each fixed text to save, and reports what is left', async () => {
    const files = new MemoryFileSystem({ [A]: DUPLICATE_TAG, [B]: CLEAN });
    const saved = new Map<string, string>();
    const results = await collect({
      files, paths: [A, B], contextFor: (path) => contextFor({ path }),
      fix: { save: async (path, text) => void saved.set(path, text) },
    });
    assert.deepEqual([...saved.keys()], [A]);
    assert.equal(saved.get(A), DUPLICATE_TAG.replace('[Go, Go]', '[Go]'));
    assert.deepEqual(results[0].fixed, { before: DUPLICATE_TAG, after: saved.get(A), applied: 1 });
    assert.ok(!results[0].diagnostics.some((diagnostic) => diagnostic.code === 'PC403'));
    assert.equal(results[1].fixed, undefined);
  });

  it('stops between posts when cancelled', async () => {
    const files = new MemoryFileSystem({ [A]: CLEAN, [B]: CLEAN });
    const cancellation = { isCancellationRequested: false };
    const results: CheckedPost[] = [];
    for await (const result of checkPosts({ files, paths: [A, B], contextFor: (path) => contextFor({ path }), cancellation })) {
      results.push(result);
      cancellation.isCancellationRequested = true;
    }
    assert.deepEqual(results.map((result) => result.path), [A]);
  });
});
