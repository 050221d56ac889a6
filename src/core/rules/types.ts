import type { TextEdit } from '../edits';
import type { SiteIndexView } from '../index/types';
import type { Site } from '../generators/generator';
import type { PostKind } from '../site/types';
import type { SourceRange } from '../text/sourceRange';
import type { MessageId } from './messages';
import type { ValidationSettings } from './settings';

/** What a finding means for the post (see docs/rules.md): `error` only when Hexo breaks or misreads it. */
export type Severity = 'error' | 'warning' | 'info';

/** A configured severity: a rule can also be turned off. */
export type SeveritySetting = Severity | 'off';

/** An English message with `{0}` placeholders, named by id so adapters can localize it. */
export interface RuleMessage {
  readonly id: MessageId;
  readonly args: readonly (string | number)[];
}

export interface Fix {
  readonly title: RuleMessage;
  /** Non-overlapping edits of the checked text, each as small as the change allows. */
  readonly edits: readonly TextEdit[];
  /** The fix an editor applies first (one per diagnostic at most). */
  readonly preferred: boolean;
  /**
   * Safe to apply unasked, so fix-all applies it (`source.fixAll.postcraft`, `postcraft check --fix`;
   * both take it from here through `fixAllEdits`). A fix is safe only when Hexo reads the post the
   * same way afterwards (title, date, `updated` where written, tags, categories, layout, published,
   * permalink), or when it turns a post Hexo drops, cannot build or misreads into one it reads as
   * written. Anything else, however good a suggestion, is a quick fix the writer picks
   * (docs/rules.md says which fixes are safe; test/oracle/fixAll.oracle.test.ts holds Hexo to it).
   */
  readonly safe: boolean;
}

export interface Diagnostic {
  /** Stable code, e.g. `PC403` (docs/rules.md). */
  readonly code: string;
  /** Readable id of the rule, e.g. `duplicate-tag`; settings accept either. */
  readonly rule: string;
  readonly severity: Severity;
  readonly range: SourceRange;
  readonly message: RuleMessage;
  readonly fixes: readonly Fix[];
}

/**
 * Everything a rule may consult besides the text. Synchronous on purpose: adapters gather what needs
 * I/O (the files under `source/`, the index) before checking, so rules stay pure and fast.
 */
export interface RuleContext {
  /** Absolute `/`-separated path of the checked file. */
  readonly path: string;
  readonly kind: PostKind;
  readonly site: Site;
  /** The site's index (other posts' tags, categories, keys, titles); rules needing it skip without one. */
  readonly index?: SiteIndexView;
  /** Whether a file exists (absolute `/` path). Rules about links and assets skip without one. */
  readonly fileExists?: (path: string) => boolean;
  /**
   * Folders served at the site's root besides `source/` (a theme's `source/`), for root-relative
   * links such as `/css/style.css`.
   */
  readonly staticRoots?: readonly string[];
  /**
   * The site's files (absolute `/` paths) with this base name, case and Unicode form ignored, for
   * "Change to ..." fixes on missing links and assets. Those fixes are skipped without one.
   */
  readonly filesNamed?: (name: string) => readonly string[];
  /**
   * The checked file's times on disk, which Hexo uses for a missing `date` or `updated`. Without them
   * (a file not saved yet) fixes that fill those keys are not safe.
   */
  readonly fileTimes?: FileTimes;
  readonly now: Date;
  readonly settings: ValidationSettings;
}

export interface FileTimes {
  /** Birth time, where the file system keeps one (Hexo's `stats.birthtime` for posts and drafts). */
  readonly created: Date;
  /** Last status change (POSIX ctime: Hexo's date for pages), when known. */
  readonly changed?: Date;
  readonly modified: Date;
}

/** A finding before severity settings apply (the check adds code, rule id and severity). */
export interface Finding {
  readonly range: SourceRange;
  readonly message: RuleMessage;
  readonly fixes?: readonly Fix[];
}
