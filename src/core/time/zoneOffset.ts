/**
 * Time-zone offsets from IANA zone names via Intl, with no moment-timezone: one module for reading
 * dates in a site's zone (frontMatter/dates.ts) and for writing them (site/dateFormat.ts).
 */

const MINUTE = 60 * 1000;

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

/** Values by zone and numeric key, emptied whole past `limit` entries: a long session cannot grow it without limit. */
class ZoneTable<V> {
  private readonly zones = new Map<string, Map<number, V>>();
  private entries = 0;

  constructor(private readonly limit: number) {}

  has(zone: string, key: number): boolean {
    return this.zones.get(zone)?.has(key) ?? false;
  }

  get(zone: string, key: number): V | undefined {
    return this.zones.get(zone)?.get(key);
  }

  set(zone: string, key: number, value: V): void {
    if (this.entries > this.limit) {
      this.zones.clear();
      this.entries = 0;
    }
    let keys = this.zones.get(zone);
    if (!keys) this.zones.set(zone, (keys = new Map()));
    keys.set(key, value);
    this.entries++;
  }
}

/**
 * Offsets by zone and quarter hour. Indexing 10,000 posts asks for thousands of offsets and
 * formatToParts is slow; every zone transition in the tz database falls on a quarter hour, so one
 * answer serves the whole quarter. Keys are quarter-hour numbers: no string built per lookup.
 */
const QUARTER_HOUR = 15 * MINUTE;
const offsetCache = new ZoneTable<number | undefined>(50_000);

/**
 * Offsets by zone and UTC day, for days without a transition: posts are dated on a few hundred days,
 * and two lookups (the day's first and last instant) answer for every time of such a day. A day whose
 * ends differ falls back to quarter hours. `null`: that day has a transition.
 */
const DAY = 24 * 60 * MINUTE;
const dayCache = new ZoneTable<number | undefined | null>(50_000);

/** The zone's offset at `ms` in minutes, positive west of UTC (the sign of getTimezoneOffset and moment). */
export function zoneOffsetMinutesWest(timezone: string, ms: number): number | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const day = Math.floor(ms / DAY);
  let whole = dayCache.get(timezone, day);
  if (whole === undefined && !dayCache.has(timezone, day)) {
    const first = quarterOffset(timezone, day * DAY);
    const last = quarterOffset(timezone, (day + 1) * DAY - 1);
    whole = first === last ? first : null;
    dayCache.set(timezone, day, whole);
  }
  return whole === null ? quarterOffset(timezone, ms) : whole;
}

/** The offset at `ms`, cached by quarter hour. */
function quarterOffset(timezone: string, ms: number): number | undefined {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  if (offsetCache.has(timezone, quarter)) return offsetCache.get(timezone, quarter);
  const offset = computeZoneOffsetMinutesWest(timezone, ms);
  offsetCache.set(timezone, quarter, offset);
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

/** Whether Intl knows the zone (an unknown one makes Hexo fail; Postcraft then uses the machine's). */
export function isKnownTimeZone(timezone: string): boolean {
  return formatterFor(timezone) !== undefined;
}
