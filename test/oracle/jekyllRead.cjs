// Asks Jekyll (Debian's jekyll 4.3) what it reads of a site: every post and draft with its title,
// date, tags, categories, layout and last_modified_at (a Time as an instant), whether a default `jekyll build` keeps it, and the site's tags and
// categories as the default build counts them. Usage: node jekyllRead.cjs <scratch copy of a site>.
// Prints {"time","posts":[...],"tags":[...],"categories":[...]} or, when Jekyll fails, {"failed":{"message"}}.
// A `:site, :post_read` hook (loaded with --plugins, so the site is not changed) writes what Jekyll
// read; jekyll runs in the site's folder (so `source:` in _config.yml counts) without bundler.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const HOOK = `require "json"
Jekyll::Hooks.register :site, :post_read do |site|
  source = Pathname.new(site.source)
  posts = site.posts.docs.map do |doc|
    {
      "path" => Pathname.new(doc.path).relative_path_from(source).to_s,
      "title" => doc.data["title"],
      "date" => doc.date.utc.iso8601(3),
      "tags" => doc.data["tags"],
      "categories" => doc.data["categories"],
      "layout" => doc.data["layout"],
      "last_modified_at" => (value = doc.data["last_modified_at"]).respond_to?(:utc) ? value.utc.iso8601(3) : value&.to_s,
    }
  end
  count = ->(hash) { hash.map { |name, docs| { "name" => name, "count" => docs.length } } }
  File.write(ENV.fetch("POSTCRAFT_JEKYLL_OUT"), JSON.generate({
    "time" => site.time.utc.iso8601(3), "posts" => posts,
    "tags" => count.(site.tags), "categories" => count.(site.categories),
  }))
end
`;

function build(site, plugins, flags) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-jekyll-out-'));
  const out = path.join(work, 'read.json');
  try {
    const result = spawnSync('jekyll', ['build', '--quiet', '--plugins', plugins, '--destination', path.join(work, 'site'), ...flags], {
      cwd: site, encoding: 'utf8', env: { ...process.env, POSTCRAFT_JEKYLL_OUT: out, JEKYLL_NO_BUNDLER_REQUIRE: 'true' },
    });
    if (result.error) throw result.error;
    if (result.status !== 0) return { failed: { message: `${result.stderr}${result.stdout}`.trim() } };
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const site = path.resolve(process.argv[2]);
  const plugins = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-jekyll-hook-'));
  try {
    fs.writeFileSync(path.join(plugins, 'postcraft_read.rb'), HOOK);
    const all = build(site, plugins, ['--drafts', '--future', '--unpublished']);
    if (all.failed) return all;
    const built = build(site, plugins, []);
    if (built.failed) return built;
    const builtPaths = new Set(built.posts.map((post) => post.path));
    return {
      time: all.time,
      posts: all.posts.map((post) => ({ ...post, built: builtPaths.has(post.path) })),
      tags: built.tags,
      categories: built.categories,
    };
  } finally {
    fs.rmSync(plugins, { recursive: true, force: true });
  }
}

try {
  process.stdout.write(JSON.stringify(main()));
} catch (error) {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
}
