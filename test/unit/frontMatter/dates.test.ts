import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { offsetFromWallClock, offsetFromZoneName, zoneOffsetMinutesWest } from '../../../src/core/time/zoneOffset';
import { formatMomentDate } from '../../../src/core/site/dateFormat';
import {
  hasIgnoredDateOffset, isKnownTimeZone, parseFrontMatter, readHexoDate, writtenDateOffset,
} from '../../../src/core/frontMatter';

/** The Date Hexo stores for `date:` written as `written`, given the site's `timezone`. */
function hexoDate(written: string, timezone: string): Date | undefined {
  return readHexoDate(parseFrontMatter(`---\ndate: ${written}\n---\n`).data.date, timezone);
}

// Expected values were checked against Hexo 8.1.2 itself (a scratch site read through Hexo's API
// with TZ=UTC, Asia/Shanghai and America/Los_Angeles). These tests hold in any machine zone.
describe('readHexoDate', () => {
  it('reads a written wall clock in the site zone', () => {
    assert.equal(hexoDate('2026-03-02 17:32:00', 'Asia/Shanghai')?.toISOString(), '2026-03-02T09:32:00.000Z');
    assert.equal(hexoDate('2026-07-15 02:30:00', 'America/New_York')?.toISOString(), '2026-07-15T06:30:00.000Z');
  });

  it("reads a written wall clock in the machine's zone when timezone is empty", () => {
    assert.equal(hexoDate('2026-03-02 17:32:00', '')?.getTime(), new Date(2026, 2, 2, 17, 32).getTime());
    assert.equal(hexoDate('2026-3-2 7:05:09', '')?.getTime(), new Date(2026, 2, 2, 7, 5, 9).getTime());
  });

  it('reads a bare date as midnight in the site zone', () => {
    assert.equal(hexoDate('2026-03-02', 'Asia/Shanghai')?.toISOString(), '2026-03-01T16:00:00.000Z');
  });

  it('turns an explicit offset into UTC, then reads that clock in the site zone', () => {
    assert.equal(hexoDate('2026-03-02 17:32:00 +08:00', 'Asia/Shanghai')?.toISOString(), '2026-03-02T01:32:00.000Z');
    assert.equal(hexoDate('2026-03-02T17:32:00Z', 'Asia/Shanghai')?.toISOString(), '2026-03-02T09:32:00.000Z');
  });

  it('reads a quoted date through new Date(), so a quoted ISO date is UTC midnight before the zone shift', () => {
    const quoted = hexoDate('"2026-03-02"', '');
    assert.equal(quoted?.toISOString(), '2026-03-02T00:00:00.000Z');
    assert.equal(hexoDate('"2026-03-02 17:32:00"', 'Asia/Shanghai')?.toISOString(), '2026-03-02T09:32:00.000Z');
  });

  it('reads other strings and numbers through new Date()', () => {
    assert.equal(hexoDate('2026/03/02 17:32', 'Asia/Shanghai')?.toISOString(), '2026-03-02T09:32:00.000Z');
    assert.equal(readHexoDate(1700000000000, '')?.getTime(), 1700000000000);
  });

  it('returns undefined where Hexo falls back to the file name or the file times', () => {
    assert.equal(hexoDate('not a date', 'Asia/Shanghai'), undefined);
    assert.equal(readHexoDate(undefined, ''), undefined);
    assert.equal(readHexoDate(null, ''), undefined);
    assert.equal(readHexoDate('', ''), undefined);
    assert.equal(readHexoDate(0, ''), undefined);
    assert.equal(readHexoDate({}, ''), undefined);
  });

  it('does not modify the Date it is given', () => {
    const date = new Date(Date.UTC(2026, 0, 1));
    readHexoDate(date, 'Asia/Shanghai');
    assert.equal(date.toISOString(), '2026-01-01T00:00:00.000Z');
  });

  it('ignores a zone name it does not know', () => {
    assert.equal(isKnownTimeZone('Mars/Olympus'), false);
    assert.equal(isKnownTimeZone('Asia/Shanghai'), true);
    assert.equal(hexoDate('2026-03-02 17:32:00', 'Mars/Olympus')?.getTime(), new Date(2026, 2, 2, 17, 32).getTime());
  });
});

describe('date offsets', () => {
  it('finds an offset written in a timestamp', () => {
    assert.equal(writtenDateOffset('2026-03-02 17:32:00 +08:00'), '+08:00');
    assert.equal(writtenDateOffset('2026-03-02T17:32:00Z'), 'Z');
    assert.equal(writtenDateOffset('"2026-03-02T17:32:00-05"'), '-05');
    assert.equal(writtenDateOffset('2026-03-02 17:32:00'), undefined);
    assert.equal(writtenDateOffset('2026-03-02'), undefined);
  });

  it('tells when Hexo 8.1 does not honour the offset', () => {
    assert.equal(hasIgnoredDateOffset('2026-03-02 17:32:00+08:00', ''), true);
    assert.equal(hasIgnoredDateOffset('2026-03-02 17:32:00+08:00', 'Asia/Shanghai'), true);
    assert.equal(hasIgnoredDateOffset('"2026-03-02 17:32:00+08:00"', ''), false);
    assert.equal(hasIgnoredDateOffset('"2026-03-02 17:32:00+08:00"', 'Asia/Shanghai'), true);
    assert.equal(hasIgnoredDateOffset('2026-03-02 17:32:00', 'Asia/Shanghai'), false);
  });

  it('reads a zone offset from its name exactly as from its wall clock, local mean times and DST included', () => {
    // Zones with half- and quarter-hour offsets, DST both sides of the equator, and local mean
    // times with seconds before 1900 (Kolkata +5:21:10, Amsterdam +0:19:32, Monrovia -0:44:30).
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Europe/Amsterdam', 'Asia/Kolkata', 'Asia/Kathmandu',
      'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Africa/Monrovia', 'America/Sao_Paulo', 'UTC', 'Etc/GMT+12'];
    const instant = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(fc.property(fc.constantFrom(...zones), instant, (zone, ms) => {
      const fromName = offsetFromZoneName(zone, ms);
      assert.ok(fromName !== undefined, 'this engine spells longOffset as GMT±HH:MM[:SS]');
      assert.ok(Object.is(fromName, offsetFromWallClock(zone, ms)), `${zone} at ${new Date(ms).toISOString()}`);
    }), { numRuns: 3000 });
    // Either side of a DST change: 2026-03-08 07:00 UTC in New York.
    for (const ms of [Date.UTC(2026, 2, 8, 6, 59, 59), Date.UTC(2026, 2, 8, 7)]) {
      assert.ok(Object.is(offsetFromZoneName('America/New_York', ms), offsetFromWallClock('America/New_York', ms)));
    }
    assert.equal(offsetFromZoneName('Mars/Olympus', 0), undefined);
  });

  it('writes the wall clock Intl shows in the zone, with the one offset module the reader uses', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Amsterdam', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Africa/Monrovia', 'UTC'];
    const instant = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(fc.property(fc.constantFrom(...zones), instant, (zone, ms) => {
      const intl = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      }).format(ms).replace(', ', ' ');
      assert.equal(formatMomentDate(new Date(ms), 'YYYY-MM-DD HH:mm:ss', zone), intl, `${zone} at ${new Date(ms).toISOString()}`);
    }), { numRuns: 2000 });
    assert.equal(formatMomentDate(new Date(Date.UTC(2026, 0, 1, 16)), 'YYYY-MM-DD HH:mm Z', 'Asia/Shanghai'), '2026-01-02 00:00 +08:00');
  });
});

describe('zone offsets cached by day', () => {
  it('answers every time of a day without a transition, and each side of a transition on the day it happens', () => {
    // New York springs forward on 2024-03-10 at 07:00 UTC; Shanghai has no transition.
    assert.equal(zoneOffsetMinutesWest('America/New_York', Date.UTC(2024, 2, 10, 6, 59)), 300);
    assert.equal(zoneOffsetMinutesWest('America/New_York', Date.UTC(2024, 2, 10, 7, 1)), 240);
    assert.equal(zoneOffsetMinutesWest('America/New_York', Date.UTC(2024, 2, 10, 0, 0)), 300);
    assert.equal(zoneOffsetMinutesWest('America/New_York', Date.UTC(2024, 2, 10, 23, 59)), 240);
    for (const hour of [0, 9, 23]) assert.equal(zoneOffsetMinutesWest('Asia/Shanghai', Date.UTC(2024, 2, 10, hour)), -480);
    assert.equal(zoneOffsetMinutesWest('Not/AZone', Date.UTC(2024, 2, 10)), undefined);
    assert.equal(zoneOffsetMinutesWest('Not/AZone', Date.UTC(2024, 2, 10, 12)), undefined);
  });
});
