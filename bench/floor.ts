import { promises as fsp, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { READ_CONCURRENCY } from '../src/core/index/siteIndex';

/**
 * The floor every index figure is compared with: read every post, split the front matter with one
 * regex, js-yaml load it. Nothing else — no discovery, no Hexo rules, no bookkeeping.
 */
/** Resolves to the number of posts read. */
export async function indexFloor(site: string): Promise<number> {
  const folder = join(site, 'source', '_posts');
  const files = readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => join(folder, name));
  const split = /^---\r?\n([\s\S]*?)\r?\n---/;
  let next = 0;
  let keys = 0; // consumed below, so the work cannot be optimized away
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const text = await fsp.readFile(files[next++], 'utf8');
      const match = split.exec(text);
      if (match) keys += Object.keys((yaml.load(match[1]) as object | null) ?? {}).length;
    }
  };
  // As many reads in flight as the index has: the floor gains from it as much as the index does.
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  return keys >= 0 ? files.length : 0;
}
