import { buildFailingFrontMatterMessage } from '../../rules/frontMatterRules';
import { removeEntry, removeSequenceItem, replaceValue, scalarText } from '../../rules/frontMatterEdits';
import { message, POSTS_AND_DRAFTS, type Rule } from '../../rules/rule';
import { basename } from '../../path';
import { formatMomentDate } from '../../site/dateFormat';
import { zoneOffsetMinutesWest } from '../../time/zoneOffset';
import { rubySplit, rubyTruthy } from './terms';
import { LIQUID_RULES } from './liquidRules';
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

/**
 * PC109: a file in `_posts` whose name does not start with a date. Jekyll skips it without a word:
 * it is no post, no page, and nothing of it reaches the site.
 */
export const skippedPostName: Rule = {
  code: 'PC109', id: 'skipped-post-name', defaultSeverity: 'warning',
  check(doc, context) {
    const site = context.site;
    if (!(site instanceof JekyllSite) || !site.skipsNamedFile(context.path)) return [];
    return [{ range: doc.frontMatterAnchor(), message: message('skippedPostName', basename(context.path), site.generator.displayName) }];
  },
};

/**
 * PC307: a YAML timestamp with a time and no offset (`date: 2026-03-02 17:32:00`). Psych reads it as
 * UTC, not in the site's `timezone`, so the post is dated (and its URL built) hours away from what is
 * written, often on another day. A quick fix writes the site's offset; fix-all leaves it alone, as it
 * changes the date Jekyll reads.
 */
export const utcDate: Rule = {
  code: 'PC307', id: 'utc-date', defaultSeverity: 'warning', kinds: POSTS_AND_DRAFTS,
  check(doc, context) {
    const site = context.site;
    const zone = site instanceof JekyllSite ? site.config.timezone : '';
    if (zone === '' || !doc.parsed.valid) return [];
    const entry = doc.entry('date');
    const node = entry?.value;
    if (node?.kind !== 'scalar' || node.style !== 'plain' || !(node.value instanceof Date) || !ZONELESS_TIMESTAMP.test(node.source)) return [];
    const offset = -(zoneOffsetMinutesWest(zone, node.value.getTime()) ?? 0);
    if (offset === 0) return [];
    const read = formatMomentDate(node.value, 'YYYY-MM-DD HH:mm:ss', zone);
    const written = `${node.source.trim()} ${formatOffset(offset)}`;
    return [{
      range: node.range,
      message: message('utcDate', node.source.trim(), read, zone, site.generator.displayName),
      fixes: [{ title: message('fixWriteDateInZone', written, zone), edits: [replaceValue(node, written)], preferred: true, safe: false }],
    }];
  },
};

/** Psych's timestamp with a time and no zone: `2026-03-02 17:32:00`, `2026-03-02T17:32:00.5`. */
const ZONELESS_TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?$/;

/** `+0800`, as Jekyll and jekyll-compose write offsets. */
function formatOffset(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const minutes = Math.abs(minutesEast);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * PC411: `tags: a, b` (or `categories:`) as a string: Jekyll splits it on spaces only, so the post is
 * filed under `a,` and `b`. A quick fix writes the list the commas meant; it changes what Jekyll reads.
 */
export const commaSplitTerms: Rule = {
  code: 'PC411', id: 'comma-split-terms', defaultSeverity: 'warning', kinds: POSTS_AND_DRAFTS,
  check(doc, context) {
    if (!(context.site instanceof JekyllSite) || !doc.parsed.valid) return [];
    const findings: Finding[] = [];
    for (const key of ['tags', 'categories']) {
      // `tag` replaces `tags` and is never split.
      if (key === 'tags' && rubyTruthy(doc.data.tag)) continue;
      const node = doc.entry(key)?.value;
      if (node?.kind !== 'scalar' || typeof node.value !== 'string' || !/,/.test(node.value)) continue;
      const read = rubySplit(node.value);
      if (!read.some((word) => word.endsWith(',') || word.startsWith(','))) continue;
      const meant = node.value.split(',').map((part) => part.trim()).filter((part) => part !== '');
      const list = `[${meant.map((part) => scalarText(doc, part)).join(', ')}]`;
      findings.push({
        range: node.range,
        message: message('commaSplitTerms', node.value, read.map((word) => `"${word}"`).join(', '), context.site.generator.displayName),
        fixes: [{ title: message('fixWriteAsList', list), edits: [replaceValue(node, list)], preferred: true, safe: false }],
      });
    }
    return findings;
  },
};

/**
 * PC412: a category the post's folder already gives (`news/_posts/x.md` with `categories: [news]`).
 * Jekyll keeps each category once, so removing the written one changes nothing it reads: a safe fix.
 */
export const folderCategory: Rule = {
  code: 'PC412', id: 'folder-category', defaultSeverity: 'info', kinds: POSTS_AND_DRAFTS,
  check(doc, context) {
    const site = context.site;
    if (!(site instanceof JekyllSite) || !doc.parsed.valid) return [];
    const folders = new Set(site.folderCategories(context.path, context.kind));
    if (folders.size === 0) return [];
    const findings: Finding[] = [];
    const node = doc.entry('categories')?.value;
    if (node?.kind === 'sequence') {
      node.items.forEach((item, index) => {
        if (item.kind !== 'scalar' || typeof item.value !== 'string' || !folders.has(item.value)) return;
        findings.push({
          range: item.range,
          message: message('folderCategory', item.value, site.generator.displayName),
          fixes: [{ title: message('fixRemoveDuplicate', item.value), edits: [removeSequenceItem(doc, node, index)], preferred: true, safe: true }],
        });
      });
    }
    const single = doc.entry('category');
    if (single?.value.kind === 'scalar' && typeof single.value.value === 'string' && folders.has(single.value.value)) {
      const edit = removeEntry(doc, single);
      findings.push({
        range: single.value.range,
        message: message('folderCategory', single.value.value, site.generator.displayName),
        ...(edit ? { fixes: [{ title: message('fixRemoveKey', 'category'), edits: [edit], preferred: true, safe: true }] } : {}),
      });
    }
    return findings;
  },
};

/** Every rule checked on Jekyll sites, in code order. */
export const JEKYLL_RULES: readonly Rule[] = [jekyllBuildFailure, unreadFrontMatter, skippedPostName, utcDate, commaSplitTerms, folderCategory, ...LIQUID_RULES];
