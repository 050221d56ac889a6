import * as assert from 'node:assert/strict';
import { parseFrontMatter } from '../../../src/core/frontMatter';
import { basename } from '../../../src/core/path';
import { planNewPost } from '../../../src/core/generators/hexo/posts/newPost';
import { assetFolderOf } from '../../../src/core/generators/hexo/posts/postPath';
import { planPublish, planUnpublish } from '../../../src/core/generators/hexo/posts/publish';
import { planTaxonomyRename } from '../../../src/core/posts/renameTaxonomy';
import { tagsOf } from '../../../src/core/generators/hexo/taxonomy';
import { makeSite, ROOT } from './support';
import { mulberry32 } from '../../../bench/syntheticSite';

/**
 * Many random creates, publishes, unpublishes, tag renames and asset drops on one in-memory site, with
 * names chosen to clash. The plans are applied the way the editor applies them (a create or a move onto
 * an existing path fails the run). Afterwards every post the run wrote is where the ledger says, with
 * exactly the body and assets it was given, and no other file exists: nothing overwritten, nothing lost.
 */
/** The benchmark's seeded generator: the same seed gives the same run. */
const random = mulberry32;

interface Entry {
  path: string;
  kind: 'post' | 'draft';
  body: string;
  tags: string[];
  assets: Map<string, string>;
}

const TITLES = ['Hello', 'hello', 'Hello World', 'Hello-World', '你好', '你好 世界', 'C++', 'A/B', 'trip'];
const TAGS = ['a', 'b', '随笔', 'x y', 'it\'s'];

function renamed(tags: string[], from: string, to: string): string[] {
  if (!tags.includes(from)) return tags;
  if (tags.includes(to)) return tags.filter((tag) => tag !== from);
  const first = tags.indexOf(from);
  return tags.flatMap((tag, index) => (tag !== from ? [tag] : index === first ? [to] : []));
}

async function run(seed: number, newPostName: string): Promise<{ posts: number; clashes: number; folderMoves: number }> {
  let clashes = 0;
  let folderMoves = 0;
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const { fs, site } = await makeSite(`timezone: Asia/Shanghai\npost_asset_folder: true\nnew_post_name: ${newPostName}\n`);
  const fixed = new Set(fs.files.keys());
  let time = Date.UTC(2026, 0, 1);
  const clock = { now: () => new Date(time) };
  const entries: Entry[] = [];
  let serial = 0;

  for (let step = 0; step < 80; step++) {
    time += Math.floor(next() * 3 * 86_400_000);
    const roll = next();
    const drafts = entries.filter((entry) => entry.kind === 'draft');
    const posts = entries.filter((entry) => entry.kind === 'post');
    if (roll < 0.35 || entries.length === 0) {
      const kind = next() < 0.5 ? 'post' : 'draft';
      const tags = TAGS.filter(() => next() < 0.3);
      const plan = await planNewPost(fs, site, { title: pick(TITLES), layout: kind === 'draft' ? 'draft' : undefined, tags }, clock);
      fs.apply(plan.operations);
      if (/-\d+\.md$/.test(plan.path)) clashes++;
      // The writer types a body.
      const body = `Body ${serial++} ✍️\n`;
      fs.write(plan.path, plan.content + body);
      entries.push({ path: plan.path, kind, body, tags, assets: new Map() });
    } else if (roll < 0.55 && drafts.length > 0) {
      const entry = pick(drafts);
      const plan = await planPublish(fs, site, entry.path, fs.text(entry.path), clock);
      fs.apply(plan.operations);
      if (/-\d+\.md$/.test(plan.path)) clashes++;
      if (plan.operations.some((operation) => operation.kind === 'move')) folderMoves++;
      entry.path = plan.path;
      entry.kind = 'post';
    } else if (roll < 0.7 && posts.length > 0) {
      const entry = pick(posts);
      const before = fs.text(entry.path);
      const plan = await planUnpublish(fs, site, entry.path);
      fs.apply(plan.operations);
      if (/-\d+\.md$/.test(plan.path)) clashes++;
      if (plan.operations.length > 1) folderMoves++;
      assert.equal(fs.text(plan.path), before, 'unpublish moves the bytes unchanged');
      entry.path = plan.path;
      entry.kind = 'draft';
    } else if (roll < 0.85) {
      const from = pick(TAGS);
      const to = pick(TAGS);
      fs.apply(planTaxonomyRename(entries.map((entry) => ({ path: entry.path, text: fs.text(entry.path) })), { kind: 'tag', from, to }));
      for (const entry of entries) entry.tags = from === to ? entry.tags : renamed(entry.tags, from, to);
    } else {
      const entry = pick(entries);
      const name = `asset-${serial++}.png`;
      const folder = assetFolderOf(entry.path);
      // Drop an asset only into a folder that is the entry's own (a clash may have left it elsewhere).
      if (!fs.has(folder) || fs.folders.has(folder) || [...fs.files.keys()].some((file) => file.startsWith(`${folder}/`))) {
        const bytes = `png ${name}`;
        fs.write(`${folder}/${name}`, bytes);
        entry.assets.set(name, bytes);
      }
    }
  }

  const expected = new Set(fixed);
  for (const entry of entries) {
    const text = fs.text(entry.path);
    const parsed = parseFrontMatter(text);
    assert.ok(parsed.valid, `${entry.path} parses`);
    assert.equal(text.slice(parsed.bodyOffset), entry.body, `${entry.path}: its body, byte for byte`);
    assert.deepEqual(tagsOf(parsed.data), entry.tags, `${entry.path}: its tags`);
    assert.ok(entry.path.startsWith(entry.kind === 'post' ? `${ROOT}/source/_posts/` : `${ROOT}/source/_drafts/`), `${entry.path} is a ${entry.kind}`);
    if (entry.kind === 'post') assert.ok(parsed.data.date, `${basename(entry.path)}: a published post has a date`);
    expected.add(entry.path);
    for (const [name, bytes] of entry.assets) {
      const path = `${assetFolderOf(entry.path)}/${name}`;
      assert.equal(fs.text(path), bytes, `${path} moved along`);
      expected.add(path);
    }
  }
  assert.deepEqual([...fs.files.keys()].sort(), [...expected].sort(), 'no file appeared or vanished');
  return { posts: entries.length, clashes, folderMoves };
}

describe('randomized create/publish/unpublish/rename runs', function () {
  this.timeout(60_000);
  for (const newPostName of [':title.md', ':year-:month-:day-:title.md']) {
    it(`never overwrite and account for every byte (${newPostName}, 25 seeds × 80 steps)`, async () => {
      const totals = { posts: 0, clashes: 0, folderMoves: 0 };
      for (let seed = 1; seed <= 25; seed++) {
        const result = await run(seed * 7919, newPostName);
        totals.posts += result.posts;
        totals.clashes += result.clashes;
        totals.folderMoves += result.folderMoves;
      }
      assert.ok(totals.posts > 200, `the runs made plenty of posts (${totals.posts})`);
      assert.ok(totals.clashes > 50, `and plenty of clashes (${totals.clashes})`);
      assert.ok(totals.folderMoves > 20, `and moved asset folders (${totals.folderMoves})`);
    });
  }
});
