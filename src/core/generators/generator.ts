import type { FrontMatterSyntax } from '../frontMatter/types';
import type { FileSystemPort } from '../ports';
import type { Rule } from '../rules/rule';
import type MarkdownIt from 'markdown-it';
import type { PostPlanner } from '../posts/plans';
import type { TermRenameEdits } from '../posts/renameTaxonomy';
import type { TextEdit } from '../edits';
import type { AssetPlacement } from '../posts/assetPlacement';
import type { CompletionItem } from '../completion/types';
import type { SiteIndexView } from '../index/types';
import type { SourceRange } from '../text/sourceRange';
import type { RenderContext } from '../render/types';
import type { CategoryPath, ConfigProblem, PostKind, PostRecord } from '../site/types';

/**
 * The generator seam. A static-site generator (Hexo today; Hugo and Jekyll next) is one folder under
 * `src/core/generators/` that implements `Generator`; what is shared (front matter with ranges, the
 * index, completion, rules, renderer, plans and edits) sees generators only through these interfaces
 * and never imports a generator's folder. The adapters take the generators from `registry.ts`.
 */

/** A generator's id in the registry ('hexo'). */
export type GeneratorKind = string;

export interface Generator {
  readonly kind: GeneratorKind;
  /** The generator's own name, for people (site pickers, the summary). */
  readonly displayName: string;
  /** Files whose presence at a folder's top may make it one of this generator's sites (what `isSiteFolder` reads). */
  readonly markerFiles: readonly string[];
  /** Whether `folder`, whose top-level files are `files`, is the root of one of this generator's sites. */
  isSiteFolder(fs: FileSystemPort, folder: string, files: ReadonlySet<string>): Promise<boolean>;
  /** Reads the site at `root`: its config (a broken one is a problem, not a failure) and its scaffolds. */
  loadSite(fs: FileSystemPort, root: string): Promise<Site>;
  /**
   * A front-matter date value (as the front-matter reader left it) read as the generator reads it in
   * the site's zone (`timeZone`, '' for the machine's); undefined when the generator cannot read it.
   */
  readDate(value: unknown, timeZone: string): Date | undefined;
  /**
   * The rules checked on this generator's sites, in code order, once `loadRules` has loaded them: the
   * shared ones whose facts hold for it (checked against it) and its own. Absent: every shared rule
   * (the registry's, written from the first generator's reading).
   */
  readonly rules?: readonly Rule[];
  /**
   * Loads `rules` (with the rule modules and the pinyin matching they bring, which reading a site
   * alone, as `postcraft taxonomy` does, need not pay for). Checks await it before their first post.
   */
  loadRules?(): Promise<void>;
  /** How the generator finds and reads a post's front matter. */
  readonly frontMatter: FrontMatterSyntax;
  /** The front-matter fields the generator reads, for completion and the unknown-key rule. */
  readonly fields: FrontMatterFields;
  /** A post's tags, read from its front-matter data exactly as the generator reads them. */
  tagsOf(data: Readonly<Record<string, unknown>>): string[];
  /** A post's category hierarchies, read from its front-matter data as the generator reads them. */
  categoriesOf(data: Readonly<Record<string, unknown>>): CategoryPath[];
  /** The `categories` value the generator reads back as exactly these hierarchies (the inverse of `categoriesOf`). */
  categoriesValue(hierarchies: readonly CategoryPath[]): Array<string | string[]>;
  /**
   * The command that publishes the site as its generator's documentation has it (run in a terminal in
   * the site's folder when the writer sets none): Hexo's deployers, `hugo deploy`, a production
   * Jekyll build (GitHub Pages builds Jekyll sites itself on push).
   */
  readonly deployCommand: string;
  /** The `layout` value that renders a post of the kind without a layout (Hexo's `false`); `false` when absent. */
  readonly noLayoutValue?: (kind: PostKind) => string;
  /** Whether `loadPlanner` plans new posts, publishing and timestamps for this generator's sites yet. */
  readonly plansPosts: boolean;
  /** Whether renaming a tag or category across its sites (`planTaxonomyRename`) reads them right yet. */
  readonly renamesTerms: boolean;
  /**
   * Completion in a post's body, outside its front matter: the generator's tags or shortcodes and the
   * posts they link to. Light: it is loaded with the completion provider.
   */
  readonly completeBody?: (text: string, offset: number, index: SiteIndexView | undefined, context?: BodyCompletionContext) => readonly CompletionItem[];
  /**
   * Whether body completion at `offset` offers the site's files (an asset or image argument): the
   * adapter then gathers `BodyCompletionContext.siteFiles` first.
   */
  readonly bodyCompletionWantsFiles?: (text: string, offset: number) => boolean;
  /**
   * What body completion at `offset` must read from the site first (Hexo: the newest posts' links, to
   * tell whether the site links to posts by URL); the adapter awaits it before `completeBody`.
   * Undefined when nothing is to be read.
   */
  readonly prepareBodyCompletion?: (text: string, offset: number, index: SiteIndexView, fs: FileSystemPort) => Promise<void> | undefined;
  /** What the body's tags or shortcodes link to (other posts, asset files), for links, go-to and hover. */
  readonly bodyLinks?: (text: string, path: string, index: SiteIndexView | undefined) => BodyLink[];
  /**
   * The edits in one post's text (the post at `path`) that keep its links to the post at `from` working
   * once it moves to `to`; `index` still holds the post at `from` (what its URL is made of).
   */
  readonly renamedPostEdits?: (text: string, from: string, to: string, site: Site, path?: string, index?: SiteIndexView) => TextEdit[];
  /** The edits in the post at `postPath` that keep it showing its own file once that moves from `from` to `to`. */
  readonly renamedAssetEdits?: (text: string, postPath: string, from: string, to: string, site: Site) => TextEdit[];
  /** The folder of a post's own files (Hexo's asset folder), which moves with it; undefined when it has none. */
  readonly assetFolderOf?: (path: string, site: Site) => string | undefined;
  /**
   * Where a file pasted or dropped into the post at `postPath` goes and how the post refers to it;
   * `fallbackFolder` (relative to the site's root, '' for the generator's own) is used where the post
   * has no folder of its own.
   */
  readonly placeAsset?: (site: Site, postPath: string, fallbackFolder: string) => AssetPlacement;
  /** The key a term is filed under (Hugo's urlized, lower-cased key); the term itself when absent. */
  readonly termKey?: (term: string) => string;
  /** The edits renaming a term makes in one post, as the generator files posts under terms (Hexo's tags and categories when absent). */
  readonly termRenameEdits?: TermRenameEdits;
  /**
   * Whether a draft is marked in its front matter and stays where it is (Hugo's `draft: true`),
   * rather than kept in a folder of its own (Hexo's `_drafts/`).
   */
  readonly draftsInPlace: boolean;
  /**
   * Whether Publish asks the writer to keep a date the draft's front matter has or to date it now
   * (`PublishOptions.redate`; Hugo, Jekyll); when absent, the planner keeps it (Hexo's publish does).
   */
  readonly publishAsksForDate?: boolean;
  /**
   * The plans for new posts, publishing and timestamps (scaffolds and naming), loaded on first use:
   * they bring template engines that activation should not pay for.
   */
  loadPlanner(): Promise<PostPlanner>;
  /**
   * The generator's syntax inside a post's body, for the preview; loaded on first use (it brings the
   * highlighter and the sanitizer, which activation should not pay for). The adapter passes it to
   * the renderer as `RenderContext.syntax`.
   */
  loadBodySyntax(): Promise<BodySyntax>;
}

/** What body completion may be given besides the text: the post's path and the files of its site. */
export interface BodyCompletionContext {
  readonly path: string;
  /** Absolute `/` paths of the files under the site's content folder. */
  readonly siteFiles?: ReadonlySet<string>;
}

/** A place in a post's body that points at a file: another post, or one of its assets. */
export interface BodyLink {
  readonly range: SourceRange;
  /** Absolute `/` path of the file pointed at. */
  readonly target: string;
  /** The post pointed at, when it is one the index holds. */
  readonly post?: PostRecord;
  /** A candidate only: a link when the file exists (Hexo's `asset_img` tries each of its arguments). */
  readonly ifExists?: boolean;
}

/** What a generator adds to Markdown in a post's body (Hexo's tag plugins; Hugo's shortcodes). */
export interface BodySyntax {
  /** Teaches the preview's markdown-it the syntax; its rules render into the shared preview env. */
  readonly markdownPlugin: (md: MarkdownIt.MarkdownIt) => void;
  /** Absolute paths of files the body pulls in, which the adapter reads before rendering (`RenderContext.includes`). */
  collectIncludes(body: string, context: RenderContext): string[];
  /** Bodies the renderer must render whole, not section by section (a construct that spans blank lines). */
  readonly unsplittable?: RegExp;
  /**
   * The id the generator gives a heading, from its source text (markup included, before typographic
   * quotes and dashes) or its parsed inline tokens (`children`, for a generator that reads the text
   * its Markdown made, as kramdown does), before repeats are numbered (`-1`, `-2`); Hexo's slug of
   * the rendered text when absent. An empty id leaves the heading without one (kramdown's `<h1>😀</h1>`).
   */
  readonly headingId?: (source: string, children?: readonly MarkdownIt.Token[]) => string;
  /** Whether `$…$` and `$$…$$` are math for this post (its front matter, its site); always when absent. */
  readonly mathEnabled?: (frontMatter: Readonly<Record<string, unknown>>, context: RenderContext) => boolean;
  /** Body text whose rendering depends on the front matter too: a section holding it is never reused. */
  readonly uncacheable?: RegExp;
}

/** A front-matter field the generator reads, with the short description shown beside its key (an English message the adapter localizes). */
export interface FrontMatterField {
  readonly key: string;
  readonly description: string;
  /** What the value is, for the value snippet the key inserts. */
  readonly value: 'text' | 'date' | 'list' | 'boolean' | 'layout' | 'language';
  /** Another spelling of a field (Hexo's `tag` for `tags`): the field it stands for. */
  readonly aliasOf?: string;
  /** Not offered for pages (no tags or categories on pages). */
  readonly postsOnly?: boolean;
  /** The choice a boolean snippet offers first: the value one writes the key for. */
  readonly firstChoice?: boolean;
  /** A string value is split on whitespace into several values (Jekyll's `tags: a b`). */
  readonly words?: boolean;
}

export interface FrontMatterFields {
  /** The fields in the order the generator's documentation lists them (completion offers them so). */
  readonly list: readonly FrontMatterField[];
  /** Every field by key, aliases included. */
  readonly byKey: ReadonlyMap<string, FrontMatterField>;
  /** Whether the generator reads keys whatever their case (Hugo: `Title` is `title`). */
  readonly caseInsensitive?: boolean;
}

/** The field a written key stands for, its case ignored where the generator ignores it. */
export function fieldOf(fields: FrontMatterFields, key: string): FrontMatterField | undefined {
  const exact = fields.byKey.get(key);
  if (exact || !fields.caseInsensitive) return exact;
  const lower = key.toLowerCase();
  return fields.list.find((field) => field.key.toLowerCase() === lower);
}

/** The key a field is read as: an alias's field, else the key itself (a post with `tags` needs no `tag`). */
export function canonicalKey(fields: FrontMatterFields, key: string): string {
  const field = fieldOf(fields, key);
  return field?.aliasOf ?? field?.key ?? (fields.caseInsensitive ? key.toLowerCase() : key);
}

/**
 * The site settings shared code reads, with the generator's defaults applied. Each generator maps its
 * own configuration onto these (and keeps the rest to itself).
 */
export interface SiteConfig {
  readonly title?: string;
  readonly language: readonly string[];
  /** IANA zone name, or '' for the machine's zone: dates without an offset are read in it. */
  readonly timezone: string;
  /** moment.js formats, for dates the site shows and the dates fixes and completion write. */
  readonly dateFormat: string;
  readonly timeFormat: string;
  /** The layout (scaffold) a new post takes when it names none. */
  readonly defaultLayout: string;
  /** Whether drafts are built (and so counted) by default. */
  readonly renderDrafts: boolean;
  /**
   * The moment.js format new dates are written in, when it is not `dateFormat timeFormat` (Hugo writes
   * RFC 3339 with the offset, as `hugo new` does).
   */
  readonly writtenDateFormat?: string;
  /** Whether posts dated in the future are built. */
  readonly future: boolean;
  /** Whether each post has a folder of its own for images and files (Hexo's post asset folders, Hugo's page bundles). */
  readonly postAssetFolder: boolean;
  /** What a post without `updated` is given: the file's modification time, its date, or nothing. */
  readonly updatedOption: 'mtime' | 'date' | 'empty';
  /** Whether the renderer writes typographic quotes and dashes, and which quote characters. */
  readonly smartypants: boolean;
  readonly smartQuotes?: string;
}

/** What a post's file name says about it, as its generator reads the name. */
export interface PostFileName {
  /** The slug the generator takes from the name (what links to the post use). */
  readonly slug: string;
  /** The date written in the name, when the generator dates posts by it. */
  readonly date?: { readonly year: number; readonly month: number; readonly day: number };
}

/** A blog found in the workspace, read by its generator. */
export interface Site {
  readonly generator: Generator;
  /** The site's root folder (where its configuration lives). */
  readonly root: string;
  /** The folder holding the site's content (Hexo's `source/`): the index walks it, links resolve from it. */
  readonly sourceRoot: string;
  readonly config: SiteConfig;
  readonly configProblems: readonly ConfigProblem[];
  /** Layout name → scaffold (archetype) text. */
  readonly scaffolds: ReadonlyMap<string, string>;
  /** Tags the site's own code registers (Hexo's `scripts/` and its theme's): name → whether it takes a body. */
  readonly registeredTags?: ReadonlyMap<string, boolean>;
  /**
   * The layouts a post may name when the site's generator renders with layout files (Jekyll's
   * `_layouts` and its theme's): name → the file, relative to the root or absolute. Absent: a post's
   * `layout` names one of the `scaffolds`.
   */
  readonly layouts?: ReadonlyMap<string, string>;
  /**
   * The categories a post takes from where its file is (Jekyll's folders above `_posts`), which no
   * front-matter edit changes: a rename says which posts keep the old name that way. None when absent.
   */
  folderCategories?(path: string, kind: PostKind): string[];
  /** The front-matter values the site's configuration gives the file without a word in it (Jekyll's `defaults`). */
  defaultsFor?(path: string, kind: PostKind): Readonly<Record<string, unknown>>;
  /** The site's taxonomies by plural name, for generators whose sites configure them (Hugo); tags and categories otherwise. */
  readonly taxonomies?: readonly string[];
  /**
   * Told every file of a folder the index is about to read, before it classifies them, for generators
   * whose classification depends on a file's neighbours (Hugo: a Markdown file beside a leaf bundle's
   * `index.md` is a resource of the bundle, not a page).
   */
  noteFiles?(paths: readonly string[]): void;
  /** Which kind of content a file is, or undefined when it is not part of the site's posts and pages. */
  classify(path: string): PostKind | undefined;
  /**
   * A file the generator skips for its name although it sits where posts go (Jekyll's `_posts/notes.md`
   * without a date): no post, yet checked as one so that a rule can say why nothing of it is built.
   */
  skipsNamedFile?(path: string): boolean;
  /**
   * What the index keeps of one post, read as the generator reads it. Never throws: a broken post gets
   * `error`. `modified` is the file's modification time (ms), given when `needsFileTime`.
   */
  readPost(path: string, kind: PostKind, text: string, modified?: number): PostRecord;
  /**
   * Whether reading this file needs its modification time (Hugo's `:fileModTime` date source, Jekyll's
   * drafts): the index then stats it. Never, when absent.
   */
  needsFileTime?(path: string): boolean;
  /** Whether a built site lists the post (and counts its tags and categories) at `now`. */
  isListed(record: PostRecord, now: Date): boolean;
  /** What the file name of a post or draft says (its slug, and its date when the generator reads one there). */
  postFileName(path: string): PostFileName;
}
