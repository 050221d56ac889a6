import type { SiteIndexView } from '../index/types';
import type { BodySyntax, Generator, Site } from '../generators/generator';
import type { ReadingSpeed } from '../text/wordCount';
import type { PreviewLabels } from './labels';

/** What the renderer needs to know about where a post lives. No editor, no disk: all given. */
export interface RenderContext {
  /** Absolute `/` path of the post being rendered. */
  readonly documentPath: string;
  /** The Hexo site the post belongs to, when there is one. */
  readonly site?: Site;
  /**
   * The generator a post outside any site is read with (the adapter's default; its header's tags
   * and dates); a post of a site is read with its site's generator.
   */
  readonly generator?: Generator;
  /** The generator's body syntax (`Generator.loadBodySyntax`), loaded by the adapter; without it, plain Markdown. */
  readonly syntax?: BodySyntax;
  /** The site's index, to resolve `post_link`/`post_path` slugs to posts. */
  readonly index?: SiteIndexView;
  /**
   * Turns an absolute file path into a URL the preview can load (a webview resource URI in the
   * editor; anything in tests). The renderer never checks that the file exists: the preview shows a
   * placeholder with the path when loading fails.
   */
  readonly resourceUrl: (path: string) => string;
  /** Text of files read for `{% include_code %}`, by absolute path (see `collectIncludes`). */
  readonly includes?: ReadonlyMap<string, string | undefined>;
  readonly readingSpeed?: ReadingSpeed;
  /** Characters of the body rendered at most; longer posts are cut at a line with a notice. */
  readonly maxBodyLength?: number;
  /**
   * Zero-based document lines the reader sees first. When set, code blocks and formulas outside
   * them that are not cached yet are shown plain (`RenderedPost.deferred` counts them), so a long
   * post appears at once; a follow-up render without this option fills them in.
   */
  readonly eagerLines?: EagerLines;
  readonly labels?: Partial<PreviewLabels>;
  /** "Now", for tests: nothing in the output depends on it today, kept for `updated_option`. */
  readonly now?: () => Date;
}

export interface EagerLines {
  readonly from: number;
  readonly to: number;
}

/** How many lines a screen shows when no editor tells (a laptop's editor shows about 40). */
export const DEFAULT_SCREEN_LINES = 40;

/**
 * The lines a windowed render fills in: the reader's screen, `screenLines` from `top`. No margin:
 * the follow-up render that fills in the rest comes milliseconds after the first is shown, before
 * any scroll can, and the preview's lines are taller than the editor's, so the editor's screen
 * covers what the preview shows from the same top line.
 */
export function eagerLinesAround(top: number, screenLines = DEFAULT_SCREEN_LINES): EagerLines {
  return { from: top, to: top + screenLines - 1 };
}

/** The preview's header (title, dates, categories, tags) is about this many editor lines tall. */
const HEADER_LINES = 8;

/**
 * The front matter shows as the header, which a long front matter makes shorter than its source: a
 * screen that holds front-matter lines shows that many more body lines, less the header's height.
 */
export function pastFrontMatter(eager: EagerLines, bodyLine: number): EagerLines {
  const frontMatterOnScreen = Math.min(bodyLine, eager.to + 1) - Math.max(eager.from, 0);
  return frontMatterOnScreen > HEADER_LINES ? { from: eager.from, to: eager.to + frontMatterOnScreen - HEADER_LINES } : eager;
}

export interface PreviewHeading {
  readonly level: number;
  readonly text: string;
  readonly id: string;
  /** Zero-based line in the document. */
  readonly line: number;
}

/** The generator that reads the post being rendered: its site's, else the context's default. */
export function generatorOf(context: RenderContext): Generator | undefined {
  return context.site?.generator ?? context.generator;
}

/** The body syntax the post is rendered with, if any. */
export function bodySyntaxOf(context: RenderContext): BodySyntax | undefined {
  return context.syntax;
}
