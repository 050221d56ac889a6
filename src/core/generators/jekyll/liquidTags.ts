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
};

/**
 * The tags the site's own plugins (`_plugins/*.rb`: `Liquid::Template.register_tag('name', Klass)`,
 * a block when `Klass` is declared `< Liquid::Block`) and its listed plugin gems register.
 */
export async function readJekyllPluginTags(fs: FileSystemPort, sourceRoot: string, plugins: readonly string[]): Promise<Map<string, boolean>> {
  const tags = new Map<string, boolean>();
  for (const gem of plugins) for (const [name, block] of PLUGIN_GEM_TAGS[gem] ?? []) tags.set(name, block);
  const folder = joinPath(sourceRoot, '_plugins');
  const entries = await fs.readDirectory(folder).catch(() => []);
  for (const entry of entries) {
    if (entry.kind !== 'file' || !entry.name.endsWith('.rb')) continue;
    const source = await readTextIfPresent(fs, joinPath(folder, entry.name));
    if (source === undefined) continue;
    const blocks = new Set([...source.matchAll(/class\s+([\w:]+)\s*<\s*(?:::)?Liquid::Block\b/g)].map((match) => lastPart(match[1])));
    for (const match of source.matchAll(/register_tag\(\s*["']([\w-]+)["']\s*,\s*([\w:]+)/g)) tags.set(match[1], blocks.has(lastPart(match[2])));
  }
  return tags;
}

function lastPart(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}
