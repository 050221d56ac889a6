// Runs Hexo's own `new` and `publish` (hexo.post.create / hexo.post.publish, what `hexo new` and
// `hexo publish` call) on a site, one request after another, and prints where each file went.
// Usage: node hexoPosts.cjs <site> '<json array of requests>'
//   { "op": "new", "data": { "title": ..., "layout": ..., "date": "YYYY-MM-DD HH:mm:ss", "tags": [...] } }
//   { "op": "publish", "slug": "<draft file name without extension>" }
// Runs in its own process (Hexo keeps global state); run it with TZ set to the site's timezone.
const path = require('node:path');
const Hexo = require('hexo');

async function main() {
  const base = path.resolve(process.argv[2]);
  const requests = JSON.parse(process.argv[3]);
  const hexo = new Hexo(base, { silent: true });
  await hexo.init();
  const results = [];
  for (const request of requests) {
    try {
      const post = request.op === 'new'
        ? await hexo.post.create({ ...request.data })
        : await hexo.post.publish({ slug: request.slug, layout: request.layout });
      results.push({ path: path.relative(base, post.path).split(path.sep).join('/') });
    } catch (error) {
      results.push({ error: String(error && error.message ? error.message : error) });
    }
  }
  process.stdout.write(JSON.stringify(results));
  await hexo.exit();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
