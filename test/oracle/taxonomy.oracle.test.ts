import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scratchSite } from './scratchSite';

/**
 * Hexo is the oracle: for the sample blog and every fixture site, `postcraft taxonomy --json` must
 * agree exactly with the tags and categories Hexo's own models hold after `hexo.load()`.
 */
const repo = resolve(__dirname, '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');

const sites = [
  join(repo, 'examples', 'hexo-blog'),
  ...(existsSync(join(repo, 'test', 'fixtures', 'sites'))
    ? readdirSync(join(repo, 'test', 'fixtures', 'sites'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(repo, 'test', 'fixtures', 'sites', entry.name))
    : []),
];

interface Taxonomy {
  tags: Array<{ name: string; count: number }>;
  categories: Array<{ path: string[]; count: number }>;
}

function sorted(taxonomy: Taxonomy): Taxonomy {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    tags: [...taxonomy.tags].map(({ name, count }) => ({ name, count })).sort((a, b) => byText(a.name, b.name)),
    categories: [...taxonomy.categories].map(({ path, count }) => ({ path, count })).sort((a, b) => byText(a.path.join('\u0000'), b.path.join('\u0000'))),
  };
}

describe('taxonomy agrees with Hexo itself', function () {
  this.timeout(120_000);

  for (const site of sites) {
    it(`on ${site.slice(repo.length + 1)}`, () => {
      assert.ok(existsSync(cli), 'dist/cli.js is built (npm run build)');
      const copy = scratchSite(site);
      try {
        const hexo = JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'hexoTaxonomy.cjs'), copy], { encoding: 'utf8', cwd: copy })) as Taxonomy & { posts: string[] };
        const ours = JSON.parse(execFileSync(process.execPath, [cli, 'taxonomy', copy, '--json'], { encoding: 'utf8' })) as Taxonomy;
        assert.ok(hexo.posts.length > 0, 'Hexo read some posts (is hexo-renderer-marked installed?)');
        assert.deepEqual(sorted(ours), sorted(hexo));
      } finally {
        rmSync(resolve(copy, '..'), { recursive: true, force: true });
      }
    });
  }
});
