/** Front-matter completion: keys, tags, categories and values from the whole site. No vscode, no fs. */
export type * from './types';
export { completeFrontMatter, formatSiteDate } from './completeFrontMatter';
export { analyzeCompletionContext, type CompletionContext, type ValueSlot } from './completionContext';
export { allCompletionMessages, formatMessage } from './messages';
