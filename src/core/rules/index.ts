/** Validation rules over Hexo posts: pure functions of the text and a small context. No vscode, no fs. */
export type { Diagnostic, FileTimes, Fix, RuleContext, RuleMessage, Severity, SeveritySetting } from './types';
export { checkPost, severityOf } from './check';
export { fixAll, fixAllEdits, type FixAllResult } from './fixAll';
export { checkPosts, checkedKind, type CheckRun, type CheckedPost } from './checkRunner';
export { RULES, RULE_BY_CODE, RULE_BY_ID } from './registry';
export type { Rule } from './rule';
export { RULE_MESSAGES, formatRuleMessage, type MessageId } from './messages';
export { DEFAULT_SETTINGS, normalizeSettings, type ValidationSettings } from './settings';
export { collectSiteFiles, siteFileLookup, type SiteFiles } from './siteFiles';
export { fileTimesOf, needsFileTimes } from './fileTimes';
