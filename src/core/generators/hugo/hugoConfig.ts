import type { FileSystemPort } from '../../ports';
import { joinPath } from '../../path';
import { readTextIfPresent } from '../../site/readText';
import type { ConfigProblem } from '../../site/types';
import type { SiteConfig } from '../generator';
import { loadBlock } from './frontMatter';

/** What Postcraft reads of a Hugo site's configuration, with Hugo's defaults. */
export interface HugoConfig extends SiteConfig {
  readonly contentDir: string;
  readonly archetypeDir: string;
  /** Singular → plural (`[taxonomies]`); Hugo's default is `tag = "tags"`, `category = "categories"`. */
  readonly taxonomies: ReadonlyMap<string, string>;
  readonly buildExpired: boolean;
  /** `params.mainSections`, when the site sets it. */
  readonly mainSections?: readonly string[];
  /**
   * Where each date comes from (`[frontmatter]`), in order: lower-cased front-matter keys (with
   * Hugo's aliases), `:filename` (a `YYYY-MM-DD-` name), `:filemodtime` (the file's modification
   * time) or `:git` (read as nothing, as Hugo does without `enableGitInfo`).
   */
  readonly dateSources: DateSources;
  /** `[params]`, keys lower-cased at every level as Hugo reads them (for the `param` shortcode and `math`). */
  readonly params: Readonly<Record<string, unknown>>;
  /** `markup.goldmark.extensions`: what Goldmark adds to Markdown on this site. */
  readonly goldmark: GoldmarkExtensions;
}

/** The Goldmark extensions the preview follows, with Hugo's defaults (all on, `www.` links as https). */
export interface GoldmarkExtensions {
  readonly definitionList: boolean;
  readonly linkify: boolean;
  readonly linkifyProtocol: string;
  /** `markup.goldmark.renderer.unsafe`: off by default, Hugo leaves raw HTML out (`<!-- raw HTML omitted -->`). */
  readonly unsafe: boolean;
}

const GOLDMARK_DEFAULTS: GoldmarkExtensions = { definitionList: true, linkify: true, linkifyProtocol: 'https', unsafe: false };

export interface DateSources {
  readonly date: readonly string[];
  readonly publishDate: readonly string[];
  readonly lastmod: readonly string[];
  readonly expiryDate: readonly string[];
}

/** Hugo 0.111's `[frontmatter]` defaults (pagemeta), `:git` aside, its aliases expanded. */
const ALIASES: Readonly<Record<string, readonly string[]>> = { publishdate: ['pubdate', 'published'], lastmod: ['modified'], expirydate: ['unpublishdate'] };
const DEFAULT_SOURCES: Readonly<Record<keyof DateSources, readonly string[]>> = {
  date: ['date', 'publishdate', 'lastmod'],
  publishDate: ['publishdate', 'date'],
  lastmod: ['lastmod', 'date', 'publishdate'],
  expiryDate: ['expirydate'],
};

function expandSources(written: unknown, field: keyof DateSources): readonly string[] {
  const list = Array.isArray(written) ? written.map((item) => String(item).toLowerCase()) : [':default'];
  const keys = list.flatMap((item) => (item === ':default' ? DEFAULT_SOURCES[field] : [item]));
  return keys.flatMap((key) => (key.startsWith(':') ? [key] : [key, ...(ALIASES[key] ?? [])]));
}

function dateSourcesOf(frontmatter: unknown): DateSources {
  const table = typeof frontmatter === 'object' && frontmatter !== null ? lowerKeys(frontmatter as Record<string, unknown>) : {};
  return {
    date: expandSources(table.date, 'date'),
    publishDate: expandSources(table.publishdate, 'publishDate'),
    lastmod: expandSources(table.lastmod, 'lastmod'),
    expiryDate: expandSources(table.expirydate, 'expiryDate'),
  };
}

export const HUGO_DEFAULT_CONFIG: HugoConfig = Object.freeze({
  language: ['en'],
  contentDir: 'content',
  archetypeDir: 'archetypes',
  taxonomies: new Map([['tag', 'tags'], ['category', 'categories']]),
  // Hugo reads dates without an offset in `timeZone`, UTC unless set.
  timezone: 'UTC',
  dateFormat: 'YYYY-MM-DD',
  timeFormat: 'HH:mm:ss',
  writtenDateFormat: 'YYYY-MM-DDTHH:mm:ssZ',
  defaultLayout: 'default',
  dateSources: dateSourcesOf(undefined),
  renderDrafts: false,
  future: false,
  buildExpired: false,
  postAssetFolder: false,
  updatedOption: 'empty',
  smartypants: true,
  params: {},
  goldmark: GOLDMARK_DEFAULTS,
});

/** The names Hugo looks for at a site's root, then in `config/_default/`, in its order. */
export const HUGO_CONFIG_NAMES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

export interface HugoConfigFile {
  readonly path: string;
  readonly text: string;
}

/** The site's main configuration file, if any: at the root, else in `config/_default/`. */
export async function findHugoConfig(fs: FileSystemPort, root: string): Promise<HugoConfigFile | undefined> {
  for (const folder of [root, joinPath(root, 'config', '_default')]) {
    for (const name of HUGO_CONFIG_NAMES) {
      const path = joinPath(folder, name);
      const text = await readTextIfPresent(fs, path);
      if (text !== undefined) return { path, text };
    }
  }
  return undefined;
}

export interface HugoConfigResult {
  readonly config: HugoConfig;
  readonly problems: ConfigProblem[];
  /** The top-level keys, lower-cased as Hugo reads them. */
  readonly raw: Record<string, unknown>;
}

/** Reads a Hugo configuration file (TOML, YAML or JSON by its extension) with Hugo's defaults. */
export function readHugoConfig(file: HugoConfigFile, extra: ReadonlyMap<string, unknown> = new Map()): HugoConfigResult {
  const problems: ConfigProblem[] = [];
  const raw = lowerKeys(readConfigData(file, problems) ?? {});
  // `config/_default/taxonomies.toml` and friends hold one top-level key each.
  for (const [key, value] of extra) if (!(key in raw)) raw[key] = value;
  const config: HugoConfig = {
    ...HUGO_DEFAULT_CONFIG,
    ...(typeof raw.title === 'string' ? { title: raw.title } : {}),
    language: [stringOr(raw.languagecode, stringOr(raw.defaultcontentlanguage, 'en'))],
    contentDir: mountedContent(raw.module) ?? stringOr(raw.contentdir, 'content'),
    archetypeDir: stringOr(raw.archetypedir, 'archetypes'),
    timezone: stringOr(raw.timezone, 'UTC'),
    taxonomies: taxonomiesOf(raw.taxonomies),
    renderDrafts: raw.builddrafts === true,
    future: raw.buildfuture === true,
    buildExpired: raw.buildexpired === true,
    mainSections: mainSectionsOf(raw.params),
    dateSources: dateSourcesOf(raw.frontmatter),
    params: isRecord(raw.params) ? deepLowerKeys(raw.params) : {},
    goldmark: goldmarkExtensionsOf(raw.markup),
  };
  return { config, problems, raw };
}

/** The data of a config file in the format its extension names; a broken file is a problem. */
export function readConfigData(file: HugoConfigFile, problems: ConfigProblem[]): Record<string, unknown> | undefined {
  const format = file.path.endsWith('.toml') ? 'toml' : file.path.endsWith('.json') ? 'json' : 'yaml';
  const loaded = loadBlock(format, file.text);
  if ('data' in loaded) return loaded.data;
  problems.push({ file: file.path, message: `${loaded.reason}: Hugo cannot read its configuration and builds nothing.` });
  return undefined;
}

function taxonomiesOf(value: unknown): ReadonlyMap<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return HUGO_DEFAULT_CONFIG.taxonomies;
  const taxonomies = new Map<string, string>();
  for (const [singular, plural] of Object.entries(value as Record<string, unknown>)) {
    if (typeof plural === 'string' && plural !== '') taxonomies.set(singular.toLowerCase(), plural.toLowerCase());
  }
  return taxonomies;
}

/** A `[[module.mounts]]` whose target is `content` replaces `contentDir` (the first one; Postcraft reads one content folder). */
function mountedContent(module: unknown): string | undefined {
  if (typeof module !== 'object' || module === null) return undefined;
  const mounts = Object.entries(module as Record<string, unknown>).find(([key]) => key.toLowerCase() === 'mounts')?.[1];
  if (!Array.isArray(mounts)) return undefined;
  for (const mount of mounts) {
    if (typeof mount !== 'object' || mount === null) continue;
    const { source, target } = mount as Record<string, unknown>;
    if (target === 'content' && typeof source === 'string' && source !== '') return source;
  }
  return undefined;
}

function mainSectionsOf(params: unknown): readonly string[] | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const entry = Object.entries(params as Record<string, unknown>).find(([key]) => key.toLowerCase() === 'mainsections');
  const value = entry?.[1];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.map(String) : undefined;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** Hugo's configuration keys are case-insensitive: read at the top level lower-cased. */
function goldmarkExtensionsOf(markup: unknown): GoldmarkExtensions {
  const extensions = isRecord(markup) ? deepLowerKeys(markup) : {};
  const goldmark = isRecord(extensions.goldmark) && isRecord(extensions.goldmark.extensions) ? extensions.goldmark.extensions : {};
  const renderer = isRecord(extensions.goldmark) && isRecord(extensions.goldmark.renderer) ? extensions.goldmark.renderer : {};
  return {
    unsafe: renderer.unsafe === true,
    definitionList: typeof goldmark.definitionlist === 'boolean' ? goldmark.definitionlist : GOLDMARK_DEFAULTS.definitionList,
    linkify: typeof goldmark.linkify === 'boolean' ? goldmark.linkify : GOLDMARK_DEFAULTS.linkify,
    linkifyProtocol: typeof goldmark.linkifyprotocol === 'string' ? goldmark.linkifyprotocol : GOLDMARK_DEFAULTS.linkifyProtocol,
  };
}

/** Hugo lower-cases parameter keys at every level of a map (`[params.Social]` is `params.social`). */
export function deepLowerKeys(data: Record<string, unknown>): Record<string, unknown> {
  const lowered = lowerKeys(data);
  for (const [key, value] of Object.entries(lowered)) if (isRecord(value)) lowered[key] = deepLowerKeys(value);
  return lowered;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function lowerKeys(data: Record<string, unknown>): Record<string, unknown> {
  const lowered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const lower = key.toLowerCase();
    if (!(lower in lowered)) lowered[lower] = value;
  }
  return lowered;
}
