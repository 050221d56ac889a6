import { applyTextEdits, type TextEdit } from '../edits';
import { checkPost } from './check';
import type { Diagnostic, Fix, RuleContext } from './types';

/**
 * Fix-all: the one place that decides which fixes apply unasked. The editor's
 * `source.fixAll.postcraft` and `postcraft check --fix` both go through here, and both apply only
 * fixes marked `safe` (see `Fix.safe` for what that promises).
 */

/** The fix fix-all applies for a diagnostic: its preferred fix, when that one is safe. */
function safeFixOf(diagnostic: Diagnostic): Fix | undefined {
  return diagnostic.fixes.find((candidate) => candidate.preferred && candidate.safe);
}

/** The fix-all edits for a set of diagnostics: each one's preferred safe fix, skipping overlaps. */
export function fixAllEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  return safeFixes(diagnostics).flatMap((fix) => fix.edits);
}

/** The safe fixes that apply together: a fix whose edits overlap one already taken waits for the next round. */
function safeFixes(diagnostics: readonly Diagnostic[]): Fix[] {
  const fixes: Fix[] = [];
  const taken: Array<[number, number]> = [];
  for (const diagnostic of diagnostics) {
    const fix = safeFixOf(diagnostic);
    if (!fix) continue;
    const overlaps = fix.edits.some((edit) => taken.some(([start, end]) => edit.range.startOffset < end && start < edit.range.endOffset
      || (edit.range.startOffset === start && edit.range.endOffset === end)));
    if (overlaps) continue;
    fixes.push(fix);
    for (const edit of fix.edits) taken.push([edit.range.startOffset, edit.range.endOffset]);
  }
  return fixes;
}

export interface FixAllResult {
  readonly text: string;
  /** How many fixes were applied, over all rounds. */
  readonly applied: number;
}

/**
 * Applies safe fixes until none is left (a fix can reveal another, e.g. a renamed key that is then
 * a duplicate), at most `rounds` times. Returns the new text and how many fixes were applied.
 */
export function fixAll(text: string, context: RuleContext, rounds = 5): FixAllResult {
  let current = text;
  let applied = 0;
  for (let round = 0; round < rounds; round++) {
    const fixes = safeFixes(checkPost(current, context));
    if (fixes.length === 0) break;
    const next = applyTextEdits(current, fixes.flatMap((fix) => fix.edits));
    if (next === current) break;
    applied += fixes.length;
    current = next;
  }
  return { text: current, applied };
}
