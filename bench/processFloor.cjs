// The floor `postcraft taxonomy` and `postcraft check` are compared with, as a whole process (bench/cliBench.ts
// spawns it): read every post with readFileSync, split the front matter with one regex, load it with
// js-yaml, count tags and categories. Nothing else: no discovery, no Hexo rules, no dates, no checks.
// Usage: node bench/processFloor.cjs <siteDir>  → prints the number of posts, tags and categories.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const yaml = require('js-yaml');

const folder = join(process.argv[2], 'source', '_posts');
const split = /^---\r?\n([\s\S]*?)\r?\n---/;
const tags = new Map();
const categories = new Map();
const count = (table, name) => table.set(name, (table.get(name) ?? 0) + 1);
let posts = 0;
for (const name of readdirSync(folder)) {
  if (!name.endsWith('.md')) continue;
  const match = split.exec(readFileSync(join(folder, name), 'utf8'));
  if (!match) continue;
  const data = yaml.load(match[1]) ?? {};
  posts++;
  for (const tag of [].concat(data.tags ?? [])) count(tags, String(tag));
  for (const category of [].concat(data.categories ?? [])) count(categories, String(category));
}
process.stdout.write(`${JSON.stringify({ posts, tags: tags.size, categories: categories.size })}\n`);
