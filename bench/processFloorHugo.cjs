// The floor `postcraft taxonomy` is compared with on a Hugo site, as a whole process (bench/cliBench.ts
// spawns it): read every post with readFileSync, split the front matter with one regex, load it with
// js-yaml or the TOML parser Postcraft bundles, count the terms of tags, categories and series.
// Nothing else: no discovery, no config, no dates, no drafts, no term keys.
// Usage: node bench/processFloorHugo.cjs <siteDir>  → prints the number of posts and terms.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const yaml = require('js-yaml');
const { parseTOML, getStaticTOMLValue } = require('toml-eslint-parser');

const folder = join(process.argv[2], 'content', 'posts');
const split = /^(---|\+\+\+)\r?\n([\s\S]*?)\r?\n\1/;
const terms = { tags: new Map(), categories: new Map(), series: new Map() };
let posts = 0;
for (const name of readdirSync(folder)) {
  if (!name.endsWith('.md')) continue;
  const match = split.exec(readFileSync(join(folder, name), 'utf8'));
  if (!match) continue;
  const data = (match[1] === '+++' ? getStaticTOMLValue(parseTOML(match[2])) : yaml.load(match[2])) ?? {};
  posts++;
  for (const [plural, table] of Object.entries(terms)) {
    for (const term of [].concat(data[plural] ?? [])) table.set(String(term), (table.get(String(term)) ?? 0) + 1);
  }
}
process.stdout.write(`${JSON.stringify({ posts, tags: terms.tags.size, categories: terms.categories.size, series: terms.series.size })}\n`);
