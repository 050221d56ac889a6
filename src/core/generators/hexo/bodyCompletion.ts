import type { CompletionItem } from '../../completion/types';
import type { SiteIndexView } from '../../index/types';
import type { PostRecord } from '../../site/types';
import { LineMap } from '../../text/lineMap';
import { pinyinFilterText } from '../../text/pinyinFilter';
import { HEXO_TAG_PLUGINS } from '../../rules/tagPlugins';
import { Messages } from '../../completion/messages';
import { templateTagNameItems } from '../../completion/templateTagItems';
import { hexoAssetFolder, linkablePosts } from './bodyLinks';
import type { BodyCompletionContext } from '../generator';
import { HexoSite } from './hexoSite';
import { openTagAt } from '../../text/templateTagAt';
import { postUrls, scanPostLinks, siteLinksByUrl, type PostUrls } from './postUrls';
import type { FileSystemPort } from '../../ports';
import { safeDecode } from './permalink';

/** The tag plugins offered after `{% `, with Nunjucks' `raw`, which posts use to show template syntax. */
const OFFERED_TAGS: ReadonlyArray<readonly [string, boolean]> = [...HEXO_TAG_PLUGINS, ['raw', true]];

/**
 * Completion inside a Hexo post's body: after `{% `, the tag plugins (a snippet with the end tag for
 * those that take a body); in the first argument of `post_link`/`post_path`, the posts that tag finds
 * (by the slug Hexo gives them, which is what the rules check), labelled by title with the slug beside, date
 * and tags beside, matched by title and its pinyin too.
 */
export function completeHexoBody(text: string, offset: number, index: SiteIndexView | undefined, context?: BodyCompletionContext): CompletionItem[] {
  const link = markdownTargetAt(text, offset);
  if (link) return index && context ? linkTargetItems(text, offset, link, index, context) : [];
  const tag = openTagAt(text, offset);
  if (!tag) return [];
  const lines = new LineMap(text);
  if (tag.argument === undefined) {
    // Hexo's own, then what the site's and its theme's scripts register (NexT's `note`, `tabs`…).
    const registered = [...(index?.site.registeredTags ?? [])].filter(([name]) => !OFFERED_TAGS.some(([known]) => known === name));
    return templateTagNameItems(text, offset, tag, [...OFFERED_TAGS, ...registered], lines);
  }
  if (ASSET_TAGS.has(tag.name) && index && context && (tag.argument.index === 0 || tag.name.startsWith('asset_im'))) {
    const folder = hexoAssetFolder(context.path, index.site);
    if (!folder) return [];
    return fileItems(assetFiles(folder, context.siteFiles), lines.range(tag.argument.start, offset), tag.name !== 'asset_link' && tag.name !== 'asset_path', (name) => (/\s/.test(name) ? `"${name}"` : name));
  }
  if ((tag.name !== 'post_link' && tag.name !== 'post_path') || tag.argument.index !== 0 || !index) return [];
  const range = lines.range(tag.argument.start, offset);
  return linkItems(index, range);
}

type LinkItem = Omit<CompletionItem, 'range'>;

/** Each post's item, kept while its record is the same object (the index replaces a record it re-reads). */
const itemOfRecord = new WeakMap<PostRecord, LinkItem | null>();

/**
 * The posts post_link finds as completion items, with `range`. Nothing is sorted or copied per request
 * (a site has thousands of posts): the sort key is the date itself, newest first, and each item takes
 * its range on top of the post's cached one.
 */
function linkItems(index: SiteIndexView, range: CompletionItem['range']): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const record of linkablePosts(index)) {
    let item = itemOfRecord.get(record);
    if (item === undefined) itemOfRecord.set(record, (item = linkItem(record, index)));
    if (item) items.push(Object.assign(Object.create(item) as LinkItem, { range }) as CompletionItem);
  }
  return items;
}

/** Newest first: the time left until a far date, as a fixed-width number. */
function newestFirst(date: Date | undefined): string {
  return String(9_999_999_999_999 - (date?.getTime() ?? 0)).padStart(13, '0');
}

function linkItem(record: PostRecord, index: SiteIndexView): LinkItem | null {
  const slug = index.site.postFileName(record.path).slug;
  if (!slug) return null;
  const date = record.date ? record.date.toISOString().slice(0, 10) : '';
  return {
    // The title in the label, the slug it inserts beside it, the date and tags below.
    label: record.title || slug,
    ...(record.title ? { labelDescription: slug } : {}),
    kind: 'post',
    // Arguments split on white space: a slug with spaces is one argument only in quotes.
    insertText: /\s/.test(slug) ? `"${slug}"` : slug,
    isSnippet: false,
    filterText: `${slug} ${pinyinFilterText(record.title)}`,
    detail: { message: Messages.linkTargetDetails, args: [date || '—', record.tags.join(', ') || '—'] },
    sortText: newestFirst(record.date),
  };
}

const ASSET_TAGS = new Set(['asset_img', 'asset_image', 'asset_link', 'asset_path']);
const IMAGE = /\.(png|jpe?g|gif|webp|svg|avif|bmp|ico)$/i;

/** Reads what a Markdown link's completion needs first: whether the site's newest posts link to posts by URL. */
export function prepareHexoBodyCompletion(text: string, offset: number, index: SiteIndexView, fs: FileSystemPort): Promise<void> | undefined {
  const link = markdownTargetAt(text, offset);
  return link && !link.image && index.site instanceof HexoSite ? scanPostLinks(index, fs) : undefined;
}

/** Whether completion at `offset` offers files (the adapter gathers the site's files first). */
export function hexoBodyWantsFiles(text: string, offset: number): boolean {
  if (markdownTargetAt(text, offset)) return true;
  const tag = openTagAt(text, offset);
  return tag !== undefined && tag.argument !== undefined && ASSET_TAGS.has(tag.name);
}

/** The files of an asset folder, relative to it. */
function assetFiles(folder: string, siteFiles: ReadonlySet<string> | undefined): string[] {
  const prefix = `${folder}/`;
  return [...(siteFiles ?? [])].filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length));
}

/** Items for file names: the post's own before the site's (`/…`), images first when an image is wanted, then by name. */
function fileItems(names: readonly string[], range: CompletionItem['range'], imagesFirst: boolean, written: (name: string) => string): CompletionItem[] {
  const rank = (name: string) => (name.startsWith('/') ? 2 : 0) + (imagesFirst && !IMAGE.test(name) ? 1 : 0);
  const ordered = [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return ordered.map((name, order) => ({
    label: name, kind: 'file', insertText: written(name), isSnippet: false, filterText: name, sortText: String(order).padStart(5, '0'), range,
  }));
}

/** The target of a Markdown link or image the cursor is in (`![alt](|`), up to the cursor. */
function markdownTargetAt(text: string, offset: number): { start: number; image: boolean } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const match = /(!?)\[[^\]]*\]\(([^()\s]*)$/.exec(before);
  return match ? { start: offset - match[2].length, image: match[1] === '!' } : undefined;
}

/**
 * What a Markdown link in a post can point at, as Hexo serves it: with `post_asset_folder` and
 * hexo-renderer-marked's `postAsset`, the post's own assets by name; then the site's files by the path
 * they are served at (`/images/a.png`: `source/` is the root; `_posts`, `_drafts` and other `_` paths
 * are not served).
 */
function linkTargetItems(text: string, offset: number, link: { start: number; image: boolean }, index: SiteIndexView, context: BodyCompletionContext): CompletionItem[] {
  const range = new LineMap(text).range(link.start, offset);
  const folder = index.site instanceof HexoSite && index.site.config.markedPostAsset ? hexoAssetFolder(context.path, index.site) : undefined;
  const own = folder ? assetFiles(folder, context.siteFiles) : [];
  const root = `${index.site.sourceRoot}/`;
  const served = [...(context.siteFiles ?? [])]
    .filter((file) => file.startsWith(root) && !file.slice(root.length).split('/').some((part) => part.startsWith('_') || part.startsWith('.')))
    .filter((file) => !link.image || IMAGE.test(file))
    .map((file) => `/${file.slice(root.length)}`);
  // A target begun with `/` is a served path: the post's own assets are not written so.
  const rooted = text.charAt(link.start) === '/';
  const wanted = rooted ? [] : link.image ? own.filter((name) => IMAGE.test(name)) : own;
  const encode = (name: string) => name.replace(/[ ()]/g, (char) => encodeURIComponent(char));
  const files = fileItems([...wanted, ...served], range, link.image, encode);
  if (link.image) return files;
  // The post's own files, then the site's posts by URL, then the site's other files.
  // Posts sort by date (13 digits, newest first): the site's files after every post.
  const items = files.map((item) => (item.label.startsWith('/') ? { ...item, sortText: `99999${item.sortText.padStart(8, '0')}` } : item));
  addPostUrlItems(items, text.slice(link.start, offset), index, context.path, range);
  return items;
}

/**
 * The site's other posts by the URL Hexo serves them at, newest first, labelled by title: only where the
 * site links that way (a post already links to another by its URL) or the writer has begun one (`/2`).
 */
function addPostUrlItems(items: CompletionItem[], typed: string, index: SiteIndexView, path: string, range: CompletionItem['range']): void {
  if (!(index.site instanceof HexoSite)) return;
  const urls = postUrls(index, index.site.config);
  if (!siteLinksByUrl(index, urls) && !beginsPostUrl(typed, urls)) return;
  const self = index.post(path);
  for (const link of urls.links) {
    if (link.record === self) continue;
    let item = urlItemOfLink.get(link);
    if (item === undefined) urlItemOfLink.set(link, (item = urlItem(link.record, link.url, index)));
    items.push(Object.assign(Object.create(item) as LinkItem, { range }) as CompletionItem);
  }
}

/**
 * Each post's URL item, kept while its record and URL are the same (`PostUrls.links` keeps one object
 * per record). Never read back: an object made a prototype is slow to read.
 */
const urlItemOfLink = new WeakMap<PostUrls['links'][number], LinkItem>();

function urlItem(record: PostRecord, url: string, index: SiteIndexView): LinkItem {
  const name = record.title || index.site.postFileName(record.path).slug;
  const date = record.date ? record.date.toISOString().slice(0, 10) : '';
  return {
    label: name,
    labelDescription: url,
    kind: 'post',
    insertText: url,
    isSnippet: false,
    filterText: `${url} ${pinyinFilterText(name)}`,
    detail: { message: Messages.linkTargetDetails, args: [date || '—', record.tags.join(', ') || '—'] },
    sortText: newestFirst(record.date),
  };
}

/** `/` and the first characters of a post's URL (as linked, or decoded: `/2024/01/中`). */
function beginsPostUrl(typed: string, urls: PostUrls): boolean {
  if (typed.length < 2 || !typed.startsWith('/')) return false;
  for (const { url } of urls.links) if (url.startsWith(typed) || safeDecode(url).startsWith(typed)) return true;
  return false;
}
