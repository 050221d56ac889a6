import { relativeInside, type SiteIndex } from '../../core/api';

export const TAXONOMY_HELP = `Usage: postcraft taxonomy [siteDir] [--json]

Prints the site's tags and categories with their post counts, as the site's generator counts them
(like \`hexo list tag\` and \`hexo list category\`; Hugo's terms by their keys).

  --json   print {"tags":[{"name","count"}],"categories":[{"path":[...],"count"}]}, and for
           sites that configure taxonomies (Hugo) "taxonomies":{"<plural>":[{"name","count"}]}`;

export interface TaxonomyJson {
  tags: Array<{ name: string; count: number }>;
  categories: Array<{ path: string[]; count: number }>;
  taxonomies?: Record<string, Array<{ name: string; count: number }>>;
}

export function taxonomyJson(index: SiteIndex): TaxonomyJson {
  const json: TaxonomyJson = {
    tags: index.tagCounts().map(({ name, count }) => ({ name, count })),
    categories: index.categoryCounts().map(({ path, count }) => ({ path: [...path], count })),
  };
  const taxonomies = index.site.taxonomies;
  if (taxonomies) json.taxonomies = Object.fromEntries(taxonomies.map((plural) => [plural, index.termCounts(plural).map(({ name, count }) => ({ name, count }))]));
  return json;
}

/** Tags as a two-column table, categories as an indented tree, both sorted by name like Hexo's lists. */
export function taxonomyText(index: SiteIndex): string {
  const lines: string[] = [];
  const tags = [...index.tagCounts()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  lines.push(`Tags (${tags.length})`);
  if (tags.length === 0) lines.push('  No tags.');
  const width = Math.max(4, ...tags.map((tag) => displayWidth(tag.name)));
  for (const tag of tags) lines.push(`  ${tag.name}${' '.repeat(width - displayWidth(tag.name))}  ${tag.count}`);
  const categories = [...index.categoryCounts()].sort((a, b) => {
    const left = a.path.join('\u0000');
    const right = b.path.join('\u0000');
    return left < right ? -1 : left > right ? 1 : 0;
  });
  lines.push('', `Categories (${categories.length})`);
  if (categories.length === 0) lines.push('  No categories.');
  for (const category of categories) {
    const indent = '  '.repeat(category.path.length);
    lines.push(`${indent}${category.path[category.path.length - 1]}  ${category.count}`);
  }
  return lines.join('\n');
}

/** CJK characters take two terminal columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

/**
 * One line per post or draft left out of the counts because its generator would fail on it (like Hexo's
 * "ERROR Process failed: ..." lines): for stderr, so that `--json` output stays clean.
 */
export function skippedPostLines(index: SiteIndex): string[] {
  const lines: string[] = [];
  for (const record of index.posts()) {
    if (!record.error || record.kind === 'page') continue;
    const path = relativeInside(index.site.root, record.path) ?? record.path;
    lines.push(`postcraft: ${path} is left out of the counts (${index.site.generator.displayName} fails on it): ${record.error}`);
  }
  return lines.sort();
}
