// The floor `postcraft taxonomy` is compared with on a Jekyll site, as a whole process (bench/cliBench.ts
// spawns it): find the `_posts` folders one level down, read every post with readFileSync, split the
// front matter with one regex, load it with js-yaml, count tags (a string split on spaces) and
// categories (the folder above `_posts` plus `categories`). Nothing else: no config, no defaults, no
// dates from names, no drafts, no Psych-exact scalars.
// Usage: node bench/processFloorJekyll.cjs <siteDir>  → prints the number of posts and terms.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const yaml = require('js-yaml');

const site = process.argv[2];
const split = /^---\r?\n([\s\S]*?)\r?\n---/;
const words = (value) => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [].concat(value ?? []));
const tags = new Map();
const categories = new Map();
let posts = 0;
const folders = [['_posts', undefined], ...readdirSync(site).filter((name) => !name.startsWith('_') && existsSync(join(site, name, '_posts'))).map((name) => [join(name, '_posts'), name])];
for (const [folder, category] of folders) {
  for (const name of readdirSync(join(site, folder))) {
    if (!name.endsWith('.md')) continue;
    const match = split.exec(readFileSync(join(site, folder, name), 'utf8'));
    const data = (match && yaml.load(match[1])) || {};
    posts++;
    for (const tag of words(data.tags)) tags.set(String(tag), (tags.get(String(tag)) ?? 0) + 1);
    for (const name of new Set([...(category ? [category] : []), ...words(data.categories)].map(String))) categories.set(name, (categories.get(name) ?? 0) + 1);
  }
}
process.stdout.write(`${JSON.stringify({ posts, tags: tags.size, categories: categories.size })}\n`);
