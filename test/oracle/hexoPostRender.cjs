// Asks Hexo itself whether it renders each body given on stdin (a JSON array of strings) as a post of
// the site: `hexo.post.render`, the step `hexo generate` runs for every post (before_generate
// `render_post`), after `hexo.load()` so that `post_link` finds the site's posts. Prints
// [{ ok, message, line, column }] as JSON: Hexo's error message, and the line and column Nunjucks
// gave (counted in the HTML that Markdown made of the body), when it gave them.
// Runs in its own process: Hexo keeps global state and open handles.
const path = require('node:path');
const Hexo = require('hexo');

async function main() {
  const base = path.resolve(process.argv[2]);
  const bodies = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const hexo = new Hexo(base, { silent: true });
  await hexo.init();
  await hexo.load();
  const results = [];
  for (const content of bodies) {
    try {
      await hexo.post.render(null, { content, engine: 'markdown', source: '_posts/oracle.md', title: 'Oracle' });
      results.push({ ok: true });
    } catch (error) {
      const plain = String(error && error.message).replace(/\u001b\[[0-9;]*m/g, '');
      const located = /\[Line (\d+), Column (\d+)\]/.exec(error.location || plain);
      // The line Nunjucks stopped on, as Hexo's context dump prints it ("  3 | <p>...</p>").
      const dumped = located ? new RegExp(`^\\s*${located[1]} \\| (.*)$`, 'm').exec(plain) : null;
      results.push({
        ok: false,
        message: error.type || plain,
        line: located ? Number(located[1]) : undefined,
        column: located ? Number(located[2]) : undefined,
        lineText: dumped ? dumped[1] : undefined,
      });
    }
  }
  process.stdout.write(JSON.stringify(results));
  await hexo.exit();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
