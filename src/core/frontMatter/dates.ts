/**
 * Hexo's reading of `date` and `updated`, in two steps, without moment:
 * 1. hexo-front-matter v4 `parse` (lib/front_matter.ts, "Convert timezone"): js-yaml reads an unquoted
 *    timestamp as UTC (honouring a written offset); each top-level Date is then shifted so that its
 *    LOCAL wall clock shows the UTC wall clock. `parseFrontMatter().data` already holds this step.
 * 2. hexo lib/plugins/processor/post.ts: `toDate` (`new Date(value)` for non-dates, invalid → Hexo
 *    falls back to the file name's date or the file times), then, when `_config.yml` sets `timezone`,
 *    `adjustDateForTimezone` (lib/plugins/processor/common.ts) re-reads the wall clock in that zone.
 * Net effect: `2026-03-02 17:32:00` means 17:32 in the site zone (or the machine's when `timezone`
 * is ''), and `17:32:00+08:00` becomes 09:32 in the site zone — the offset only moves the clock.
 */

import { zoneOffsetMinutesWest } from '../time/zoneOffset';

export { isKnownTimeZone } from '../time/zoneOffset';

const MINUTE = 60 * 1000;

/** Step 1: hexo-front-matter's shift of a js-yaml timestamp (UTC) to the same local wall clock. */
export function shiftToLocalWallClock(date: Date): Date {
  return new Date(date.getTime() + date.getTimezoneOffset() * MINUTE);
}

/**
 * Step 2: the Date Hexo stores for `date`/`updated`, given the value from `parseFrontMatter().data`
 * (or `readFrontMatterData().data`) and the site's `timezone` ('' = the machine's zone).
 * Undefined when Hexo would fall back (missing, falsy or unparseable value). An unknown zone name is
 * ignored here (Hexo itself fails on it: moment-timezone returns no zone); check it with
 * `isKnownTimeZone`.
 */
export function readHexoDate(value: unknown, timezone: string): Date | undefined {
  // post.ts only converts truthy values (`if (data.date)`; `toDate` returns falsy values as they are).
  if (!value) return undefined;
  let date: Date;
  try {
    date = value instanceof Date ? new Date(value.getTime()) : new Date(value as string | number);
  } catch {
    return undefined; // e.g. a value whose conversion to a primitive throws
  }
  if (Number.isNaN(date.getTime())) return undefined;
  return timezone ? adjustDateForTimeZone(date, timezone) : date;
}

/**
 * Moves `date` so that the wall clock it shows in the machine's zone is shown in `timezone` instead
 * (hexo common.ts `adjustDateForTimezone`, both offsets taken at the same instant as Hexo does).
 */
export function adjustDateForTimeZone(date: Date, timezone: string): Date {
  const ms = date.getTime();
  const target = zoneOffsetMinutesWest(timezone, ms);
  if (target === undefined) return new Date(ms);
  return new Date(ms - (date.getTimezoneOffset() - target) * MINUTE);
}

/** A timestamp with `Z` or `±HH[:MM]`, as js-yaml lib/type/timestamp.js spells it. */
const TIMESTAMP_WITH_OFFSET =
  /^\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?[ \t]*(Z|[-+]\d\d?(?::\d\d)?)$/;

/**
 * The explicit offset written in a date (a scalar's `source`, quotes allowed), e.g. '+08:00' or 'Z';
 * undefined when there is none.
 */
export function writtenDateOffset(source: string): string | undefined {
  let written = source.trim();
  const quote = written[0];
  if ((quote === '"' || quote === "'") && written.length >= 2 && written[written.length - 1] === quote) {
    written = written.slice(1, -1).trim();
  }
  return TIMESTAMP_WITH_OFFSET.exec(written)?.[1];
}

/**
 * True when the date carries an explicit offset that Hexo 8.1 does not honour (verified against
 * Hexo 8.1.2): an unquoted timestamp is converted to UTC by js-yaml, then hexo-front-matter v4 keeps
 * only the UTC wall clock, read in the site zone — `17:32:00+08:00` shows as 09:32. A quoted one goes
 * through `new Date()`, which honours the offset, but `adjustDateForTimezone` then moves it by the
 * difference between the machine's zone and `timezone`; it only survives when `timezone` is ''.
 */
export function hasIgnoredDateOffset(source: string, timezone: string): boolean {
  if (writtenDateOffset(source) === undefined) return false;
  const quoted = /^\s*["']/.test(source);
  return !quoted || timezone !== '';
}
