/**
 * A small formatter for the moment.js tokens Hexo sites put in `date_format`/`time_format`
 * (hexo `lib/hexo/default_config.ts`: `YYYY-MM-DD` and `HH:mm:ss`), in an IANA time zone via Intl,
 * so the core needs no moment. `[text]` is literal, as in moment.
 */
import { zoneOffsetMinutesWest } from '../time/zoneOffset';

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

/**
 * The wall clock `date` shows in `timeZone`; '' (Hexo's default) and zones Intl does not know mean
 * the machine's zone. The offset comes from the one zone-offset module the date reader uses too.
 */
function wallClock(date: Date, timeZone: string): WallClock {
  const west = timeZone ? zoneOffsetMinutesWest(timeZone, date.getTime()) : undefined;
  if (west === undefined) {
    return {
      year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(),
      hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(),
      weekday: date.getDay(), offset: -date.getTimezoneOffset(),
    };
  }
  // The instant moved by the zone's offset shows the zone's wall clock in UTC fields.
  const wall = new Date(date.getTime() - west * 60000);
  return {
    year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
    hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(), offset: Math.round(-west),
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
