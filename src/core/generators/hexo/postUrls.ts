import type { SiteIndexView } from '../../index/types';
import type { PostRecord } from '../../site/types';
import { linkablePosts } from './bodyLinks';
import type { HexoConfig } from './hexoConfig';
import { hexoUrlFor } from './permalink';
import type { HexoPostRecord } from './postRecord';
import { pageKey } from './urlLinks';


/** The site's posts by the URL Hexo serves them at. */
export interface PostUrls {
  /** By `pageKey` of the link (the first post of each). */
  readonly byKey: ReadonlyMap<string, PostRecord>;
  /** Each post's link, as `url_for` makes it. */
  readonly urlOf: ReadonlyMap<PostRecord, string>;
}

const tables = new WeakMap<SiteIndexView, { version: number; urls: PostUrls }>();

/** The posts that can be linked to by URL, kept until a post comes, goes or changes its permalink. */
export function postUrls(index: SiteIndexView, config: HexoConfig): PostUrls {
  const version = index.taxonomyVersion;
  const cached = tables.get(index);
  if (cached && version !== undefined && cached.version === version) return cached.urls;
  const byKey = new Map<string, PostRecord>();
  const urlOf = new Map<PostRecord, string>();
  for (const record of linkablePosts(index)) {
    if (record.permalink === undefined || record.error) continue;
    const url = hexoUrlFor(record.permalink, config);
    urlOf.set(record, url);
    const key = pageKey(url);
    if (!byKey.has(key)) byKey.set(key, record);
  }
  const urls = { byKey, urlOf };
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
 * Whether the site links to its posts by URL: at least one post has a Markdown link to another post's
 * URL. Reads only what the index kept of each post's links.
 */
export function siteLinksByUrl(index: SiteIndexView, urls: PostUrls): boolean {
  const witness = witnesses.get(index);
  if (witness && index.post(witness.path) === witness && linksAnother(witness, urls)) return true;
  for (const record of index.posts()) {
    if ((record as HexoPostRecord).urlLinks && linksAnother(record, urls)) {
      witnesses.set(index, record);
      return true;
    }
  }
  witnesses.delete(index);
  return false;
}

function linksAnother(record: PostRecord, urls: PostUrls): boolean {
  return (record as HexoPostRecord).urlLinks?.some((target) => {
    const post = postAtUrl(target, urls);
    return post !== undefined && post.path !== record.path;
  }) ?? false;
}
