import { readFrontMatterData, readHexoDate } from '../../frontMatter';
import type { HexoSite } from './hexoSite';
import { fileNameDateParts, hexoPostSlug, parsePostFileName } from './postFileName';
import { hexoPostPath, permalinkFieldKeys, type PermalinkInput } from './permalink';
import { rootedLinkTargets } from './urlLinks';
import { categoriesOf, tagsOf } from './taxonomy';
import type { PostKind, PostRecord } from '../../site/types';

/** What a Hexo post's record keeps besides the shared fields, for its URL and the links it makes. */
export interface HexoPostRecord extends PostRecord {
  /** What the permalink is made of besides the shared fields, when the post has any of it. */
  readonly permalinkData?: Pick<PermalinkInput, 'override' | 'fields'>;
  /** The rooted page paths the post's Markdown links point at (`[a](/2024/01/02/b/)`), when there are any. */
  readonly urlLinks?: readonly string[];
}

/**
 * What the index keeps of one post, read the way Hexo's post processor reads it
 * (hexo `lib/plugins/processor/post.ts`). Never throws: a broken post gets `error` and no metadata,
 * as Hexo drops it.
 */
export function readPostRecord(site: HexoSite, path: string, kind: PostKind, text: string): HexoPostRecord {
  const read = readFrontMatterData(text);
  const data = read.error ? {} : read.data;
  const { timezone } = site.config;
  const fileName = kind === 'page' ? undefined : parsePostFileName(site.config.newPostName, site.postRelativePath(path));

  let date = readHexoDate(data.date, timezone);
  if (!date && fileName && !data.date) {
    // Without a `date`, Hexo takes it from the file name when new_post_name carries one; an unreadable
    // one falls back to the file's birth time instead (hexo `processor/post.ts`), which the record does not know.
    const parts = fileNameDateParts(fileName);
    // Hexo builds it at local midnight, then re-reads that wall clock in the site zone.
    if (parts) date = readHexoDate(new Date(parts.year, parts.month - 1, parts.day), timezone);
  }
  const updated = readHexoDate(data.updated, timezone);
  const title = typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title) : '';
  const layout = typeof data.layout === 'string' ? data.layout : site.config.defaultLayout;
  const categories = kind === 'page' ? [] : categoriesOf(data);
  const published = kind === 'post' && data.published !== false;
  const permalinkData = kind === 'page' || read.error ? undefined : permalinkInputs(site, data, { ...fileName });
  const urlLinks = rootedLinkTargets(text);

  return {
    path,
    kind,
    title,
    date,
    updated,
    layout,
    // Pages have no tags or categories in Hexo's model.
    tags: kind === 'page' ? [] : tagsOf(data),
    categories,
    keys: Object.keys(data),
    // Only when written: most posts have none, and an absent key costs no slot in 10,000 records.
    ...(typeof data.slug === 'string' || typeof data.slug === 'number' ? { slug: String(data.slug) } : {}),
    published,
    ...(permalinkData ? { permalinkData, urlInputs: JSON.stringify(permalinkData) } : {}),
    ...(urlLinks.length > 0 ? { urlLinks } : {}),
    frontMatterLines: read.frontMatterLines,
    error: read.error,
  };
}

/** Fields Hexo's post processor takes from the file name and keeps as they are. */
const PRESERVED_NAME_FIELDS = new Set(['title', 'year', 'month', 'day', 'i_month', 'i_day', 'hash']);

/**
 * What of its front matter a post's `post.path` is made of besides the record's shared fields: its
 * `permalink:` override, and the values of the placeholders that are front-matter fields (where the
 * file name fills one that Hexo does not keep, `:lang` of `:lang/:title.md`, the file name's wins).
 */
function permalinkInputs(site: HexoSite, data: Readonly<Record<string, unknown>>, fileName: Readonly<Record<string, string | undefined>>): HexoPostRecord['permalinkData'] {
  const override = typeof data.permalink === 'string' || typeof data.permalink === 'number' ? String(data.permalink) || undefined : undefined;
  let fields: Record<string, string> | undefined;
  for (const key of override ? [] : permalinkFieldKeys(site.config)) {
    const fromName = PRESERVED_NAME_FIELDS.has(key) ? undefined : fileName[key];
    const value = fromName ?? fieldText(data[key]);
    if (value !== undefined) (fields ??= {})[key] = value;
  }
  return override || fields ? { override, fields } : undefined;
}

/** Each record's `post.path`, made on first use: indexing a site needs none of them. */
const permalinks = new WeakMap<PostRecord, string | null>();

/**
 * The path Hexo serves a post or draft at (`post.path`), from its record: undefined for a page, a
 * broken post, or where Hexo's answer cannot be known (`hexoPostPath`).
 */
export function hexoPermalinkOf(record: PostRecord, site: HexoSite): string | undefined {
  let permalink = permalinks.get(record);
  if (permalink === undefined) {
    const data = (record as HexoPostRecord).permalinkData;
    // Hexo files a post it does not show under no category (`Post#setCategories`): `:category` is then `default_category`.
    const shown = record.published || site.config.renderDrafts;
    permalink = record.kind === 'page' || record.error ? null : hexoPostPath({
      slug: hexoPostSlug(site.config.newPostName, site.postRelativePath(record.path)),
      title: record.title, titled: record.keys.includes('title'), date: record.date,
      categories: shown ? record.categories : [], layout: record.layout, override: data?.override, fields: data?.fields,
    }, site.config) ?? null;
    permalinks.set(record, permalink);
  }
  return permalink ?? undefined;
}

/** A front-matter value as Hexo writes it into a URL; undefined for what it cannot write predictably. */
function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
