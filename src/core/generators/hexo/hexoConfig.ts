import * as yaml from 'js-yaml';
import { describeExpandedEntry, limitAliasExpansion } from '../../frontMatter/aliasExpansion';
import { LineMap } from '../../text/lineMap';
import type { ConfigProblem } from '../../site/types';
import type { SiteConfig } from '../generator';

/** Hexo's `_config.yml` keys that Postcraft reads, with Hexo's defaults applied. */
export interface HexoConfig extends SiteConfig {
  readonly sourceDir: string;
  readonly newPostName: string;
  /** 0 keep, 1 lower, 2 upper (Hexo's `filename_case`). */
  readonly filenameCase: 0 | 1 | 2;
  readonly defaultCategory: string;
  readonly tagMap: Readonly<Record<string, string>>;
  readonly categoryMap: Readonly<Record<string, string>>;
  /** hexo-renderer-marked's `marked.postAsset`: `![](cat.png)` in a post means its asset folder's file. */
  readonly markedPostAsset: boolean;
  /** The theme's folder name under `themes/` (`theme:`), when set. */
  readonly theme?: string;
  /** The rule a post's URL path is made by (`permalink`). */
  readonly permalink: string;
  /** Values for the permalink's placeholders a post does not fill (`permalink_defaults`). */
  readonly permalinkDefaults: Readonly<Record<string, string>>;
  /** The path the site is served under, ending with `/` (`root`, else the path of `url`). */
  readonly root: string;
  /** `pretty_urls`: whether links keep a trailing `index.html` and a trailing `.html`. */
  readonly trailingIndex: boolean;
  readonly trailingHtml: boolean;
  /** `use_slug_as_post_title`: a post without `title` is titled by its slug. */
  readonly useSlugAsPostTitle: boolean;
}

/** Hexo's defaults for the keys Postcraft reads (hexo `lib/hexo/default_config.ts`). */
export const HEXO_DEFAULT_CONFIG: HexoConfig = Object.freeze({
  title: 'Hexo',
  language: ['en'],
  sourceDir: 'source',
  newPostName: ':title.md',
  filenameCase: 0,
  postAssetFolder: false,
  defaultLayout: 'post',
  timezone: '',
  dateFormat: 'YYYY-MM-DD',
  timeFormat: 'HH:mm:ss',
  renderDrafts: false,
  future: true,
  defaultCategory: 'uncategorized',
  tagMap: {},
  categoryMap: {},
  markedPostAsset: false,
  updatedOption: 'mtime',
  smartypants: true,
  permalink: ':year/:month/:day/:title/',
  permalinkDefaults: {},
  root: '/',
  trailingIndex: true,
  trailingHtml: true,
  useSlugAsPostTitle: false,
});

/** Keys of Hexo's `_config.yml` that Jekyll's and other tools' `_config.yml` do not use. */
const HEXO_MARKER_KEYS = [
  'new_post_name', 'source_dir', 'public_dir', 'default_layout', 'post_asset_folder', 'render_drafts',
  'filename_case', 'tag_dir', 'category_dir', 'archive_dir', 'skip_render', 'pagination_dir', 'deploy',
];

export interface ConfigReadResult {
  readonly config: HexoConfig;
  readonly problems: ConfigProblem[];
  /** The raw parsed mapping (empty when broken). */
  readonly raw: Record<string, unknown>;
}

/** Reads `_config.yml` text with Hexo's defaults; a broken file is reported and the defaults apply. */
export function readHexoConfig(text: string, file: string): ConfigReadResult {
  const problems: ConfigProblem[] = [];
  let raw: Record<string, unknown> = {};
  try {
    const loaded = yaml.load(text, { filename: file });
    if (loaded !== null && loaded !== undefined) {
      if (isRecord(loaded)) raw = withoutAliasBombs(loaded, text, file, problems);
      else problems.push({ file, message: 'The configuration is not a mapping of keys to values; Hexo defaults apply.' });
    }
  } catch (error) {
    problems.push(yamlProblem(error, text, file));
  }
  const config = configFromRaw(raw, problems, file);
  return { config, problems, raw };
}

/**
 * The configuration without keys whose YAML aliases expand past the parser's limits: reading them
 * (`String(title)`, `language.map(String)`) would expand them in full and hang the editor.
 */
function withoutAliasBombs(loaded: Record<string, unknown>, text: string, file: string, problems: ConfigProblem[]): Record<string, unknown> {
  if (!text.includes('*')) return loaded;
  const bounded = limitAliasExpansion(loaded, text.length);
  for (const expanded of bounded.dropped) problems.push({ file, message: `${describeExpandedEntry(expanded)}; Postcraft ignores it and Hexo's default applies.` });
  return bounded.data;
}

/** True when a parsed YAML mapping looks like Hexo's site configuration. */
export function looksLikeHexoConfig(text: string): boolean {
  try {
    const loaded = yaml.load(text);
    return isRecord(loaded) && HEXO_MARKER_KEYS.some((key) => key in loaded);
  } catch {
    // A broken _config.yml still marks a Hexo site when it names Hexo's keys; detection must not need valid YAML.
    return HEXO_MARKER_KEYS.some((key) => new RegExp(`^${key}\\s*:`, 'm').test(text));
  }
}

function configFromRaw(raw: Record<string, unknown>, problems: ConfigProblem[], file: string): HexoConfig {
  const defaults = HEXO_DEFAULT_CONFIG;
  const string = (key: string, fallback: string): string => {
    const value = raw[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    problems.push({ file, message: `\`${key}\` should be a string; Hexo's default \`${fallback}\` is used.` });
    return fallback;
  };
  const boolean = (key: string, fallback: boolean): boolean => {
    const value = raw[key];
    if (value === undefined || value === null) return fallback;
    return Boolean(value);
  };
  const map = (key: string): Record<string, string> => {
    const value = raw[key];
    if (!isRecord(value)) return {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  };
  const filenameCase = Number(raw.filename_case ?? 0);
  const updated = string('updated_option', defaults.updatedOption);
  const languageValue = raw.language;
  const language = Array.isArray(languageValue)
    ? languageValue.filter((item) => item !== null && item !== undefined).map(String)
    : languageValue === undefined || languageValue === null
      ? [...defaults.language]
      : [String(languageValue)];
  return {
    title: raw.title === undefined ? defaults.title : String(raw.title),
    language,
    sourceDir: string('source_dir', defaults.sourceDir).replace(/\/+$/, ''),
    newPostName: string('new_post_name', defaults.newPostName),
    filenameCase: filenameCase === 1 || filenameCase === 2 ? filenameCase : 0,
    postAssetFolder: boolean('post_asset_folder', defaults.postAssetFolder),
    defaultLayout: string('default_layout', defaults.defaultLayout),
    timezone: string('timezone', defaults.timezone),
    dateFormat: string('date_format', defaults.dateFormat),
    timeFormat: string('time_format', defaults.timeFormat),
    renderDrafts: boolean('render_drafts', defaults.renderDrafts),
    future: boolean('future', defaults.future),
    defaultCategory: string('default_category', defaults.defaultCategory),
    tagMap: map('tag_map'),
    categoryMap: map('category_map'),
    updatedOption: updated === 'date' || updated === 'empty' ? updated : 'mtime',
    // The default renderer's settings live under `marked:`.
    smartypants: isRecord(raw.marked) && raw.marked.smartypants !== undefined && raw.marked.smartypants !== null ? Boolean(raw.marked.smartypants) : defaults.smartypants,
    smartQuotes: isRecord(raw.marked) && typeof raw.marked.quotes === 'string' ? raw.marked.quotes : undefined,
    markedPostAsset: isRecord(raw.marked) && raw.marked.postAsset === true,
    permalink: raw.permalink === undefined || raw.permalink === null || raw.permalink === '' ? defaults.permalink : string('permalink', defaults.permalink),
    permalinkDefaults: map('permalink_defaults'),
    root: siteRoot(raw.root, raw.url),
    trailingIndex: isRecord(raw.pretty_urls) && raw.pretty_urls.trailing_index !== undefined ? Boolean(raw.pretty_urls.trailing_index) : defaults.trailingIndex,
    trailingHtml: isRecord(raw.pretty_urls) && raw.pretty_urls.trailing_html !== undefined ? Boolean(raw.pretty_urls.trailing_html) : defaults.trailingHtml,
    useSlugAsPostTitle: boolean('use_slug_as_post_title', defaults.useSlugAsPostTitle),
    ...(typeof raw.theme === 'string' && raw.theme.trim() && !/[\\/]|^\.\.?$/.test(raw.theme.trim()) ? { theme: raw.theme.trim() } : {}),
  };
}

/**
 * Hexo's `root` (hexo `lib/hexo/load_config.ts`): as written, else the path of `url`
 * (`https://x.com/blog` serves under `/blog/`), with exactly one trailing `/`.
 */
function siteRoot(root: unknown, url: unknown): string {
  let path = typeof root === 'string' && root.trim() ? root : '/';
  if (!root && typeof url === 'string') {
    try {
      path = new URL(url).pathname;
    } catch {
      path = '/'; // Hexo stops on a `url` it cannot parse; links are still made from `/`.
    }
  }
  return path.replace(/\/*$/, '/');
}

function yamlProblem(error: unknown, text: string, file: string): ConfigProblem {
  const mark = (error as { mark?: { position?: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? String(error);
  const message = `The configuration's YAML does not parse (${reason}); Hexo defaults apply.`;
  if (mark?.position === undefined) return { file, message };
  const lines = new LineMap(text);
  return { file, message, range: lines.range(mark.position, Math.min(text.length, mark.position + 1)) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
