/**
 * A small formatter for the moment.js tokens Hexo sites put in `date_format`/`time_format`
 * (hexo `lib/hexo/default_config.ts`: `YYYY-MM-DD` and `HH:mm:ss`), in an IANA time zone via Intl,
 * so the core needs no moment. `[text]` is literal, as in moment.
 */
const TOKENS = /\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a|ZZ|Z|X|x/g;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
  /** Minutes east of UTC. */
  readonly offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

/** The `Intl` formatter for a zone; '' (Hexo's default) and unknown zones mean the machine's zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  if (formatters.has(timeZone)) return formatters.get(timeZone);
  let formatter: Intl.DateTimeFormat | undefined;
  if (timeZone) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      formatter = undefined; // RangeError: not a zone Intl knows; the machine's zone applies
    }
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

function wallClock(date: Date, timeZone: string): WallClock {
  const formatter = formatterFor(timeZone);
  if (!formatter) {
    return {
      year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(),
      hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(),
      weekday: date.getDay(), offset: -date.getTimezoneOffset(),
    };
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const hour = parts.hour === 24 ? 0 : parts.hour;
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, hour, parts.minute, parts.second);
  const offset = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  return {
    year: parts.year, month: parts.month, day: parts.day, hour, minute: parts.minute, second: parts.second,
    weekday: new Date(asUtc).getUTCDay(), offset,
  };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function zone(offset: number, separator: string): string {
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset);
  return `${sign}${pad(Math.floor(minutes / 60))}${separator}${pad(minutes % 60)}`;
}

/** Formats `date` with moment-style `format` as the wall clock in `timeZone` ('' = the machine's zone). */
export function formatMomentDate(date: Date, format: string, timeZone: string): string {
  const clock = wallClock(date, timeZone);
  return format.replace(TOKENS, (token: string, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY': return pad(clock.year, 4);
      case 'YY': return pad(clock.year % 100);
      case 'MMMM': return MONTHS[clock.month - 1];
      case 'MMM': return MONTHS[clock.month - 1].slice(0, 3);
      case 'MM': return pad(clock.month);
      case 'M': return String(clock.month);
      case 'DD': return pad(clock.day);
      case 'D': return String(clock.day);
      case 'dddd': return WEEKDAYS[clock.weekday];
      case 'ddd': return WEEKDAYS[clock.weekday].slice(0, 3);
      case 'HH': return pad(clock.hour);
      case 'H': return String(clock.hour);
      case 'hh': return pad(clock.hour % 12 || 12);
      case 'h': return String(clock.hour % 12 || 12);
      case 'mm': return pad(clock.minute);
      case 'm': return String(clock.minute);
      case 'ss': return pad(clock.second);
      case 's': return String(clock.second);
      case 'SSS': return pad(date.getTime() % 1000, 3);
      case 'A': return clock.hour < 12 ? 'AM' : 'PM';
      case 'a': return clock.hour < 12 ? 'am' : 'pm';
      case 'ZZ': return zone(clock.offset, '');
      case 'Z': return zone(clock.offset, ':');
      case 'X': return String(Math.floor(date.getTime() / 1000));
      case 'x': return String(date.getTime());
      default: return token;
    }
  });
}
