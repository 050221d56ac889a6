import type { FileSystemPort } from '../../ports';
import { joinPath } from '../../path';
import { readTextIfPresent } from '../../site/readText';

/**
 * The Liquid tags a Jekyll 4.3 post can use (Liquid 4's and Jekyll's own), name → whether it is a
 * block closed by `{% end<name> %}`. `else`, `elsif`, `when` and `break`/`continue` live inside
 * blocks and are not offered on their own.
 */
export const JEKYLL_LIQUID_TAGS: ReadonlyMap<string, boolean> = new Map([
  ['highlight', true], ['raw', true], ['comment', true],
  ['link', false], ['post_url', false], ['include', false], ['include_relative', false],
  ['if', true], ['unless', true], ['for', true], ['case', true], ['capture', true], ['tablerow', true],
  ['assign', false], ['increment', false], ['decrement', false], ['cycle', false], ['echo', false], ['liquid', false], ['render', false],
]);

/** Tags that only appear inside a block of another tag (or stop a loop): known, never offered. */
export const JEKYLL_INNER_TAGS: ReadonlySet<string> = new Set(['else', 'elsif', 'when', 'break', 'continue', 'ifchanged', 'endifchanged']);

/**
 * The tags the plugin gems that GitHub Pages and most blogs use register, by gem (each gem's README):
 * a site that lists the gem under `plugins` may use them.
 */
const PLUGIN_GEM_TAGS: Readonly<Record<string, ReadonlyArray<readonly [string, boolean]>>> = {
  'jekyll-gist': [['gist', false]],
  'jekyll-seo-tag': [['seo', false]],
  'jekyll-feed': [['feed_meta', false]],
  'jekyll-avatar': [['avatar', false]],
  'jekyll-include-cache': [['include_cached', false]],
  'jekyll-twitter-plugin': [['twitter', false]],
  'jekyll-youtube': [['youtube', false]],
  'jekyll-last-modified-at': [['last_modified_at', false]],
};

/** Plugin gems that register no Liquid tag (filters, generators, hooks, metadata). */
const TAGLESS_GEMS: ReadonlySet<string> = new Set([
  'jekyll-paginate', 'jekyll-paginate-v2', 'jekyll-sitemap', 'jemoji', 'jekyll-mentions', 'jekyll-redirect-from',
  'jekyll-github-metadata', 'jekyll-remote-theme', 'jekyll-relative-links', 'jekyll-optional-front-matter',
  'jekyll-readme-index', 'jekyll-default-layout', 'jekyll-titles-from-headings', 'jekyll-coffeescript',
  'jekyll-commonmark-ghpages', 'jekyll-commonmark', 'jekyll-archives', 'jekyll-toc', 'jekyll-sass-converter', 'jekyll-data',
  'jekyll-target-blank', 'jekyll-polyglot', 'jekyll-compose', 'jekyll-katex', 'jekyll-admin',
]);

/** What the site's plugins add to Liquid, as far as Postcraft can read it. */
export interface JekyllPluginTags {
  /** Tag name → whether it is a block. */
  readonly tags: Map<string, boolean>;
  /** Plugins whose tags Postcraft cannot know (an unknown gem, a tag registered under a computed name). */
  readonly unread: string[];
}

/**
 * The tags the site's own plugins (`_plugins/*.rb`: `Liquid::Template.register_tag('name', Klass)`,
 * a block when `Klass` is declared `< Liquid::Block`) and its plugin gems (`plugins` in the
 * configuration, the Gemfile's `jekyll_plugins` group) register.
 */
export async function readJekyllPluginTags(fs: FileSystemPort, root: string, sourceRoot: string, plugins: readonly string[]): Promise<JekyllPluginTags> {
  const tags = new Map<string, boolean>();
  const unread: string[] = [];
  const gemfile = await readTextIfPresent(fs, joinPath(root, 'Gemfile'));
  for (const gem of new Set([...plugins, ...(gemfile ? pluginGroupGems(gemfile) : [])])) {
    const known = PLUGIN_GEM_TAGS[gem];
    if (known) for (const [name, block] of known) tags.set(name, block);
    else if (!TAGLESS_GEMS.has(gem)) unread.push(gem);
  }
  const folder = joinPath(sourceRoot, '_plugins');
  const entries = await fs.readDirectory(folder).catch(() => []);
  for (const entry of entries) {
    if (entry.kind !== 'file' || !entry.name.endsWith('.rb')) continue;
    const source = await readTextIfPresent(fs, joinPath(folder, entry.name));
    if (source === undefined) continue;
    const blocks = new Set([...source.matchAll(/class\s+([\w:]+)\s*<\s*(?:::)?Liquid::Block\b/g)].map((match) => lastPart(match[1])));
    for (const match of source.matchAll(/register_tag\(\s*(?:["']([\w-]+)["']|([^,)]*))\s*,\s*([\w:]*)/g)) {
      if (match[1] !== undefined) tags.set(match[1], blocks.has(lastPart(match[3])));
      else unread.push(`_plugins/${entry.name}`);
    }
  }
  return { tags, unread };
}

/** The gems of the Gemfile's `group :jekyll_plugins do … end`, which Jekyll requires on its own. */
function pluginGroupGems(gemfile: string): string[] {
  const gems: string[] = [];
  for (const group of gemfile.matchAll(/^\s*group\s+[^\n]*:jekyll_plugins[^\n]*\bdo\b([\s\S]*?)^\s*end\b/gm)) {
    for (const gem of group[1].matchAll(/^\s*gem\s+["']([\w.-]+)["']/gm)) gems.push(gem[1]);
  }
  return gems;
}

function lastPart(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}
