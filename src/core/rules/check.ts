import { applyTextEdits, type TextEdit } from '../edits';
import { logException } from '../log';
import { PostDocument } from './postDocument';
import { RULES } from './registry';
import type { Rule } from './rule';
import type { Diagnostic, Fix, RuleContext, SeveritySetting } from './types';

/** The severity a rule has under the settings (`rules` may name it by code or by id). */
export function severityOf(rule: Rule, rules: Readonly<Record<string, SeveritySetting>>): SeveritySetting {
  return rules[rule.code] ?? rules[rule.id] ?? rule.defaultSeverity;
}

/**
 * Runs every enabled rule (`rules`: the registry's, unless a test gives its own) on one post's text.
 * Never throws: a rule that fails on odd input is reported to the log port and skipped (the editor
 * must keep working while the author types). Sorted by position, then code.
 */
export function checkPost(text: string, context: RuleContext, rules: readonly Rule[] = RULES): Diagnostic[] {
  const doc = new PostDocument(text);
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, context.settings.rules);
    if (severity === 'off' || (rule.kinds && !rule.kinds.includes(context.kind))) continue;
    let findings;
    try {
      findings = rule.check(doc, context);
    } catch (error) {
      logException(`rule ${rule.code} (${rule.id}) on ${context.path}`, error);
      continue;
    }
    for (const finding of findings) {
      diagnostics.push({ code: rule.code, rule: rule.id, severity, range: finding.range, message: finding.message, fixes: finding.fixes ?? [] });
    }
  }
  return diagnostics.sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset || compare(a.code, b.code));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The fix-all edits for a set of diagnostics: each one's preferred safe fix, skipping overlaps. */
export function fixAllEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const taken: Array<[number, number]> = [];
  for (const diagnostic of diagnostics) {
    const fix: Fix | undefined = diagnostic.fixes.find((candidate) => candidate.preferred && candidate.fixAll);
    if (!fix) continue;
    const overlaps = fix.edits.some((edit) => taken.some(([start, end]) => edit.range.startOffset < end && start < edit.range.endOffset
      || (edit.range.startOffset === start && edit.range.endOffset === end)));
    if (overlaps) continue;
    for (const edit of fix.edits) {
      edits.push(edit);
      taken.push([edit.range.startOffset, edit.range.endOffset]);
    }
  }
  return edits;
}

/**
 * Applies safe fixes until none is left (a fix can reveal another, e.g. a renamed key that is then
 * a duplicate), at most `rounds` times. Returns the new text and how many fixes were applied.
 */
export function fixAll(text: string, context: RuleContext, rounds = 5): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let round = 0; round < rounds; round++) {
    const diagnostics = checkPost(current, context);
    const edits = fixAllEdits(diagnostics);
    if (edits.length === 0) break;
    const next = applyTextEdits(current, edits);
    if (next === current) break;
    applied += diagnostics.filter((diagnostic) => diagnostic.fixes.some((fix) => fix.preferred && fix.fixAll && fix.edits.every((edit) => edits.includes(edit)))).length;
    current = next;
  }
  return { text: current, applied };
}
