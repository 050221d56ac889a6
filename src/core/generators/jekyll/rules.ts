import { buildFailingFrontMatterMessage } from '../../rules/frontMatterRules';
import { message, type Rule } from '../../rules/rule';
import type { Finding } from '../../rules/types';
import { JekyllSite } from './jekyllSite';

/**
 * PC107 on Jekyll sites: what stops `jekyll build` (measured with Jekyll 4.3.1): front matter it cannot
 * read under `strict_front_matter`, and a `date:` it cannot read, strict or not. Whether the post
 * fails is taken from reading it as the index does (the defaults and the file name count).
 */
export const jekyllBuildFailure: Rule = {
  code: 'PC107', id: 'build-failing-front-matter', defaultSeverity: 'error',
  check(doc, context) {
    const site = context.site;
    if (!(site instanceof JekyllSite)) return [];
    const unreadable = doc.parsed.errors;
    if (unreadable.length > 0) return site.config.strictFrontMatter ? unreadable.map((error) => ({ range: error.range, message: buildFailingFrontMatterMessage(error, site.generator.displayName) })) : [];
    if (context.kind === 'page' || !site.readPost(context.path, context.kind, doc.text).error) return [];
    const date = doc.parsed.entries.find((entry) => entry.key === 'date');
    if (!date) return [];
    return [{ range: date.value.range, message: message('unreadableBuildDate', doc.text.slice(date.value.range.startOffset, date.value.range.endOffset) || '(empty)', site.generator.displayName) }];
  },
};

/**
 * PC108: front matter Jekyll cannot read, without `strict_front_matter`: it logs "YAML Exception",
 * keeps the post and builds it with no title, no tags and the build's time as its date.
 */
export const unreadFrontMatter: Rule = {
  code: 'PC108', id: 'unread-front-matter', defaultSeverity: 'warning',
  check(doc, context) {
    const site = context.site;
    if (!(site instanceof JekyllSite) || site.config.strictFrontMatter) return [];
    return doc.parsed.errors.map((error): Finding => ({ range: error.range, message: message('unreadFrontMatter', error.message.split(' — ')[0].trim().replace(/[.:]$/, ''), site.generator.displayName) }));
  },
};

/** Every rule checked on Jekyll sites, in code order. */
export const JEKYLL_RULES: readonly Rule[] = [jekyllBuildFailure, unreadFrontMatter];
