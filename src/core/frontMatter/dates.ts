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

export function isKnownTimeZone(timezone: string): boolean {
  return formatterFor(timezone) !== undefined;
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

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timezone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone, hourCycle: 'h23', era: 'short',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      formatter = null; // RangeError: not a zone Intl knows
    }
    formatters.set(timezone, formatter);
  }
  return formatter ?? undefined;
}

/**
 * Offsets by zone and quarter hour. Indexing 10,000 posts asks for thousands of offsets and
 * formatToParts is slow; every zone transition in the tz database falls on a quarter hour, so one
 * answer serves the whole quarter. Bounded so a long session cannot grow it without limit.
 */
const QUARTER_HOUR = 15 * MINUTE;
/** By zone, then by quarter-hour number: numeric keys, no string built per lookup. */
const offsetCache = new Map<string, Map<number, number | undefined>>();
let cachedOffsets = 0;

/** The zone's offset at `ms` in minutes, positive west of UTC (the sign of getTimezoneOffset and moment). */
function zoneOffsetMinutesWest(timezone: string, ms: number): number | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let zone = offsetCache.get(timezone);
  if (zone?.has(quarter)) return zone.get(quarter);
  const offset = computeZoneOffsetMinutesWest(timezone, ms);
  if (cachedOffsets > 50_000) {
    offsetCache.clear();
    cachedOffsets = 0;
    zone = undefined;
  }
  if (!zone) offsetCache.set(timezone, (zone = new Map()));
  zone.set(quarter, offset);
  cachedOffsets++;
  return offset;
}

function computeZoneOffsetMinutesWest(timezone: string, ms: number): number | undefined {
  return offsetFromZoneName(timezone, ms) ?? offsetFromWallClock(timezone, ms);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat | null>();
/** `GMT`, `GMT+08:00`, `GMT+08:05:43` (a local mean time), as ICU spells `longOffset` in English. */
const LONG_OFFSET = /GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/;

/**
 * The offset from the zone's name at `ms`: one `format` call, a quarter of `formatToParts`'s cost.
 * Undefined when the engine spells it another way; `offsetFromWallClock` then answers. Exported for
 * the test that holds both equal.
 */
export function offsetFromZoneName(timezone: string, ms: number): number | undefined {
  let formatter = offsetFormatters.get(timezone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' });
    } catch {
      formatter = null;
    }
    offsetFormatters.set(timezone, formatter);
  }
  const match = formatter ? LONG_OFFSET.exec(formatter.format(ms)) : null;
  if (!match) return undefined;
  const seconds = match[1] ? Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0) : 0;
  // East of UTC is negative here, as in offsetFromWallClock (`GMT` gives -0 there too).
  return -((match[1] === '-' ? -seconds : seconds) * 1000) / MINUTE;
}

/** The offset from the zone's wall clock at `ms`, read with formatToParts. Exported for tests. */
export function offsetFromWallClock(timezone: string, ms: number): number | undefined {
  const formatter = formatterFor(timezone);
  if (!formatter) return undefined;
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(ms)) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return -(wall.getTime() - wholeSeconds) / MINUTE;
}
