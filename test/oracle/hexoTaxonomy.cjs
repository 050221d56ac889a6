// Asks Hexo itself for a site's tags and categories, printed in `postcraft taxonomy --json`'s shape.
// Runs in its own process: Hexo keeps global state and open handles.
const path = require('node:path');
const Hexo = require('hexo');

async function main() {
  const base = path.resolve(process.argv[2]);
  const hexo = new Hexo(base, { silent: true });
  await hexo.init();
  await hexo.load();
  const tags = hexo.model('Tag').map((tag) => ({ name: tag.name, count: tag.length })).filter((tag) => tag.count > 0);
  const Category = hexo.model('Category');
  const pathOf = (category) => {
    const names = [];
    for (let node = category; node; node = node.parent ? Category.findById(node.parent) : undefined) names.unshift(node.name);
    return names;
  };
  const categories = Category.map((category) => ({ path: pathOf(category), count: category.length })).filter((c) => c.count > 0);
  const posts = hexo.model('Post').map((post) => post.source);
  process.stdout.write(JSON.stringify({ tags, categories, posts }));
  await hexo.exit();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
