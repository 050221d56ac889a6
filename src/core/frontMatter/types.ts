import type { SourceRange } from '../text/sourceRange';
import type { ExpandedEntry } from './aliasExpansion';

/** How the front matter is written: YAML (`---`), JSON (Hexo's brace-less `;;;`, Hugo's `{ }`), TOML (`+++`), or none. */
export type FrontMatterFormat = 'yaml' | 'json' | 'toml' | 'none';

/** Where the front matter sits in the file. */
export interface FrontMatterBlock {
  readonly format: Exclude<FrontMatterFormat, 'none'>;
  /** The opening separator line (`---`), absent when Hexo's optional opening is omitted. */
  readonly openingFence?: SourceRange;
  /** The closing separator line. */
  readonly closingFence: SourceRange;
  /** The text between the separators (what the YAML or JSON parser reads). */
  readonly content: SourceRange;
  /** The whole block, fences included. */
  readonly range: SourceRange;
}

/** The styles a YAML node can be written in; edits keep the author's style. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'block' | 'json';
export type CollectionStyle = 'flow' | 'block' | 'json';

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly range: SourceRange;
  readonly style: ScalarStyle;
  /** The value as Hexo reads it (js-yaml semantics; dates as Date). */
  readonly value: unknown;
  /** The source text of the scalar, quotes included. */
  readonly source: string;
}

export interface SequenceNode {
  readonly kind: 'sequence';
  readonly range: SourceRange;
  readonly style: CollectionStyle;
  readonly items: readonly FrontMatterNode[];
}

export interface MappingNode {
  readonly kind: 'mapping';
  readonly range: SourceRange;
  readonly style: CollectionStyle;
  readonly entries: readonly FrontMatterEntry[];
}

/** A key written with nothing after it (`tags:`), kept so completion and rules can see it. */
export interface EmptyNode {
  readonly kind: 'empty';
  /** Zero-width, just after the key's colon. */
  readonly range: SourceRange;
}

export type FrontMatterNode = ScalarNode | SequenceNode | MappingNode | EmptyNode;

export interface FrontMatterEntry {
  readonly key: string;
  readonly keyRange: SourceRange;
  readonly value: FrontMatterNode;
  /** From the start of the key to the end of the value (what a "remove key" edit deletes). */
  readonly range: SourceRange;
}

export type FrontMatterErrorCode =
  | 'unclosed'          // an opening separator without a closing one: Hexo keeps the post without front matter
  | 'yaml-syntax'       // the YAML does not parse: Hexo drops the post
  | 'json-syntax'       // the JSON does not parse (Hexo reads the file as body; Hugo fails the build)
  | 'toml-syntax'       // the `+++` TOML does not parse: Hugo fails the build
  | 'not-a-mapping'     // YAML parses, but to a scalar or a list: Hexo ignores it
  | 'alias-expansion'   // a top-level entry whose aliases expand past the limits: left out of `data`
  | 'binary'            // the file is not text
  | 'too-large';        // beyond the parser's size limit: only the split was done

export interface FrontMatterError {
  readonly code: FrontMatterErrorCode;
  readonly message: string;
  readonly range: SourceRange;
  /**
   * What the generator does with the post: 'drop' (Hexo logs "Process failed" and skips the post),
   * 'body-only' (it keeps the post and reads the whole file, separators included, as the body),
   * 'fail' (the whole build stops: Hugo). Absent for Postcraft's own limits ('binary', 'too-large').
   */
  readonly effect?: 'drop' | 'body-only' | 'fail';
  /** For 'alias-expansion': the entry left out and why. */
  readonly expanded?: ExpandedEntry;
}

export interface ParsedFrontMatter {
  readonly format: FrontMatterFormat;
  /** Undefined when the file has no front matter (or an unclosed one). */
  readonly block?: FrontMatterBlock;
  /** Offset where the body (the Markdown after the front matter) starts. */
  readonly bodyOffset: number;
  /**
   * The data exactly as Hexo would read it: js-yaml values, Hexo's date handling. When the YAML is
   * broken this holds what could be recovered (at least the keys that parsed before the error).
   */
  readonly data: Record<string, unknown>;
  /** Top-level entries in source order, with ranges. */
  readonly entries: readonly FrontMatterEntry[];
  readonly errors: readonly FrontMatterError[];
  /** True when Hexo would read the front matter without error. */
  readonly valid: boolean;
}

/**
 * How a generator finds and reads a post's front matter (a generator's dialect: Hexo's `---`/`;;;`,
 * Hugo's `---`/`+++`/`{`). The shared code (index, rules, completion, preview) reads front matter
 * only through the site's dialect.
 */
export interface FrontMatterSyntax {
  /** Where the front matter and the body are, without parsing. */
  split(text: string): import('./split').FrontMatterSplit;
  /** The generator's reading of the front matter, with source ranges and positioned errors. */
  parse(text: string): ParsedFrontMatter;
  /** The hot path of indexing: the generator's data, no ranges (agrees with `parse`). */
  readData(text: string): import('./readData').FrontMatterData;
}
