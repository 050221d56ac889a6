import type { FileSystemPort } from '../../ports';
import { joinPath } from '../../path';
import { readTextIfPresent } from '../../site/readText';
import type { Generator } from '../generator';
import type { Rule } from '../../rules/rule';
import { LazyRules } from '../lazyRules';
import { completeJekyllBody, jekyllBodyWantsFiles } from './bodyCompletion';
import { jekyllBodyLinks, jekyllRenamedPostEdits } from './bodyLinks';
import { readJekyllDate } from './dates';
import { JEKYLL_FRONT_MATTER } from './frontMatter';
import { JEKYLL_FRONT_MATTER_FIELDS } from './frontMatterFields';
import { findJekyllConfig, JEKYLL_CONFIG_NAMES, readJekyllConfig } from './jekyllConfig';
import { loadJekyllSite } from './jekyllSite';
import { jekyllTermRenameEdits } from './posts/renameTerm';
import { jekyllTags, pluralizedArray, rubyToS } from './terms';

const rules = new LazyRules('Jekyll', async () => (await import('./rules.js')).JEKYLL_RULES);

/** Jekyll (4.3, Debian's package) behind the generator seam: reading a site, jekyll-compose's commands, renaming terms. */
export const jekyllGenerator: Generator = {
  kind: 'jekyll',
  displayName: 'Jekyll',
  deployCommand: 'JEKYLL_ENV=production bundle exec jekyll build',
  markerFiles: [...JEKYLL_CONFIG_NAMES, 'Gemfile'],
  isSiteFolder: isJekyllSiteFolder,
  loadSite: (fs, root) => loadJekyllSite(fs, root),
  frontMatter: JEKYLL_FRONT_MATTER,
  // Jekyll's own rules, checked against jekyll build; no shared rule has been checked against Jekyll yet.
  get rules(): readonly Rule[] {
    return rules.rules;
  },
  loadRules: () => rules.loadRules(),
  fields: JEKYLL_FRONT_MATTER_FIELDS,
  readDate: readJekyllDate,
  tagsOf: jekyllTags,
  // One post's own categories (the folders above `_posts` are the site's to add).
  categoriesOf: (data) => [...new Set(pluralizedArray(data, 'category', 'categories').map(rubyToS))].map((name) => [name]),
  categoriesValue: (hierarchies) => hierarchies.map((path) => path[path.length - 1]).filter((name): name is string => name !== undefined),
  // `none` keeps a post without a layout whatever `defaults` say; a page named `none` looks for a layout of that name (Jekyll 3.5+).
  noLayoutValue: (kind) => (kind === 'page' ? 'null' : 'none'),
  completeBody: completeJekyllBody,
  bodyLinks: jekyllBodyLinks,
  renamedPostEdits: jekyllRenamedPostEdits,
  bodyCompletionWantsFiles: jekyllBodyWantsFiles,
  loadBodySyntax: async () => (await import('./render/jekyllBody.js')).jekyllBodySyntax,
  plansPosts: true,
  renamesTerms: true,
  termRenameEdits: jekyllTermRenameEdits,
  // Drafts live in `_drafts`; publishing moves them into `_posts`.
  draftsInPlace: false,
  publishAsksForDate: true,
  loadPlanner: async () => (await import('./posts/jekyllPlanner.js')).jekyllPlanner,
};

/**
 * A Jekyll site's root: a Gemfile naming `jekyll` or `github-pages`, or a `_config.yml` (`.yaml`,
 * `.toml`) beside a `_posts` folder (at the top, or in the configured `source`). Hexo is asked first
 * and claims its own `_config.yml` (Hexo's keys, or a package.json naming hexo), and a Hexo site
 * keeps its posts in `source/_posts`, never at the top.
 */
async function isJekyllSiteFolder(fs: FileSystemPort, folder: string, files: ReadonlySet<string>): Promise<boolean> {
  if (files.has('Gemfile')) {
    const gemfile = await readTextIfPresent(fs, joinPath(folder, 'Gemfile'));
    if (gemfile !== undefined && /^\s*gem\s+["'](jekyll|github-pages)["']/m.test(gemfile)) return true;
  }
  if (!JEKYLL_CONFIG_NAMES.some((name) => files.has(name))) return false;
  const isFolder = async (path: string) => (await fs.stat(path))?.kind === 'directory';
  if (await isFolder(joinPath(folder, '_posts'))) return true;
  const file = await findJekyllConfig(fs, folder);
  if (!file) return false;
  const { config } = readJekyllConfig(file);
  const posts = joinPath(folder, ...[config.source, config.collectionsDir, '_posts'].filter((part) => part !== ''));
  return (config.source !== '' || config.collectionsDir !== '') && isFolder(posts);
}
