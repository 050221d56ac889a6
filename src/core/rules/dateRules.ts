import { formatMomentDate } from '../site/dateFormat';
import { hasIgnoredDateOffset, writtenDateOffset } from '../frontMatter';
import type { FrontMatterEntry } from '../frontMatter';
import { replaceValue } from './frontMatterEdits';
import { HEXO_DATE_FORMAT, nowText } from './inference';
import type { PostDocument } from './postDocument';
import { message, type Rule } from './rule';
import type { Finding, Fix, RuleContext } from './types';

const DATE_KEYS = ['date', 'updated'] as const;

/** The written entry for a date key with a value (not `date:` left empty). */
function dateEntry(doc: PostDocument, key: string): FrontMatterEntry | undefined {
  const entry = doc.entry(key);
  return entry && entry.value.kind === 'scalar' && doc.data[key] !== null && doc.data[key] !== '' ? entry : undefined;
}

function siteDate(context: RuleContext, date: Date): string {
  return formatMomentDate(date, HEXO_DATE_FORMAT, context.site.config.timezone);
}

/**
 * PC301: a date Hexo cannot read (hexo `processor/post.ts` `toDate`): it silently takes the file's
 * birth time instead; the file name's date is used only when no date is written at all.
 */
export const unreadableDate: Rule = {
  code: 'PC301', id: 'unreadable-date', defaultSeverity: 'error',
  check(doc, context) {
    if (!doc.parsed.valid) return [];
    const findings: Finding[] = [];
    for (const key of DATE_KEYS) {
      const entry = dateEntry(doc, key);
      if (!entry || context.site.generator.readDate(doc.data[key], context.site.config.timezone)) continue;
      const written = doc.text.slice(entry.value.range.startOffset, entry.value.range.endOffset);
      const fixes: Fix[] = [];
      const rewritten = rewriteDate(written);
      if (rewritten) fixes.push({ title: message('fixWriteDate', rewritten), edits: [replaceValue(entry.value, rewritten)], preferred: true, safe: true });
      findings.push({ range: entry.value.range, message: message(key === 'date' ? 'unreadableDate' : 'unreadableUpdated', written), fixes });
    }
    return findings;
  },
};

/** `2026年3月2日 17:32`, `2026.3.2` and the like, as `2026-03-02 17:32:00`; undefined when unsure. */
function rewriteDate(written: string): string | undefined {
  const match = /^["']?\s*(\d{4})\s*[年./\-_]\s*(\d{1,2})\s*[月./\-_]\s*(\d{1,2})\s*日?(?:\s*[T\s]\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?\s*秒?)?\s*["']?$/.exec(written);
  if (!match) return undefined;
  const [year, month, day, hour = '0', minute = '0', second = '0'] = match.slice(1).map((part) => part);
  const numbers = [Number(month), Number(day), Number(hour), Number(minute), Number(second)];
  if (numbers[0] < 1 || numbers[0] > 12 || numbers[1] < 1 || numbers[1] > 31 || numbers[2] > 23 || numbers[3] > 59 || numbers[4] > 59) return undefined;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${year}-${pad(numbers[0])}-${pad(numbers[1])} ${pad(numbers[2])}:${pad(numbers[3])}:${pad(numbers[4])}`;
}

/**
 * PC302: an explicit offset Hexo 8.1 does not honour (see `hasIgnoredDateOffset`): the post shows
 * another time than written.
 */
export const ignoredDateOffset: Rule = {
  code: 'PC302', id: 'ignored-date-offset', defaultSeverity: 'warning',
  check(doc, context) {
    if (!doc.parsed.valid) return [];
    const timezone = context.site.config.timezone;
    const findings: Finding[] = [];
    for (const key of DATE_KEYS) {
      const entry = dateEntry(doc, key);
      if (!entry || entry.value.kind !== 'scalar') continue;
      const source = entry.value.source;
      if (!hasIgnoredDateOffset(source, timezone)) continue;
      const offset = writtenDateOffset(source) ?? '';
      const read = context.site.generator.readDate(doc.data[key], timezone);
      const meant = writtenInstant(source);
      const fixes: Fix[] = [];
      if (timezone && !Number.isNaN(meant.getTime())) {
        const text = siteDate(context, meant);
        fixes.push({ title: message('fixWriteDateInZone', text, timezone), edits: [replaceValue(entry.value, text)], preferred: true, safe: true });
      }
      const shown = read ? siteDate(context, read) : '?';
      findings.push({
        range: entry.value.range,
        message: timezone ? message('ignoredOffset', offset, shown, timezone) : message('ignoredOffsetMachineZone', offset),
        fixes,
      });
    }
    return findings;
  },
};

/** The instant a timestamp with an offset names (what the author meant). */
function writtenInstant(source: string): Date {
  const written = source.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  const m = /^(\d{4})-(\d\d?)-(\d\d?)(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.\d*)?[ \t]*(?:Z|([-+])(\d\d?)(?::?(\d\d))?)$/.exec(written);
  if (!m) return new Date(NaN);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const offsetMinutes = m[7] ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9] ?? 0)) : 0;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000);
}

/** PC303: `updated` earlier than `date`. */
export const updatedBeforeDate: Rule = {
  code: 'PC303', id: 'updated-before-date', defaultSeverity: 'warning',
  check(doc, context) {
    if (!doc.parsed.valid) return [];
    const timezone = context.site.config.timezone;
    const date = context.site.generator.readDate(doc.data.date, timezone);
    const updated = context.site.generator.readDate(doc.data.updated, timezone);
    const entry = dateEntry(doc, 'updated');
    if (!date || !updated || !entry || updated.getTime() >= date.getTime()) return [];
    const now = nowText(context);
    return [{
      range: entry.value.range,
      message: message('updatedBeforeDate', siteDate(context, updated), siteDate(context, date)),
      fixes: [{ title: message('fixSetUpdatedNow', now), edits: [replaceValue(entry.value, now)], preferred: true, safe: false }],
    }];
  },
};

/** PC304: a post dated in the future: shown now (`future: true`, Hexo's default) or hidden until then. */
export const futureDate: Rule = {
  code: 'PC304', id: 'future-date', defaultSeverity: 'info', kinds: ['post'],
  check(doc, context) {
    if (!doc.parsed.valid) return [];
    const date = context.site.generator.readDate(doc.data.date, context.site.config.timezone);
    const entry = dateEntry(doc, 'date');
    if (!date || !entry || date.getTime() <= context.now.getTime()) return [];
    const when = siteDate(context, date);
    return [{ range: entry.value.range, message: message(context.site.config.future ? 'futureDateShown' : 'futureDateHidden', when) }];
  },
};
