// Asks Hexo itself how it renders every post and page of a site: after `hexo.load()` each has its
// HTML in `content`. Prints [{ source, content }] as JSON.
// Runs in its own process: Hexo keeps global state and open handles.
const path = require('node:path');
const Hexo = require('hexo');

async function main() {
  const base = path.resolve(process.argv[2]);
  const hexo = new Hexo(base, { silent: true });
  await hexo.init();
  await hexo.load();
  const rendered = [...hexo.model('Post').toArray(), ...hexo.model('Page').toArray()]
    .map((document) => ({ source: document.source, content: document.content }));
  process.stdout.write(JSON.stringify(rendered));
  await hexo.exit();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
