import type { CategoryCount, PostRecord, Site, TagCount } from '../site/types';

/** Read side of a site's index, as completion, rules, the tree and the CLI see it. */
export interface SiteIndexView {
  readonly site: Site;
  /** Posts and drafts (and pages) currently known, keyed by path. */
  posts(): Iterable<PostRecord>;
  post(path: string): PostRecord | undefined;
  /** Tags as Hexo counts them (drafts only with `render_drafts`), most used first, then by name. */
  tagCounts(): readonly TagCount[];
  /** One entry per category node with its full path, as Hexo counts them, most used first. */
  categoryCounts(): readonly CategoryCount[];
  /** Terms of one of the site's taxonomies (`Site.taxonomies`) by use, for generators that configure them. */
  termCounts?(taxonomy: string): readonly TagCount[];
  /** How many posts write each front-matter key. */
  keyCounts(): ReadonlyMap<string, number>;
  /**
   * Changes whenever a post comes or goes or its kind, title, slug, permalink, date, publication, tags,
   * categories or keys change (not on an edit to its body): what is derived from every post is cached by it.
   */
  readonly taxonomyVersion?: number;
}
