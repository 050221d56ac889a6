import { logException } from '../log';
import { PostDocument } from './postDocument';
import { RULES } from './registry';
import type { Rule } from './rule';
import type { PostKind } from '../site/types';
import type { Diagnostic, RuleContext, Severity, SeveritySetting } from './types';

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
  for (const [rule, severity] of enabledRules(rules, context.settings.rules, context.kind)) {
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

type EnabledRules = ReadonlyArray<readonly [Rule, Severity]>;

/**
 * The rules that apply to `kind` and are not off, with their severities, by rule list, settings
 * object and kind: checking a site asks the same question for every post.
 */
const enabledByRules = new WeakMap<readonly Rule[], WeakMap<object, Map<PostKind, EnabledRules>>>();

function enabledRules(rules: readonly Rule[], settings: Readonly<Record<string, SeveritySetting>>, kind: PostKind): EnabledRules {
  let bySettings = enabledByRules.get(rules);
  if (!bySettings) enabledByRules.set(rules, (bySettings = new WeakMap()));
  let byKind = bySettings.get(settings);
  if (!byKind) bySettings.set(settings, (byKind = new Map()));
  let enabled = byKind.get(kind);
  if (!enabled) {
    const list: Array<readonly [Rule, Severity]> = [];
    for (const rule of rules) {
      const severity = severityOf(rule, settings);
      if (severity !== 'off' && (!rule.kinds || rule.kinds.includes(kind))) list.push([rule, severity]);
    }
    byKind.set(kind, (enabled = list));
  }
  return enabled;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
