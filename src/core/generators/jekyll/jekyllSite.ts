import type { FileSystemPort } from '../../ports';
import { basename, extname, joinPath, normalizePath, relativeInside } from '../../path';
import { formatMomentDate } from '../../site/dateFormat';
import type { SiteIndexView } from '../../index/types';
import { readTemplateFolder } from '../../site/readText';
import type { ConfigProblem, PostKind, PostRecord } from '../../site/types';
import type { PostFileName, Site } from '../generator';
import { readJekyllDate } from './dates';
import { deepMerge, frontMatterDefaults } from './defaults';
import { readJekyllFrontMatterData } from './frontMatter';
import { findJekyllConfig, JEKYLL_DEFAULT_CONFIG, readJekyllConfig, type JekyllConfig } from './jekyllConfig';
import { jekyllGenerator } from './jekyllGenerator';
import { findThemeRoot, readJekyllLayouts } from './layouts';
import { readJekyllPluginTags } from './liquidTags';
import { jekyllCategories, jekyllTags, rubySplit, rubyToS, rubyTruthy } from './terms';

/** Jekyll's default `markdown_ext` (`markdown,mkdown,mkdn,mkd,md`). */
export const JEKYLL_MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set(['.markdown', '.mkdown', '.mkdn', '.mkd', '.md']);
/** `Document::DATE_FILENAME_MATCHER` on a file's name: `2024-03-04-slug.ext`. */
export const DATED_NAME = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)(\.[^.]+)$/;

/** EntryFilter#special? and #backup?: names Jekyll never reads. */
function isSpecialName(name: string): boolean {
  return /^[._#~]/.test(name) || name.endsWith('~');
}

export class JekyllSite implements Site {
  readonly generator = jekyllGenerator;
  readonly sourceRoot: string;

  /** What `post_url` finds, per index (see postUrlTargets). */
  private readonly postUrlCache = new WeakMap<SiteIndexView, { key?: string; names: ReadonlySet<string>; slugDays: ReadonlySet<string> }>();

  /** `exclude` entries as paths relative to the source, without leading or trailing slashes. */
  private readonly excluded: readonly string[];

  constructor(
    readonly root: string,
    readonly config: JekyllConfig,
    readonly configProblems: readonly ConfigProblem[],
    readonly scaffolds: ReadonlyMap<string, string>,
    readonly layouts: ReadonlyMap<string, string> = new Map(),
    /** Tags the site's `_plugins` and its plugin gems register: name → whether it is a block. */
    readonly registeredTags: ReadonlyMap<string, boolean> = new Map(),
    /** Plugins whose tags Postcraft cannot read (unknown gems, computed tag names). */
    readonly unreadPlugins: readonly string[] = [],
    /** The top-level keys of the configuration (`site.<key>`). */
    readonly configKeys: ReadonlySet<string> = new Set(),
    /** The installed theme gem's folder, for its `_includes` and `_layouts`. */
    readonly themeRoot?: string,
    /** The configuration as written (what Liquid's `site` holds), Jekyll's defaults not applied. */
    readonly settings: Readonly<Record<string, unknown>> = {},
  ) {
    this.sourceRoot = config.source ? joinPath(root, config.source) : root;
    this.excluded = config.exclude.map((entry) => entry.replace(/^\/+/, '').replace(/\/+$/, '')).filter((entry) => entry !== '');
  }

  /**
   * Jekyll's reader (Reader#read_directories, PostReader): it walks every folder whose name is not
   * special (`_`, `.`, `#`, `~`) or excluded, and reads `_posts` and `_drafts` in each (below
   * `collections_dir` when set). In `_posts` only dated names are posts; in `_drafts` every file is
   * a draft; elsewhere a Markdown file is a page (Jekyll reads it as one when it has front matter).
   */
  classify(path: string): PostKind | undefined {
    const relative = relativeInside(this.sourceRoot, path);
    if (relative === undefined || relative === '') return undefined;
    if (!JEKYLL_MARKDOWN_EXTENSIONS.has(extname(path).toLowerCase())) return undefined;
    if (this.isExcluded(relative)) return undefined;
    const parts = relative.split('/');
    const special = parts.findIndex((part) => part === '_posts' || part === '_drafts');
    if (special === -1) return parts.every((part) => !isSpecialName(part)) ? 'page' : undefined;
    if (parts.slice(0, special).some(isSpecialName)) return undefined;
    // Reader#retrieve_posts reads no `_posts` outside `collections_dir`.
    const collections = this.config.collectionsDir ? this.config.collectionsDir.split('/') : [];
    if (special < collections.length || collections.some((part, i) => parts[i] !== part)) return undefined;
    // Inside `_posts`: Dir["**/*"] skips dot folders; EntryFilter checks the entry's first part and its name.
    const inner = parts.slice(special + 1);
    if (inner.length === 0 || isSpecialName(inner[0]) || isSpecialName(inner[inner.length - 1]) || inner.some((part) => part.startsWith('.'))) return undefined;
    if (parts[special] === '_drafts') return 'draft';
    return DATED_NAME.test(inner[inner.length - 1]) ? 'post' : undefined;
  }

  /** A Markdown file inside `_posts` (where Jekyll reads posts) that Jekyll skips for want of a date in its name. */
  skipsNamedFile(path: string): boolean {
    if (this.classify(path) !== undefined) return false;
    const relative = relativeInside(this.sourceRoot, path);
    if (relative === undefined || !JEKYLL_MARKDOWN_EXTENSIONS.has(extname(path).toLowerCase()) || this.isExcluded(relative)) return false;
    const parts = relative.split('/');
    const posts = parts.indexOf('_posts');
    return posts !== -1 && parts.slice(0, posts).every((part) => !isSpecialName(part)) && parts.slice(posts + 1).every((part) => !isSpecialName(part) && !part.startsWith('.'));
  }

  /**
   * The name `{% post_url %}` finds a post by without a deprecation warning (PostComparer in Jekyll
   * 4.3: `^_posts/<path><date>-<slug>` or `^<path>_posts/<date>-<slug>`): `2026-01-15-slug`, with the
   * folder inside `_posts` or the category folder above it in front. A post with both has only
   * Jekyll's older match by date and slug, which still works.
   */
  postUrlName(path: string): string | undefined {
    const relative = this.relativePathOf(path, 'post');
    const parts = relative.split('/');
    const at = parts.indexOf('_posts');
    const name = parts[parts.length - 1];
    if (at === -1 || !DATED_NAME.test(name)) return undefined;
    const stem = name.slice(0, name.length - extname(name).length);
    const above = parts.slice(0, at);
    const inside = parts.slice(at + 1, -1);
    if (above.length > 0 && inside.length > 0) return stem;
    return [...above, ...inside, stem].join('/');
  }

  /**
   * Whether `{% post_url name %}` finds a post the build keeps (PostComparer in Jekyll 4.3): by its
   * name (`[path/]YYYY-MM-DD-slug`, the path inside `_posts` or above it), else, with a deprecation
   * warning, by the slug and the post's date (in the site's zone).
   */
  findsPostUrl(name: string, index: SiteIndexView, now: Date): boolean {
    const match = /^(?:(.+)\/)?(\d+)-(\d+)-(\d+)-(.*)$/.exec(name.replace(/^\//, ''));
    if (!match) return false;
    const [, , year, month, day, slug] = match;
    const targets = this.postUrlTargets(index, now);
    return targets.names.has(name.replace(/^\//, '')) || targets.slugDays.has(`${slug}\0${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
  }

  /**
   * The names and slug-and-day pairs `post_url` finds, built once per state of the index (and minute:
   * a future post is built once its time comes), not once per tag: a check of a large site meets many.
   */
  private postUrlTargets(index: SiteIndexView, now: Date): { names: ReadonlySet<string>; slugDays: ReadonlySet<string> } {
    // An index that keeps no version (a test's stand-in) is read each time.
    const key = index.taxonomyVersion === undefined ? undefined : `${index.taxonomyVersion} ${Math.floor(now.getTime() / 60_000)}`;
    const cached = this.postUrlCache.get(index);
    if (key !== undefined && cached?.key === key) return cached;
    const names = new Set<string>();
    const slugDays = new Set<string>();
    for (const record of index.posts()) {
      if (record.kind !== 'post' || !this.isListed(record, now)) continue;
      const named = this.postUrlName(record.path);
      if (named !== undefined) names.add(named);
      if (record.date) slugDays.add(`${this.postFileName(record.path).slug}\0${formatMomentDate(record.date, 'YYYY-MM-DD', this.config.timezone)}`);
    }
    const built = { key, names, slugDays };
    if (key !== undefined) this.postUrlCache.set(index, built);
    return built;
  }

  /** Where `{% include name %}` looks: the site's `_includes`, then its theme's. */
  includePaths(name: string): string[] {
    return [joinPath(this.sourceRoot, '_includes', name), ...(this.themeRoot ? [joinPath(this.themeRoot, '_includes', name)] : [])].map(normalizePath);
  }

  /** The categories the folders above `_posts` (or `_drafts`) give a post: `news/_posts/x.md` → news. */
  folderCategories(path: string, kind: PostKind): string[] {
    if (kind === 'page') return [];
    const relative = this.relativePathOf(path, kind);
    const special = kind === 'draft' ? '_drafts' : '_posts';
    const parts = relative.split('/');
    const at = parts.indexOf(special);
    return at <= 0 ? [] : parts.slice(0, at);
  }

  /** Jekyll's `relative_path`: below the collections folder for posts and drafts, below the source for pages. */
  private relativePathOf(path: string, kind: PostKind): string {
    const relative = relativeInside(this.sourceRoot, path) ?? basename(path);
    const collections = this.config.collectionsDir;
    return kind !== 'page' && collections !== '' && relative.startsWith(`${collections}/`) ? relative.slice(collections.length + 1) : relative;
  }

  /** The `defaults` values Jekyll merges into this file's data before its own front matter. */
  defaultsFor(path: string, kind: PostKind): Readonly<Record<string, unknown>> {
    return frontMatterDefaults(this.config.defaults, this.relativePathOf(path, kind), kind === 'page' ? 'pages' : 'posts', this.config.collectionsDir);
  }

  /** EntryFilter#excluded?: a path equal to or below an `exclude` entry (relative to the source). */
  private isExcluded(relative: string): boolean {
    return this.excluded.some((excluded) => relative === excluded || (relative.startsWith(excluded) && relative.charCodeAt(excluded.length) === 0x2f));
  }

  /** Jekyll dates a draft by its file's modification time (unless it writes a date). */
  needsFileTime(path: string): boolean {
    return this.classify(path) === 'draft';
  }

  readPost(path: string, kind: PostKind, text: string, modified?: number): PostRecord {
    const read = readJekyllFrontMatterData(text);
    const relativePath = this.relativePathOf(path, kind);
    const unreadable = read.problem === 'yaml-syntax' || read.problem === 'not-a-mapping' || read.problem === 'alias-expansion';
    const reading = kind === 'page' ? this.readPage(relativePath, read.data, unreadable || read.error !== undefined)
      : this.readDocument(path, kind, relativePath, read.data, unreadable, modified);
    const { data, failure } = reading;
    const title = data.title;
    const layout = data.layout;
    const slug = data.slug;
    const date = data.date instanceof Date ? data.date : undefined;
    const error = failure ?? (read.error !== undefined && !unreadable ? read.error : undefined);
    return {
      path,
      kind,
      title: rubyTruthy(title) ? rubyToS(title) : '',
      ...(date ? { date } : {}),
      layout: typeof layout === 'string' ? layout : this.config.defaultLayout,
      // A page's tags and categories are not the site's (site.tags and site.categories are the posts').
      tags: kind === 'page' || !reading.populated ? rawList(data.tags) : jekyllTags(data),
      categories: (kind === 'page' ? [] : reading.populated ? jekyllCategories(data) : rawList(data.categories)).map((name) => [name]),
      keys: Object.keys(read.data),
      ...(typeof slug === 'string' || typeof slug === 'number' ? { slug: String(slug) } : {}),
      // `data.fetch("published", true)`: a written `published:` with no value is nil, and unpublished.
      published: kind !== 'draft' && (!('published' in data) || rubyTruthy(data.published)),
      frontMatterLines: read.frontMatterLines,
      ...(error !== undefined ? { error } : {}),
    };
  }

  /**
   * Document#initialize and #read for a post or draft: the folders above `_posts` (or `_drafts`) as
   * categories, then the defaults, then the front matter, each merged as `merge_data!` merges
   * (categories joined, dates parsed in the site's zone), then the title, date, categories and tags
   * the file name and the data give. Front matter Jekyll cannot read stops the reading where it is
   * (the post keeps what was merged before), or fails the build under `strict_front_matter`.
   */
  private readDocument(path: string, kind: PostKind, relativePath: string, frontMatter: Readonly<Record<string, unknown>>, unreadable: boolean, modified?: number): DocumentReading {
    const special = kind === 'draft' ? '_drafts' : '_posts';
    const name = basename(path);
    const superdirs = relativePath.startsWith(special) ? []
      : relativePath.replace(new RegExp(`${special}.*`), '').split('/').filter((part) => part !== '' && part !== special && part !== name);
    let data: Record<string, unknown> = { categories: superdirs };
    const merges: Array<[Readonly<Record<string, unknown>>, string]> = [
      [frontMatterDefaults(this.config.defaults, relativePath, 'posts', this.config.collectionsDir), 'its front matter defaults'],
    ];
    if (!unreadable) merges.push([frontMatter, 'its front matter']);
    for (const [other, source] of merges) {
      if (Object.keys(other).length === 0) continue;
      const merged = this.mergeData(data, other, source);
      if ('fails' in merged) return { data, failure: merged.fails, populated: false };
      if ('stops' in merged) return this.readFailure(data, merged.stops);
      data = merged.data;
    }
    if (unreadable) return this.readFailure(data, 'Jekyll cannot read its front matter');
    const dated = DATED_NAME.exec(name);
    const slug = (dated ? dated[4] : name.slice(0, name.length - extname(name).length)).replace(/\.+$/, '');
    if (dated && !rubyTruthy(data.date)) {
      // A name's date Postcraft cannot read (a two-digit year) leaves the post undated rather than failed.
      const date = readJekyllDate(`${dated[1]}-${dated[2]}-${dated[3]}`, this.config.timezone);
      if (date) data.date = date;
    }
    // A draft's name has no date: Jekyll takes the file's modification time.
    if (kind === 'draft' && !rubyTruthy(data.date) && modified !== undefined) data.date = new Date(modified);
    if (!rubyTruthy(data.title)) data.title = titleizeSlug(slug);
    return { data, populated: true };
  }

  /** Bad front matter: kept with what was merged before, unless the site is strict (then the build fails). */
  private readFailure(data: Record<string, unknown>, reason: string): DocumentReading {
    if (this.config.strictFrontMatter) return { data, failure: `${reason}, and strict_front_matter makes the build fail.`, populated: false };
    return { data, populated: false };
  }

  /** `merge_data!`: categories joined to those already there (a string split first), then a deep merge, then the date parsed. */
  private mergeData(data: Readonly<Record<string, unknown>>, other: Readonly<Record<string, unknown>>, source: string): { data: Record<string, unknown> } | { stops: string } | { fails: string } {
    const incoming: Record<string, unknown> = { ...other };
    const categories = incoming.categories;
    if (categories !== undefined && categories !== null) {
      const list = typeof categories === 'string' ? rubySplit(categories) : categories;
      if (Array.isArray(data.categories)) {
        // `Array#|` takes only a list: any other value stops the reading ("could not read file") as bad YAML does.
        if (!Array.isArray(list)) return { stops: `\`categories\` in ${source} is neither a list nor a string` };
        incoming.categories = [...new Set([...data.categories, ...list])];
      } else incoming.categories = list;
    }
    const merged = deepMerge(data, incoming);
    if ('date' in merged) {
      const date = merged.date instanceof Date ? merged.date : readJekyllDate(rubyToS(merged.date), this.config.timezone);
      if (!date) return { fails: `The date ${JSON.stringify(rubyToS(merged.date))} in ${source} is not one Jekyll can read: the build fails.` };
      merged.date = date;
    }
    return { data: merged };
  }

  /** A page: its defaults and front matter, no title made from the name (Jekyll's pages keep what they say). */
  private readPage(relativePath: string, frontMatter: Readonly<Record<string, unknown>>, unreadable: boolean): DocumentReading {
    const defaults = frontMatterDefaults(this.config.defaults, relativePath, 'pages', this.config.collectionsDir);
    return { data: unreadable ? defaults : deepMerge(defaults, frontMatter), populated: false };
  }

  /**
   * Whether a default `jekyll build` (the site's `show_drafts`, `future`, `unpublished`) lists the post
   * and counts its tags and categories. A post with no date is dated when the site is built, so never
   * in the future.
   */
  isListed(record: PostRecord, now: Date): boolean {
    if (record.kind === 'page' || record.error) return false;
    if (record.kind === 'draft' && !this.config.renderDrafts) return false;
    if (record.kind === 'post' && !record.published && !this.config.unpublished) return false;
    if (!this.config.future && record.date && record.date.getTime() > now.getTime()) return false;
    return true;
  }

  /** The slug Jekyll takes from the name (`2024-03-04-my-post.md` → `my-post`) and the name's date. */
  postFileName(path: string): PostFileName {
    const name = basename(path);
    const dated = DATED_NAME.exec(name);
    if (!dated) return { slug: name.slice(0, name.length - extname(name).length).replace(/\.+$/, '') };
    const [year, month, day] = [Number(dated[1]), Number(dated[2]), Number(dated[3])];
    return { slug: dated[4].replace(/\.+$/, ''), date: { year, month, day } };
  }
}

interface DocumentReading {
  readonly data: Record<string, unknown>;
  /** Why the build fails on this post, when it does. */
  readonly failure?: string;
  /** Whether Jekyll got as far as `populate_title`, `populate_categories` and `populate_tags`. */
  readonly populated: boolean;
}

/** What site.tags iterates when the post never got its tags populated: a list as it is. */
function rawList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => item !== null && item !== undefined && (typeof item !== 'object' || item instanceof Date)).map(rubyToS) : [];
}

/** `Utils.titleize_slug`: split on `-` (trailing empty parts dropped, as Ruby's split drops them), each part capitalized. */
export function titleizeSlug(slug: string): string {
  const parts = slug.split('-');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((part) => {
    const [first = '', ...rest] = [...part];
    return first.toUpperCase() + rest.join('').toLowerCase();
  }).join(' ');
}

/** Loads a Jekyll site's configuration. A broken one is a problem, not a failure. */
export async function loadJekyllSite(fs: FileSystemPort, root: string): Promise<JekyllSite> {
  const problems: ConfigProblem[] = [];
  const file = await findJekyllConfig(fs, root);
  let config = JEKYLL_DEFAULT_CONFIG;
  let raw: Record<string, unknown> = {};
  if (file) {
    const result = readJekyllConfig(file);
    config = result.config;
    raw = result.raw;
    problems.push(...result.problems);
  }
  // jekyll-compose's drafts and posts templates are not Jekyll's; Jekyll itself has no scaffolds.
  const sourceRoot = config.source ? joinPath(root, config.source) : root;
  const plugins = await readJekyllPluginTags(fs, root, sourceRoot, config.plugins);
  const themeRoot = config.theme ? await findThemeRoot(fs, root, config.theme) : undefined;
  return new JekyllSite(
    root, config, problems, await readTemplateFolder(fs, joinPath(root, '_scaffolds')),
    await readJekyllLayouts(fs, sourceRoot, config, themeRoot), plugins.tags, plugins.unread, new Set(Object.keys(raw)), themeRoot, raw,
  );
}
