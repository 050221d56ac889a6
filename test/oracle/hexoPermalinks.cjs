// Asks Hexo itself where it serves each post: `post.path` and the link `url_for` makes of it.
// Usage: node hexoPermalinks.cjs <site>; run it with TZ set to the site's timezone.
// Runs in its own process: Hexo keeps global state and open handles.
const path = require('node:path');
const Hexo = require('hexo');
const { url_for: urlFor } = require('hexo-util');

async function main() {
  const base = path.resolve(process.argv[2]);
  const hexo = new Hexo(base, { silent: true });
  await hexo.init();
  await hexo.load();
  const posts = hexo.model('Post').map((post) => ({ source: post.source, path: post.path, url: urlFor.call(hexo, post.path) }));
  process.stdout.write(JSON.stringify(posts));
  await hexo.exit();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
