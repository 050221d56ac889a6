import { zoneOffsetMinutesWest } from '../../time/zoneOffset';

/**
 * A front-matter date as Hugo 0.111 reads it (spf13/cast's layouts, in the site's `timeZone` when the
 * value names no offset). TOML offset date-times arrive as `Date`; every other date arrives as the
 * string written. Undefined when Hugo cannot read it (it then silently uses the zero date).
 */
export function readHugoDate(value: unknown, timeZone: string): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const match = HUGO_DATE.exec(value);
  if (!match) return undefined;
  const [, year, month, day, separator, hour, minute, second, fraction, zone] = match;
  if (hour === undefined && (separator !== undefined || zone !== undefined)) return undefined;
  const milliseconds = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), milliseconds);
  if (!validParts(wall, Number(year), Number(month), Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0))) return undefined;
  if (zone !== undefined) return new Date(wall - zoneMinutes(zone) * 60_000);
  return new Date(inZone(wall, timeZone));
}

/**
 * `2006-01-02`, `2006-01-02T15:04:05`, `2006-01-02 15:04:05`, each with an optional fraction and an
 * optional offset (`Z`, `+08:00`, `+0800`, and after a space for the space form). Hours may have one
 * digit (Go's `15`); months, days, minutes and seconds need two. `2022-01-03 10:00` matches nothing.
 */
const HUGO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{1,2}):(\d{2}):(\d{2})(\.\d+)?(?: ?(Z|[+-]\d{2}:?\d{2}))?)?$/;

function zoneMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return zone.startsWith('-') ? -minutes : minutes;
}

function validParts(wall: number, year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const date = new Date(wall);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    && hour < 24 && minute < 60 && second < 60;
}

/** The instant when the wall clock in `timeZone` shows `wall` (read as UTC). Unknown zones read as UTC. */
function inZone(wall: number, timeZone: string): number {
  if (timeZone === '' || timeZone === 'UTC') return wall;
  const first = zoneOffsetMinutesWest(timeZone, wall);
  if (first === undefined) return wall;
  const guess = wall + first * 60_000;
  const second = zoneOffsetMinutesWest(timeZone, guess) ?? first;
  return wall + second * 60_000;
}
