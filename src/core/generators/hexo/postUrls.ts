import type { SiteIndexView } from '../../index/types';
import type { PostRecord } from '../../site/types';
import { linkablePosts } from './bodyLinks';
import type { HexoConfig } from './hexoConfig';
import { hexoUrlFor } from './permalink';
import { hexoPermalinkOf, type HexoPostRecord } from './postRecord';
import { HexoSite } from './hexoSite';
import { pageKey, rootedLinkTargets } from './urlLinks';
import type { FileSystemPort } from '../../ports';
import { decodeText } from '../../text/decode';


/** The site's posts by the URL Hexo serves them at. */
export interface PostUrls {
  /** By `pageKey` of the link (the first post of each). */
  readonly byKey: ReadonlyMap<string, PostRecord>;
  /** Each post with its link, as `url_for` makes it. */
  readonly links: ReadonlyArray<{ readonly record: PostRecord; readonly url: string }>;
}

const tables = new WeakMap<SiteIndexView, { version: number; urls: PostUrls }>();
/** Each post's link and its key, kept while its record is the same object: one edit rebuilds the table, not 10,000 URLs. */
const linkOfRecord = new WeakMap<PostRecord, PostLink>();

interface PostLink {
  readonly record: PostRecord;
  readonly url: string;
  readonly key: string;
}

/** The posts that can be linked to by URL, kept until a post comes, goes or changes its permalink. */
export function postUrls(index: SiteIndexView, config: HexoConfig): PostUrls {
  const version = index.taxonomyVersion;
  const cached = tables.get(index);
  if (cached && version !== undefined && cached.version === version) return cached.urls;
  const byKey = new Map<string, PostRecord>();
  const links: Array<{ readonly record: PostRecord; readonly url: string }> = [];
  const { renderDrafts } = config;
  for (const record of linkablePosts(index)) {
    // A post Hexo does not generate (`published: false`) has no page to link to.
    if (record.error || (!record.published && !renderDrafts)) continue;
    let link = linkOfRecord.get(record);
    if (link === undefined) {
      const permalink = index.site instanceof HexoSite ? hexoPermalinkOf(record, index.site) : undefined;
      if (permalink === undefined) continue;
      const url = hexoUrlFor(permalink, config);
      linkOfRecord.set(record, (link = { record, url, key: pageKey(url) }));
    }
    links.push(link);
    if (!byKey.has(link.key)) byKey.set(link.key, record);
  }
  const urls = { byKey, links };
  if (version !== undefined) tables.set(index, { version, urls });
  return urls;
}

/** The post a link's target names by its URL, if any. */
export function postAtUrl(target: string, urls: PostUrls): PostRecord | undefined {
  return target.startsWith('/') && !target.startsWith('//') ? urls.byKey.get(pageKey(target)) : undefined;
}

/** The last post found linking to another by URL, per index: while it stays as it is, the answer stands. */
const witnesses = new WeakMap<SiteIndexView, PostRecord>();

/**
 * The rooted link targets of posts whose bodies were read for them (`scanPostLinks`), by record: the
 * index reads a post's front matter only, unless the post is open.
 */
const scannedLinks = new WeakMap<PostRecord, readonly string[]>();

/** How many of the newest posts are read to tell whether a site links by URL: a site that does, does so lately. */
export const SCANNED_POSTS = 200;

/**
 * Whether the site links to its posts by URL: at least one post has a Markdown link to another post's
 * URL. Reads what the index kept of open posts' links and what `scanPostLinks` read of the newest ones.
 */
export function siteLinksByUrl(index: SiteIndexView, urls: PostUrls): boolean {
  const witness = witnesses.get(index);
  if (witness && index.post(witness.path) === witness && linksAnother(witness, urls)) return true;
  for (const record of index.posts()) {
    if (linksAnother(record, urls)) {
      witnesses.set(index, record);
      return true;
    }
  }
  witnesses.delete(index);
  return false;
}

function linksAnother(record: PostRecord, urls: PostUrls): boolean {
  const targets = (record as HexoPostRecord).urlLinks ?? scannedLinks.get(record);
  return targets?.some((target) => {
    const post = postAtUrl(target, urls);
    return post !== undefined && post.path !== record.path;
  }) ?? false;
}

/** The newest posts whose bodies are not read yet, or an empty list. */
export function unscannedPosts(index: SiteIndexView): PostRecord[] {
  const newest = [...linkablePosts(index)].sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0)).slice(0, SCANNED_POSTS);
  return newest.filter((record) => !(record as HexoPostRecord).urlLinks && !scannedLinks.has(record));
}

const scans = new WeakMap<SiteIndexView, { version: number | undefined; done?: Promise<void> }>();

/**
 * Reads the bodies of the newest posts for their links by URL, once per record (a record is replaced
 * when its post is read again); undefined when nothing is left to read for this index version.
 */
export function scanPostLinks(index: SiteIndexView, fs: FileSystemPort): Promise<void> | undefined {
  const version = index.taxonomyVersion;
  const scan = scans.get(index);
  if (scan && version !== undefined && scan.version === version) return scan.done;
  const pending = unscannedPosts(index);
  if (pending.length === 0) return undefined;
  const entry: { version: number | undefined; done?: Promise<void> } = { version };
  entry.done = Promise.all(pending.map(async (record) => {
    let text = '';
    try {
      text = decodeText(await fs.readFile(record.path));
    } catch {
      // Gone since it was indexed: no links.
    }
    scannedLinks.set(record, rootedLinkTargets(text));
  })).then(() => {
    entry.done = undefined; // read: later requests of this version wait for nothing
  });
  scans.set(index, entry);
  return entry.done;
}
