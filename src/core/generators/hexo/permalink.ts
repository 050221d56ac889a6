import type { CategoryPath } from '../../site/types';
import { slugize } from '../../text/slugize';
import { sha1Hex } from '../../posts/sha1';
import { zoneOffsetMinutesWest } from '../../time/zoneOffset';
import type { HexoConfig } from './hexoConfig';

/**
 * Where Hexo 8 serves a post: `post.path` (hexo `lib/plugins/filter/post_permalink.ts` over hexo-util's
 * `Permalink`) and the link `url_for` makes of it (hexo-util `url_for.ts`, `encode_url.ts`,
 * `pretty_urls.ts`). Written from their reading; nothing here throws.
 */

/** What of a post its permalink is made from. */
export interface PermalinkInput {
  /** Hexo's slug: the `:title` of the file's path below `_posts/` (or `_drafts/`) by `new_post_name`. */
  readonly slug: string;
  /** The front-matter title ('' when none). */
  readonly title: string;
  /** Whether the front matter has a `title` key (`use_slug_as_post_title` titles the others by their slug). */
  readonly titled: boolean;
  /** Hexo's date of the post; unknown when Hexo would take the file's birth time. */
  readonly date?: Date;
  readonly categories: readonly CategoryPath[];
  /** The post's layout (`:layout`, a field of Hexo's post model). */
  readonly layout?: string;
  /** The front-matter `permalink:`, which replaces the rule. */
  readonly override?: string;
  /** Front-matter values of the placeholders the rule names that are not Hexo's own (`:lang`), and `id`. */
  readonly fields?: Readonly<Record<string, string>>;
}

/** hexo-util `Permalink`'s placeholder: `:name`, a word not ending with `_`. */
const PLACEHOLDER = /:(\w*[^_\W])/g;

const DATE_PLACEHOLDERS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second', 'i_month', 'i_day', 'timestamp', 'hash']);
/** Fields of Hexo's post model that are no text: a placeholder naming one gives nothing Postcraft can predict. */
const UNPREDICTABLE = new Set(['date', 'updated', 'tags', 'categories', 'photos', 'content', '_content', 'raw', 'excerpt', 'more', 'path', 'permalink', 'full_source', 'asset_dir', '_id', 'source', 'comments', 'published']);

const placeholderCache = new Map<string, readonly string[]>();

/** The placeholders a rule names, in order (one list per rule). */
export function permalinkPlaceholders(rule: string): readonly string[] {
  let names = placeholderCache.get(rule);
  if (!names) {
    names = [...rule.matchAll(PLACEHOLDER)].map((match) => match[1]);
    if (placeholderCache.size > 100) placeholderCache.clear();
    placeholderCache.set(rule, names);
  }
  return names;
}

/** Whether renaming a post's file changes its URL: the rule names its slug (`:title`, `:name`, `:hash`). */
export function permalinkFollowsFileName(config: HexoConfig): boolean {
  return permalinkPlaceholders(config.permalink).some((name) => name === 'title' || name === 'name' || name === 'hash');
}

/**
 * The front-matter keys whose values a post's permalink reads: `id` and the rule's placeholders that
 * are not Hexo's own (the index keeps only these of a post's data).
 */
export function permalinkFieldKeys(config: HexoConfig): readonly string[] {
  return permalinkPlaceholders(config.permalink).filter((name) => name === 'id' || !Object.prototype.hasOwnProperty.call(OWN_PLACEHOLDERS, name));
}

/** Hexo's own placeholders (the `meta` of post_permalink.ts): front matter cannot replace them. */
const OWN_PLACEHOLDERS: Readonly<Record<string, true>> = {
  id: true, title: true, name: true, post_title: true, year: true, month: true, day: true, hour: true, minute: true,
  second: true, i_month: true, i_day: true, timestamp: true, hash: true, category: true,
};

/**
 * `post.path`: the path below the site's root a post is served at (`2024/01/02/hello/`), or undefined
 * where Hexo's answer depends on what Postcraft cannot know (a random `_id` for `:id`, a file's birth
 * time for a post without a date).
 */
export function hexoPostPath(input: PermalinkInput, config: HexoConfig): string | undefined {
  const assetSlash = (path: string) => (config.postAssetFolder && !path.endsWith('/') && !path.endsWith('.html') ? `${path}/` : path);
  if (input.override) {
    const path = assetSlash(input.override);
    return path.startsWith('/') ? path : `/${path}`;
  }
  const rule = config.permalink;
  let unknown = false;
  let clock: WallClock | undefined;
  const dated = (): WallClock | undefined => (clock ??= input.date && wallClock(input.date, config.timezone));
  const value = (name: string): string | undefined => {
    if (DATE_PLACEHOLDERS.has(name)) {
      const wall = dated();
      if (!wall) return undefined;
      if (name === 'hash') return input.slug ? sha1Hex(input.slug + String(Math.floor(input.date!.getTime() / 1000))).slice(0, 12) : 'null';
      return wall[name as keyof WallClock];
    }
    switch (name) {
      case 'id': return own(input.fields, 'id') || undefined; // no `id`: Hexo's random `_id`
      case 'title': return input.slug;
      case 'name': return input.slug.slice(input.slug.lastIndexOf('/') + 1);
      case 'post_title': return slugize(input.title || (config.useSlugAsPostTitle && !input.titled ? input.slug : ''), 1);
      case 'category': return categorySlug(input.categories, config);
      case 'slug': return input.slug;
      case 'layout': return input.layout ?? config.defaultLayout;
    }
    if (UNPREDICTABLE.has(name)) return undefined;
    // Any other front-matter field fills its placeholder, then `permalink_defaults`; else Hexo writes "undefined".
    return own(input.fields, name) ?? own(config.permalinkDefaults, name) ?? 'undefined';
  };
  const path = rule.replace(PLACEHOLDER, (_match, name: string) => {
    const filled = value(name);
    if (filled === undefined) unknown = true;
    return filled ?? '';
  });
  return unknown ? undefined : assetSlash(path);
}

/**
 * `:category`: the slug of the post's last category (Hexo takes the last of its categories; for one
 * hierarchy, its deepest), its parents' slugs before it; without categories, `default_category` as written.
 */
function categorySlug(categories: readonly CategoryPath[], config: HexoConfig): string {
  const last = categories[categories.length - 1];
  if (!last || last.length === 0) return config.defaultCategory;
  return last.map((name) => slugize(own(config.categoryMap, name) ?? name, config.filenameCase)).join('/');
}

/** A table's own value for `key` (a category named `constructor` is no function). */
function own(table: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

interface WallClock {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
  readonly i_month: string;
  readonly i_day: string;
  readonly timestamp: string;
}

/** The date's wall clock in the site's zone ('' or an unknown zone: the machine's), as moment formats it. */
function wallClock(date: Date, timezone: string): WallClock | undefined {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return undefined;
  const west = timezone ? zoneOffsetMinutesWest(timezone, ms) : undefined;
  const wall = new Date(ms - (west ?? date.getTimezoneOffset()) * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  return {
    year: String(wall.getUTCFullYear()).padStart(4, '0'),
    month: two(month), day: two(day), i_month: String(month), i_day: String(day),
    hour: two(wall.getUTCHours()), minute: two(wall.getUTCMinutes()), second: two(wall.getUTCSeconds()),
    timestamp: String(Math.floor(ms / 1000)),
  };
}

/**
 * The link Hexo's `url_for` makes of a path below the root: `root` + path, `//` collapsed,
 * percent-encoded once (what is already encoded is decoded first), then `pretty_urls`.
 */
export function hexoUrlFor(path: string, config: HexoConfig): string {
  if (/^(#|\/\/|https?:)/.test(path)) return path;
  let url = encodeOnce(`${config.root}${path}`.replace(/\/{2,}/g, '/'));
  if (!config.trailingIndex) url = url.replace(/index\.html$/, '');
  if (!config.trailingHtml && !/index\.html$/.test(url)) url = url.replace(/\.html$/, '');
  return url;
}

function encodeOnce(path: string): string {
  try {
    return encodeURI(safeDecode(path));
  } catch {
    return path; // a lone surrogate: encodeURI throws, and Hexo would too
  }
}

/** `decodeURIComponent`, leaving the text as it is where it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
