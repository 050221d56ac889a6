import type { SourceRange } from '../text/sourceRange';

export interface ConfigProblem {
  readonly file: string;
  readonly message: string;
  readonly range?: SourceRange;
}

export type PostKind = 'post' | 'draft' | 'page';

/** One node of a category hierarchy, named by its full path from the top. */
export type CategoryPath = readonly string[];

/**
 * What the index keeps of one post: enough for completion, the tree and the summary, small enough for
 * 10,000 posts. Full ranges come from parsing the text again (cheap for one open document).
 */
export interface PostRecord {
  /** Absolute path with `/` separators. */
  readonly path: string;
  readonly kind: PostKind;
  readonly title: string;
  readonly date?: Date;
  readonly updated?: Date;
  readonly layout: string;
  /** Tags as Hexo reads them: aliases, scalar to list, numbers to strings, duplicates and nulls dropped. */
  readonly tags: readonly string[];
  /** Each hierarchy as Hexo reads it: `[A, B]` is one, `[[A, B], C]` is two. */
  readonly categories: readonly CategoryPath[];
  /** Hexo's `published`: true in `_posts` unless `published: false`, always false for drafts. */
  readonly published: boolean;
  /** Every front-matter key written in the post. */
  readonly keys: readonly string[];
  /**
   * The front matter's own `slug:` value, if any. Hexo 8.1 overwrites it with the file name's slug
   * (hexo `processor/post.ts`), so it only explains a `post_link` that uses it.
   */
  readonly slug?: string;
  /**
   * What the post's URL is made of besides the fields above (Hexo's front-matter `permalink:` and
   * placeholder fields), as one string, so that the index sees a change of it; absent when nothing.
   */
  readonly urlInputs?: string;
  /** When the page is published, if the generator reads that apart from `date` (Hugo's `publishDate`). */
  readonly publishDate?: Date;
  /** When the page stops being built (Hugo's `expiryDate`). */
  readonly expiryDate?: Date;
  /**
   * Terms by taxonomy (plural name), for generators with taxonomies beyond tags and categories
   * (Hugo's `series`), as the generator keys them.
   */
  readonly terms?: Readonly<Record<string, readonly string[]>>;
  /** Each of `terms` as the post writes it (Hugo shows one spelling per term), in the same order. */
  readonly termSpellings?: Readonly<Record<string, readonly string[]>>;
  /** Lines where the front matter starts and ends (for quick jumps without re-parsing). */
  readonly frontMatterLines?: { readonly start: number; readonly end: number };
  /** Set when Hexo would drop this post (its front matter does not parse). */
  readonly error?: string;
}

export interface TagCount {
  readonly name: string;
  readonly count: number;
}

export interface CategoryCount {
  readonly path: CategoryPath;
  readonly count: number;
}

/** A blog found in the workspace: defined by the generator seam. */
export type { Site, SiteConfig } from '../generators/generator';
