import type { PostKind } from '../site/types';
import type { MessageId } from './messages';
import type { PostDocument } from './postDocument';
import type { Finding, RuleContext, RuleMessage, SeveritySetting } from './types';

/** One rule: a stable code, a readable id, a default severity, and the check itself. */
export interface Rule {
  readonly code: string;
  readonly id: string;
  readonly defaultSeverity: SeveritySetting;
  /** The kinds of content it applies to (all when absent). */
  readonly kinds?: readonly PostKind[];
  check(doc: PostDocument, context: RuleContext): readonly Finding[];
}

export function message(id: MessageId, ...args: (string | number)[]): RuleMessage {
  return { id, args };
}

export const POSTS_AND_DRAFTS: readonly PostKind[] = ['post', 'draft'];

/**
 * At most this many findings per rule and post: a 10 MB import with a million `{{ }}` would otherwise
 * cost seconds and hundreds of megabytes in diagnostics nobody reads. The first ones show the problem.
 */
export const MAX_FINDINGS = 1000;
