import type { QuoteChar } from '../frontMatter/yamlText';

/** What completion needs to know about the cursor's place in the front matter (see analyzeCompletionContext). */

/** A span of the text by offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ScalarItem {
  readonly kind: 'scalar';
  /** The value as written, unquoted (escapes resolved). */
  readonly value: string;
  readonly span: Span;
  readonly quote?: QuoteChar;
}

export interface ListItem {
  readonly kind: 'list';
  readonly items: readonly ScalarItem[];
  readonly span: Span;
}

export type ValueItem = ScalarItem | ListItem;

/** Where a value chosen from the list goes, and how it must be written there. */
export interface ValueSlot {
  /** What the item replaces: the token being typed (its closing quote included when there is one). */
  readonly replace: Span;
  /** What is typed of the token before the cursor (without an opening quote). */
  readonly typed: string;
  /** Set when the cursor is inside a quoted token: the item keeps the author's quote and closes it. */
  readonly quote?: QuoteChar;
  /** `scalar`: the key's single value; `flow`: an item of `[...]`; `block`: a `- item`. */
  readonly container: 'scalar' | 'flow' | 'block';
  /** Text the item puts before the value: a space after `:`/`,`/`-` typed without one, `- ` on an empty indented line. */
  readonly before: string;
  /** Text the item puts after the value: `, ` when it goes in front of an item of a flow list. */
  readonly after?: string;
  /** The item being replaced, if any (it does not count as already present). */
  readonly token?: Span;
  /** The slot's place in the value: `[i]` for a top-level item, `[i, j]` for item j of the list at i. */
  readonly path: readonly number[];
  /**
   * Set when the slot is one word of a string the generator splits on whitespace: `plain` in a plain
   * scalar, else the quote around the string. The item is the word as it is, never quoted.
   */
  readonly word?: 'plain' | QuoteChar;
}

interface ContextBase {
  readonly format: 'yaml' | 'json' | 'toml';
  /** Top-level keys written in the front matter, except the one being typed. */
  readonly presentKeys: ReadonlySet<string>;
  /** The line break the document uses. */
  readonly eol: string;
}

export interface KeyContext extends ContextBase {
  readonly kind: 'key';
  readonly replace: Span;
  readonly typed: string;
  /** True when a `:` already follows the key being edited: the item inserts the name only. */
  readonly hasColon: boolean;
  /** JSON only: where a comma must go after the previous entry, and whether the new entry needs one after it. */
  readonly commaBefore?: number;
  readonly commaAfter?: boolean;
}

export interface ValueContext extends ContextBase {
  readonly kind: 'value';
  /** The key whose value the cursor is in, as written (`tags`, `tag`, `categories`...). */
  readonly key: string;
  readonly slot: ValueSlot;
  /** Every item of the key's value, in order (so completion can leave out what is already there). */
  readonly items: readonly ValueItem[];
  /** The quote the author uses in this front matter, for values that need quoting. */
  readonly preferredQuote: QuoteChar;
}

export interface NewFrontMatterContext {
  readonly kind: 'newFrontMatter';
  /** What a whole front matter replaces: the dashes typed on the first line, if any. */
  readonly replace: Span;
  readonly eol: string;
  /** True when a line break already follows the first line (else the front matter brings its own). */
  readonly lineBreakFollows: boolean;
}

export type CompletionContext = { readonly kind: 'none' } | KeyContext | ValueContext | NewFrontMatterContext;

export const NONE = { kind: 'none' } as const;
