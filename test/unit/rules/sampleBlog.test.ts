import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { checkPost, DEFAULT_SETTINGS, formatRuleMessage, RULES } from '../../../src/core/rules';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const blog = resolve(__dirname, '..', '..', '..', '..', 'examples', 'hexo-blog');

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * The sample blog renders as its author meant it, so no rule may say otherwise: every rule stays
 * silent on every post, draft and page, except the advice (info) on the one post whose H1 repeats its
 * title on purpose, as many real posts do.
 */
describe('rules on the sample blog', () => {
  it('report nothing on any post, draft or page of examples/hexo-blog', async () => {
    const memory = new MemoryFileSystem();
    for (const file of files(blog)) memory.write(`/blog/${relative(blog, file).split('\\').join('/')}`, readFileSync(file));
    const index = await SiteIndex.build(await loadHexoSite(memory, '/blog'), memory);
    const everyRule = Object.fromEntries(RULES.map((rule) => [rule.code, rule.code === 'PC501' ? 'info' as const : 'warning' as const]));
    const posts = [...index.posts()];
    assert.ok(posts.length >= 18, `found ${posts.length} posts`);
    const found: string[] = [];
    for (const record of posts) {
      const text = new TextDecoder().decode(await memory.readFile(record.path));
      const diagnostics = checkPost(text, {
        path: record.path, kind: record.kind, site: index.site, index, now: new Date(Date.UTC(2026, 10, 27)),
        settings: { ...DEFAULT_SETTINGS, rules: everyRule }, fileExists: (path) => memory.files.has(path),
      });
      for (const diagnostic of diagnostics) found.push(`${record.path}:${diagnostic.range.start.line + 1} ${diagnostic.code} ${formatRuleMessage(diagnostic.message)}`);
    }
    assert.deepEqual(found, ['/blog/source/_posts/ai-side-income-ledger.md:10 PC501 This heading repeats the title, which the theme already shows above the post.']);
  });
});
