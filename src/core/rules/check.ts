import { logException } from '../log';
import { PostDocument } from './postDocument';
import { RULES } from './registry';
import type { Rule } from './rule';
import type { Diagnostic, RuleContext, SeveritySetting } from './types';

/** The severity a rule has under the settings (`rules` may name it by code or by id). */
export function severityOf(rule: Rule, rules: Readonly<Record<string, SeveritySetting>>): SeveritySetting {
  return rules[rule.code] ?? rules[rule.id] ?? rule.defaultSeverity;
}

/**
 * Runs every enabled rule (`rules`: the site's generator's, unless a test gives its own) on one post's text.
 * Never throws: a rule that fails on odd input is reported to the log port and skipped (the editor
 * must keep working while the author types). Sorted by position, then code.
 */
export function checkPost(text: string, context: RuleContext, rules: readonly Rule[] = context.site.generator.rules ?? RULES): Diagnostic[] {
  const doc = new PostDocument(text, context.site.generator.frontMatter);
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
