// Asks Hexo itself how it reads every post, draft and page of a site: the model fields a theme shows
// (title, date, updated, tags, categories, layout, published, permalink) and whether the post renders.
// Each post is rendered on its own, so one that fails (an unclosed {{, an unknown tag) does not hide
// the others: Hexo's own `before_generate` would stop at the first.
// Usage: node hexoPostModels.cjs <site>   (prints {"<source>": {...}} as JSON)
const path = require('node:path');
const Hexo = require('hexo');

async function main() {
  const base = path.resolve(process.argv[2]);
  const hexo = new Hexo(base, { silent: true });
  await hexo.init();
  // What `hexo.load()` does before generating: read the database and process the source folder.
  hexo._binaryRelationIndex.post_tag.load();
  hexo._binaryRelationIndex.post_category.load();
  await Promise.all([hexo.source.process(), hexo.theme.process()]);
  const Category = hexo.model('Category');
  const pathOf = (category) => {
    const names = [];
    for (let node = category; node; node = node.parent ? Category.findById(node.parent) : undefined) names.unshift(node.name);
    return names;
  };
  const iso = (date) => (date && typeof date.toISOString === 'function' ? date.toISOString() : date && date.toDate ? date.toDate().toISOString() : null);
  const models = {};
  for (const [kind, model] of [['post', hexo.model('Post')], ['page', hexo.model('Page')]]) {
    for (const doc of model.toArray()) {
      let rendered = null;
      try {
        await hexo.post.render(doc.full_source, { ...doc.toObject(), content: doc._content });
      } catch (error) {
        rendered = String(error && error.message ? error.message : error).split('\n')[0];
      }
      models[doc.source] = {
        kind,
        title: doc.title,
        date: iso(doc.date),
        updated: iso(doc.updated),
        tags: kind === 'post' ? doc.tags.map((tag) => tag.name) : [],
        categories: kind === 'post' ? doc.categories.map((category) => pathOf(category).join(' > ')) : [],
        layout: doc.layout,
        published: doc.published,
        permalink: doc.permalink,
        renderError: rendered,
      };
    }
  }
  process.stdout.write(JSON.stringify(models));
  await hexo.exit();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
