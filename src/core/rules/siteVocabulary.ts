import type { SiteIndexView } from '../index/types';
import type { PostRecord } from '../site/types';

/**
 * What the site already uses, counted over every post and draft (pages have no tags), built once per
 * taxonomy version of the index: checking all 10,000 posts of a site reuses one vocabulary.
 */
export interface SiteVocabulary {
  readonly tags: ReadonlyMap<string, number>;
  /** Category names by parent path (`A\u0000B` for children of A > B; '' for top level). */
  readonly categories: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Slugs and titles `{% post_link %}` can find (hexo `post_link`: slug first, then title). */
  readonly postLinkTargets: ReadonlySet<string>;
  readonly slugs: readonly string[];
  /**
   * Front-matter `slug:` values that are no post's real slug or title, each with the first post
   * writing it. Hexo 8.1 overwrites `slug:` with the file name (hexo `processor/post.ts`,
   * `data.slug = info.title`; hexojs/hexo#5042), so `post_link` cannot find a post by it.
   */
  readonly frontMatterSlugs: ReadonlyMap<string, FrontMatterSlug>;
}

export interface FrontMatterSlug {
  readonly path: string;
  /** The slug Hexo gives the post: its path below `_posts/` per `new_post_name`. */
  readonly slug: string;
}

const cache = new WeakMap<SiteIndexView, { version: number; vocabulary: SiteVocabulary }>();

export function siteVocabulary(index: SiteIndexView): SiteVocabulary {
  const version = index.taxonomyVersion ?? (index as { version?: number }).version;
  const cached = cache.get(index);
  if (cached && version !== undefined && cached.version === version) return cached.vocabulary;
  const vocabulary = build(index);
  if (version !== undefined) cache.set(index, { version, vocabulary });
  return vocabulary;
}

function build(index: SiteIndexView): SiteVocabulary {
  const tags = new Map<string, number>();
  const categories = new Map<string, Map<string, number>>();
  const postLinkTargets = new Set<string>();
  const slugs: string[] = [];
  const frontMatterSlugs = new Map<string, FrontMatterSlug>();
  const { renderDrafts } = index.site.config;
  for (const record of index.posts()) {
    if (record.kind === 'page') continue;
    for (const tag of new Set(record.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    for (const [parent, name] of categoryNodes(record)) {
      let names = categories.get(parent);
      if (!names) categories.set(parent, (names = new Map()));
      names.set(name, (names.get(name) ?? 0) + 1);
    }
    if (record.kind === 'post' || renderDrafts) {
      const slug = index.site.postFileName(record.path).slug;
      slugs.push(slug);
      postLinkTargets.add(slug);
      if (record.title) postLinkTargets.add(record.title);
      if (record.slug !== undefined && !frontMatterSlugs.has(record.slug)) frontMatterSlugs.set(record.slug, { path: record.path, slug });
    }
  }
  // Only what post_link cannot find otherwise: `slug: hello-world` in hello-world.md is harmless.
  for (const written of frontMatterSlugs.keys()) if (postLinkTargets.has(written)) frontMatterSlugs.delete(written);
  return { tags, categories, postLinkTargets, slugs, frontMatterSlugs };
}

/** Each category node of a post as [parent key, name], once per post. */
export function categoryNodes(record: Pick<PostRecord, 'categories'>): Array<[string, string]> {
  const seen = new Set<string>();
  const nodes: Array<[string, string]> = [];
  for (const hierarchy of record.categories) {
    for (let depth = 0; depth < hierarchy.length; depth++) {
      const parent = hierarchy.slice(0, depth).join('\u0000');
      const key = `${parent}\u0001${hierarchy[depth]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      nodes.push([parent, hierarchy[depth]]);
    }
  }
  return nodes;
}
