import type { FileSystemPort } from '../../ports';
import { joinPath } from '../../path';
import { loadToml } from '../../frontMatter/tomlBlock';
import { readTextIfPresent } from '../../site/readText';
import type { ConfigProblem } from '../../site/types';
import type { SiteConfig } from '../generator';
import { loadJekyllYaml } from './frontMatter';

/** One `defaults` set: front-matter values for the documents its scope names. */
export interface JekyllDefaultSet {
  /** `scope.path` ('' for every path), a prefix of the document's path or a glob. */
  readonly path: string;
  /** `scope.type` (`posts`, `pages`, `drafts`, or a collection), when the scope names one. */
  readonly type?: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** What Postcraft reads of a Jekyll site's configuration, with Jekyll 4.3's defaults. */
export interface JekyllConfig extends SiteConfig {
  /** `source`: the folder the content is read from, relative to the site root ('' for the root). */
  readonly source: string;
  /** `collections_dir`: where `_posts` and `_drafts` live ('' for the source folder). */
  readonly collectionsDir: string;
  /** `unpublished`: posts with `published: false` are built too. */
  readonly unpublished: boolean;
  /** `strict_front_matter`: bad front matter fails the build instead of leaving the post empty. */
  readonly strictFrontMatter: boolean;
  /** `permalink`: the URL style of posts (`date` unless set). */
  readonly permalink: string;
  readonly defaults: readonly JekyllDefaultSet[];
  /** `exclude`: paths (relative to the source) Jekyll does not read, with its own defaults. */
  readonly exclude: readonly string[];
  /** `layouts_dir`, relative to the source (`_layouts`). */
  readonly layoutsDir: string;
  /** `theme`: the gem whose `_layouts` (and `_includes`) fill in what the site does not have. */
  readonly theme?: string;
  /** `plugins` (and the older `gems`): the gems the build loads, whose Liquid tags a post may use. */
  readonly plugins: readonly string[];
}

/** Jekyll's default `exclude` (Configuration::DEFAULT_EXCLUDES). */
const DEFAULT_EXCLUDES = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle/', 'vendor/cache/', 'vendor/gems/', 'vendor/ruby/'];

export const JEKYLL_DEFAULT_CONFIG: JekyllConfig = Object.freeze({
  language: ['en'],
  source: '',
  collectionsDir: '',
  // Jekyll sets TZ only when `timezone` is set; else dates are read in the machine's zone.
  timezone: '',
  dateFormat: 'YYYY-MM-DD',
  timeFormat: 'HH:mm:ss',
  // As jekyll-compose and the Jekyll documentation write dates.
  writtenDateFormat: 'YYYY-MM-DD HH:mm:ss ZZ',
  defaultLayout: 'post',
  renderDrafts: false,
  future: false,
  unpublished: false,
  strictFrontMatter: false,
  permalink: 'date',
  defaults: [],
  exclude: DEFAULT_EXCLUDES,
  layoutsDir: '_layouts',
  plugins: [],
  postAssetFolder: false,
  updatedOption: 'empty',
  // kramdown's typographic symbols and smart quotes are on by default.
  smartypants: true,
});

/** The names Jekyll looks for, in its order (`%w(yml yaml toml)`): the first that exists is read. */
export const JEKYLL_CONFIG_NAMES = ['_config.yml', '_config.yaml', '_config.toml'];

export interface JekyllConfigFile {
  readonly path: string;
  readonly text: string;
}

export async function findJekyllConfig(fs: FileSystemPort, root: string): Promise<JekyllConfigFile | undefined> {
  for (const name of JEKYLL_CONFIG_NAMES) {
    const path = joinPath(root, name);
    const text = await readTextIfPresent(fs, path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

export interface JekyllConfigResult {
  readonly config: JekyllConfig;
  readonly problems: ConfigProblem[];
  readonly raw: Record<string, unknown>;
}

/** Reads `_config.yml` (or `.yaml`, `.toml`) with Jekyll's defaults. Never throws: a broken file is a problem. */
export function readJekyllConfig(file: JekyllConfigFile): JekyllConfigResult {
  const problems: ConfigProblem[] = [];
  const raw = readConfigData(file, problems) ?? {};
  const string = (key: string, fallback: string): string => {
    const value = raw[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    problems.push({ file: file.path, message: `\`${key}\` should be a string; Jekyll's default \`${fallback}\` is used.` });
    return fallback;
  };
  // Ruby truthiness: only nil and false are false.
  const truthy = (key: string): boolean => raw[key] !== undefined && raw[key] !== null && raw[key] !== false;
  const config: JekyllConfig = {
    ...JEKYLL_DEFAULT_CONFIG,
    ...(typeof raw.title === 'string' ? { title: raw.title } : {}),
    language: [string('lang', 'en')],
    source: relativeFolder(string('source', '')),
    collectionsDir: relativeFolder(string('collections_dir', '')),
    timezone: string('timezone', ''),
    renderDrafts: truthy('show_drafts'),
    future: truthy('future'),
    unpublished: truthy('unpublished'),
    strictFrontMatter: truthy('strict_front_matter'),
    permalink: string('permalink', 'date'),
    defaults: defaultSetsOf(raw.defaults, file.path, problems),
    exclude: [...DEFAULT_EXCLUDES, ...(Array.isArray(raw.exclude) ? raw.exclude.filter((item): item is string => typeof item === 'string') : [])],
    layoutsDir: relativeFolder(string('layouts_dir', '_layouts')) || '_layouts',
    ...(typeof raw.theme === 'string' && raw.theme.trim() !== '' ? { theme: raw.theme.trim() } : {}),
    plugins: [raw.plugins, raw.gems].flatMap((list) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [])),
  };
  return { config, problems, raw };
}

function readConfigData(file: JekyllConfigFile, problems: ConfigProblem[]): Record<string, unknown> | undefined {
  if (file.path.endsWith('.toml')) {
    const result = loadToml(file.text);
    if ('data' in result) return result.data;
    problems.push({ file: file.path, message: `${result.error.reason}: Jekyll cannot read its configuration and stops.` });
    return undefined;
  }
  const loaded = loadJekyllYaml(file.text);
  if ('data' in loaded) return loaded.data;
  // Configuration#read_config_file: a list or a single value is "INVALID" and the defaults are used;
  // YAML that does not parse stops Jekyll.
  problems.push({
    file: file.path,
    message: loaded.error === 'not-a-mapping'
      ? `The configuration is ${loaded.reason}, not key: value pairs: Jekyll warns and uses its defaults.`
      : `${loaded.reason}: Jekyll cannot read its configuration and stops.`,
  });
  return undefined;
}

/** `./src/`, `/src` → `src`; `.` → ''. */
function relativeFolder(value: string): string {
  return value.replace(/\\/g, '/').replace(/^\.?\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
}

/** `defaults:` sets as FrontmatterDefaults#valid_sets keeps them (`values` must be a mapping), old type names updated. */
function defaultSetsOf(value: unknown, file: string, problems: ConfigProblem[]): JekyllDefaultSet[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ file, message: '`defaults` should be a list of sets (scope and values); Jekyll ignores it.' });
    return [];
  }
  const sets: JekyllDefaultSet[] = [];
  for (const set of value) {
    const values = isMapping(set) ? set.values : undefined;
    if (!isMapping(set) || !isMapping(values)) {
      problems.push({ file, message: 'A `defaults` set without a `values` mapping is ignored by Jekyll ("An invalid front-matter default set").' });
      continue;
    }
    const scope = isMapping(set.scope) ? set.scope : {};
    const type = typeof scope.type === 'string' ? ({ page: 'pages', post: 'posts', draft: 'drafts' } as Record<string, string>)[scope.type] ?? scope.type : undefined;
    sets.push({ path: typeof scope.path === 'string' ? scope.path : '', ...(type !== undefined ? { type } : {}), values });
  }
  return sets;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
