import { zoneOffsetMinutesWest } from '../../time/zoneOffset';

/**
 * A date as Jekyll 4.3 reads it: `Utils.parse_date(value.to_s)`, i.e. Ruby's `Time.parse` in the
 * site's zone (Jekyll sets TZ to `timezone`; '' is the machine's zone). A YAML timestamp arrives as a
 * Date (Psych read it as UTC unless it named an offset) and keeps its instant. Written strings are
 * read in the common layouts (measured with Ruby 3.1): `2024-03-04`, `2024/3/4`, `20240304`, each
 * with an optional `10:00` or `10:00:00(.fraction)` after `T` or spaces and an optional offset
 * (`Z`, `UTC`, `+08:00`, `+0800`, `+08`); a day past the month's end rolls over as Ruby's does
 * (`2020-02-30` is March 1st), and so does an hour past 23 beside a numeric offset. Undefined when Jekyll cannot read it: the build then fails.
 * Ruby's parser reads more (`Jan 5 2020`); those are left out.
 */
export function readJekyllDate(value: unknown, timeZone: string): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const match = WRITTEN_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, compactYear, compactMonth, compactDay, hour, minute, second, fraction, zone] = match;
  const parts = {
    year: Number(year ?? compactYear), month: Number(month ?? compactMonth), day: Number(day ?? compactDay),
    hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0),
  };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31 || parts.minute > 59 || parts.second > 60) return undefined;
  // Ruby makes the time with a numeric offset by arithmetic, so any hour rolls over (`29:39 +0800` is
  // 05:39 the next day); otherwise only 24:00:00 does.
  const numericOffset = zone !== undefined && /^[+-]/.test(zone);
  if (!numericOffset && (parts.hour > 24 || (parts.hour === 24 && (parts.minute > 0 || parts.second > 0)))) return undefined;
  const milliseconds = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, milliseconds);
  if (zone !== undefined) return new Date(wall - zoneMinutesEast(zone) * 60_000);
  return new Date(inZone(wall, timeZone));
}

const WRITTEN_DATE = /^(?:(\d{4})[-/](\d{1,2})[-/](\d{1,2})|(\d{4})(\d{2})(\d{2}))(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;

function zoneMinutesEast(zone: string): number {
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0);
  return zone.startsWith('-') ? -minutes : minutes;
}

/** The instant when the wall clock in `timeZone` ('' for the machine's) shows `wall` (read as UTC). */
function inZone(wall: number, timeZone: string): number {
  if (timeZone === '') {
    const local = new Date(wall);
    return new Date(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds()).getTime();
  }
  const first = zoneOffsetMinutesWest(timeZone, wall);
  if (first === undefined) return wall;
  const second = zoneOffsetMinutesWest(timeZone, wall + first * 60_000) ?? first;
  return wall + second * 60_000;
}

/** The date at the start of a post's file name (`2024-3-4-title.md`), midnight in the site's zone. */
export function fileNameDate(year: number, month: number, day: number, timeZone: string): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return new Date(inZone(Date.UTC(year, month - 1, day), timeZone));
}
