// Asks Hugo (Debian's hugo 0.111) what it reads of a site: every content page with its dates, draft
// state and terms, whether the default build renders it, and the taxonomies as the default build
// counts them. Usage: node hugoRead.cjs <scratch copy of a site>  (the copy is written into).
// Prints {"pages":[...],"taxonomies":{...}} or, when Hugo fails, {"failed":{"file","line","message"}}.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

// A JSON home page ranging over every page and taxonomy; taxonomy and term pages are left out.
const HOME_JSON = `{{- $pages := slice -}}
{{- range .Site.AllPages -}}{{- if and .File (or (eq .Kind "page") (eq .Kind "section") (eq .Kind "home")) -}}
  {{- $page := . -}}{{- $terms := dict -}}
  {{- range $plural, $_ := site.Taxonomies -}}
    {{- $keys := slice -}}{{- range $page.GetTerms $plural -}}{{- $keys = $keys | append .RelPermalink -}}{{- end -}}
    {{- $terms = merge $terms (dict $plural $keys) -}}
  {{- end -}}
  {{- $pages = $pages | append (dict "path" .File.Path "kind" .Kind "title" .Title "draft" .Draft "terms" $terms
      "date" (.Date.UTC.Format "2006-01-02T15:04:05.000Z07:00") "publishDate" (.PublishDate.UTC.Format "2006-01-02T15:04:05.000Z07:00")
      "expiryDate" (.ExpiryDate.UTC.Format "2006-01-02T15:04:05.000Z07:00") "lastmod" (.Lastmod.UTC.Format "2006-01-02T15:04:05.000Z07:00")) -}}
{{- end -}}{{- end -}}
{{- $taxonomies := dict -}}
{{- range $plural, $terms := site.Taxonomies -}}
  {{- $list := slice -}}{{- range $key, $weighted := $terms -}}{{- $list = $list | append (dict "name" $key "count" (len $weighted)) -}}{{- end -}}
  {{- $taxonomies = merge $taxonomies (dict $plural $list) -}}
{{- end -}}
{{- dict "pages" $pages "taxonomies" $taxonomies | jsonify -}}`;

const OVERLAY = '[outputs]\n  home = ["JSON"]\n  section = ["HTML"]\n  taxonomy = ["HTML"]\n  term = ["HTML"]\n';

function configFile(site) {
  for (const name of ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json']) {
    if (fs.existsSync(path.join(site, name))) return name;
  }
  return undefined;
}

function build(site, flags) {
  const destination = fs.mkdtempSync(path.join(site, '..', 'public-'));
  const config = configFile(site);
  const configs = config ? `${config},postcraft-oracle-overlay.toml` : 'postcraft-oracle-overlay.toml';
  const result = spawnSync('hugo', ['--source', site, '--destination', destination, '--config', configs, ...flags], { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) return { failed: failureOf(site, `${result.stderr}${result.stdout}`) };
  const json = JSON.parse(fs.readFileSync(path.join(destination, 'index.json'), 'utf8'));
  fs.rmSync(destination, { recursive: true, force: true });
  return json;
}

/** `Error: ... "/abs/content/posts/bad.md:3:19": message` → file relative to the site, line, message. */
function failureOf(site, output) {
  const match = /"([^"]+?):(\d+):(\d+)": (.*)/.exec(output);
  if (!match) return { file: '', line: 0, message: output.trim() };
  return { file: path.relative(site, match[1]).split(path.sep).join('/'), line: Number(match[2]), column: Number(match[3]), message: match[4].trim() };
}

/** A term page's URL (`/tags/ai%E8%B5%9A%E9%92%B1/`) ends with the term's key. */
function termKeys(terms) {
  const keys = {};
  for (const [plural, urls] of Object.entries(terms)) keys[plural] = urls.map((url) => decodeURIComponent(url.replace(/\/$/, '').split('/').pop()));
  return keys;
}

function main() {
  const site = path.resolve(process.argv[2]);
  fs.writeFileSync(path.join(site, 'postcraft-oracle-overlay.toml'), OVERLAY);
  fs.mkdirSync(path.join(site, 'layouts'), { recursive: true });
  fs.writeFileSync(path.join(site, 'layouts', 'index.json'), HOME_JSON);
  // Content is rendered (and its shortcodes run, `ref` among them) only through a layout.
  for (const name of ['single.html', 'list.html']) {
    const layout = path.join(site, 'layouts', '_default', name);
    if (!fs.existsSync(layout)) {
      fs.mkdirSync(path.dirname(layout), { recursive: true });
      fs.writeFileSync(layout, '{{ .Content }}');
    }
  }
  const all = build(site, ['--buildDrafts', '--buildFuture', '--buildExpired']);
  if (all.failed) return all;
  const built = build(site, []);
  if (built.failed) return built;
  const builtPaths = new Set(built.pages.map((page) => page.path));
  return {
    pages: all.pages.map((page) => ({ ...page, terms: termKeys(page.terms), built: builtPaths.has(page.path) })),
    taxonomies: built.taxonomies,
  };
}

try {
  process.stdout.write(JSON.stringify(main()));
} catch (error) {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
}
