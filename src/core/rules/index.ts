/** Validation rules over Hexo posts: pure functions of the text and a small context. No vscode, no fs. */
export type { Diagnostic, Fix, RuleContext, RuleMessage, Severity, SeveritySetting } from './types';
export { checkPost, fixAll, fixAllEdits, severityOf } from './check';
export { RULES, RULE_BY_CODE, RULE_BY_ID } from './registry';
export type { Rule } from './rule';
export { RULE_MESSAGES, formatRuleMessage, type MessageId } from './messages';
export { DEFAULT_SETTINGS, normalizeSettings, type ValidationSettings } from './settings';
export { collectSiteFiles, siteFileLookup, type SiteFiles } from './siteFiles';
