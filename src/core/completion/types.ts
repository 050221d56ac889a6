import type { Generator } from '../generators/generator';
import type { PostKind } from '../site/types';
import type { SourceRange } from '../text/sourceRange';

/**
 * A user-facing message in English with `{0}`-style placeholders. The core never localizes: the
 * adapter passes `message` and `args` to `vscode.l10n.t`, the CLI and tests format it in English.
 */
export interface Message {
  readonly message: string;
  readonly args?: readonly (string | number)[];
}

/** What an item completes; adapters map it to their own item kinds. */
export type CompletionItemKind =
  | 'key'          // a front-matter key
  | 'tag'          // a tag of the site
  | 'category'     // a category of the site
  | 'value'        // a fixed value: a layout, true/false, a language
  | 'date'         // now, formatted as the site writes dates
  | 'frontMatter'  // a whole front matter from a scaffold
  | 'post'         // another post of the site (a link target in the body)
  | 'snippet'      // a generator's tag or shortcode in the body
  | 'file';        // a file of the site (an asset, an image)

export interface TextEdit {
  readonly range: SourceRange;
  readonly newText: string;
}

export interface CompletionItem {
  readonly label: string;
  /** Shown beside the label, dimmed (the slug or URL an item for a post inserts). */
  readonly labelDescription?: string;
  readonly kind: CompletionItemKind;
  /** What replaces `range`; a snippet (`$1`, `${1|a,b|}`) when `isSnippet`. */
  readonly insertText: string;
  readonly isSnippet: boolean;
  /** What the editor matches the typed word against (pinyin and initials for Chinese names). */
  readonly filterText: string;
  readonly detail?: Message;
  readonly documentation?: Message;
  /** Text to show as a code block beside the item (the front matter a scaffold item inserts). */
  readonly preview?: string;
  /** Items sort by this string; the core's order is the intended one. */
  readonly sortText: string;
  /** The span the item replaces; on the cursor's line, containing the cursor. */
  readonly range: SourceRange;
  /** Edits elsewhere, such as the comma a JSON entry needs after the previous one. */
  readonly additionalEdits?: readonly TextEdit[];
  /** True when completing this item should open suggestions again (a key whose values we know). */
  readonly retrigger?: boolean;
}

export interface CompletionResult {
  readonly items: readonly CompletionItem[];
}

export interface CompletionOptions {
  /** "Now", for `date`/`updated` values and the scaffold's `{{ date }}`. */
  readonly now: Date;
  /** The document's path (absolute, `/`), used for the scaffold's title and to discount its own entries in the index. */
  readonly path?: string;
  /** What the document is in its site; pages get no `tags`/`categories` keys, drafts the draft scaffold. */
  readonly kind?: PostKind;
  /** The generator whose fields a post outside any site is completed with; a site's post uses its site's. */
  readonly generator?: Generator;
}
