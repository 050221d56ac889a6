import { FAILSAFE_SCHEMA, Type, YAMLException } from 'js-yaml';
import * as jsYaml from 'js-yaml';

/**
 * Jekyll 4.3 reads front matter with Ruby's Psych (`Psych.safe_load` with Date and Time permitted),
 * whose plain scalars resolve as YAML 1.1 does, not as js-yaml's default schema. Restated from
 * psych/scalar_scanner.rb (Ruby 3.1):
 * - `yes`/`no`/`on`/`off`/`true`/`false` in any case are booleans; `~`, `null` (any case) are null.
 * - `2024-03-04` is a Date (kept here as the string Ruby's `Date#to_s` prints, which Jekyll parses
 *   again in the site zone); `2024-03-04 10:00:00` is a Time, read as UTC unless it names an offset.
 * - integers take `_` and `,` (`1,000`), `0b`, `0x`, a leading `0` for octal, and `1:30` is base 60
 *   (as Psych weighs it: 5400); floats need a dot (`1e3` is a string).
 * - `:name` is a Ruby symbol, which `safe_load` refuses: the whole front matter is unreadable.
 */
const TIME = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
const DATE = /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/;
const INTEGER = /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/;
const SEXAGESIMAL_INT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$/;
const SEXAGESIMAL_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$/;
/** Psych's first test: a word-like scalar is a string unless it is a short null or boolean. */
const WORD_LIKE = /^[^\d.:-]?[\p{L}_\s!@#$%^&*(){}<>|/\\~;=]+/u;
/** Psych's `/^[^ytonf~]/i`: the first letters of the words it reads as null or booleans. */
const WORD_START = new Set(['y', 'Y', 't', 'T', 'o', 'O', 'n', 'N', 'f', 'F', '~']);

function wordValue(data: string): { value: null | boolean } | undefined {
  // The cheap tests first: every plain scalar of every post comes through here twice.
  if (data.length === 0 || data.length > 5 || !WORD_START.has(data[0]) || !WORD_LIKE.test(data)) return undefined;
  if (data === '~' || /^null$/i.test(data)) return { value: null };
  if (/^(yes|true|on)$/i.test(data)) return { value: true };
  if (/^(no|false|off)$/i.test(data)) return { value: false };
  return undefined;
}

const psychNull = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || data === '' || wordValue(data)?.value === null,
  construct: () => null,
  predicate: (value: unknown) => value === null,
});

const psychBool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && typeof wordValue(data)?.value === 'boolean',
  construct: (data: string) => wordValue(data)?.value,
  predicate: (value: unknown) => typeof value === 'boolean',
});

/** Psych's `parse_time`: the written offset, or UTC when there is none. Invalid parts stay a string. */
function psychTime(data: string): Date | undefined {
  const match = /^(-?\d{4})-(\d{1,2})-(\d{1,2})[ tT]\s*(\d+):(\d+):(\d+)(?:\.(\d*))?\s*(Z|[-+]\d{1,2}:?(?:\d\d)?)?$/.exec(data);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match.map((part) => part ?? '');
  const milliseconds = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), milliseconds);
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return undefined;
  if (!zone || zone === 'Z') return check;
  // Psych: `^([+\-]?\d{1,2})\:?(\d{1,2})?$` on the offset: `+0800` is 8 hours, `+08:00` too.
  const [, hours, minutes = '0'] = /^[-+](\d{1,2}):?(\d{1,2})?$/.exec(zone) ?? ['', '0'];
  const offset = (Number(hours) * 60 + Number(minutes)) * (zone.startsWith('-') ? -1 : 1);
  return new Date(wall - offset * 60_000);
}

/** js-yaml resolves a scalar and then constructs it: the time read by the first is kept for the second. */
let resolvedTime: { readonly data: string; readonly date: Date } | undefined;

const psychTimestamp = new Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (data: string | null) => {
    const date = data !== null && TIME.test(data) ? psychTime(data) : undefined;
    resolvedTime = date && data !== null ? { data, date } : undefined;
    return date !== undefined;
  },
  construct: (data: string) => (resolvedTime?.data === data ? resolvedTime.date : psychTime(data)),
  instanceOf: Date,
});

/** A Date (`2024-3-4`) as Ruby prints it, `2024-03-04`; an impossible day (`2024-02-30`) stays the string written. */
function psychDate(data: string): string | undefined {
  const [year, month, day] = data.split('-').map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const psychDateString = new Type('tag:postcraft.dev,2026:psych-date', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && DATE.test(data) && psychDate(data) !== undefined,
  construct: (data: string) => psychDate(data),
});

/**
 * Psych's base 60 weighs part `e` by `60 ** (e - 2).abs`: right for `1:30:15` (3600, 60, 1), but
 * `1:30` is 1 * 3600 + 30 * 60 = 5400 (measured), not 90, and `-1:30` is -1800.
 */
function sexagesimal(data: string): number {
  // The sign stays with the first part (`-1:30` is -3600 + 1800).
  const parts = data.replace(/_/g, '').split(':');
  return parts.reduce((total, part, e) => total + Number(part) * 60 ** Math.abs(e - 2), 0);
}

function psychInteger(data: string): number {
  const sign = data.startsWith('-') ? -1 : 1;
  const digits = data.replace(/^[-+]/, '').replace(/[,_]/g, '');
  if (/^0b/i.test(digits)) return sign * parseInt(digits.slice(2), 2);
  if (/^0x/i.test(digits)) return sign * parseInt(digits.slice(2), 16);
  if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits.slice(1), 8);
  return sign * Number(digits);
}

const psychInt = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (SEXAGESIMAL_INT.test(data) || (INTEGER.test(data) && !Number.isNaN(psychInteger(data)))),
  construct: (data: string) => (SEXAGESIMAL_INT.test(data) ? sexagesimal(data) : psychInteger(data)),
  predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
});

const psychFloat = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (/^\+?\.inf$/i.test(data) || /^-\.inf$/i.test(data) || /^\.nan$/i.test(data)
    || SEXAGESIMAL_FLOAT.test(data) || (FLOAT.test(data) && !/^[-+]?\.$/.test(data))),
  construct: (data: string) => {
    if (/^\+?\.inf$/i.test(data)) return Infinity;
    if (/^-\.inf$/i.test(data)) return -Infinity;
    if (/^\.nan$/i.test(data)) return NaN;
    if (SEXAGESIMAL_FLOAT.test(data)) return sexagesimal(data);
    return Number(data.replace(/[,_]/g, '').replace(/\.([Ee]|$)/, '$1'));
  },
  predicate: (value: unknown) => typeof value === 'number',
});

/** `:name` loads a Symbol, a class `safe_load` does not permit (Psych::DisallowedClass). */
const psychSymbol = new Type('tag:postcraft.dev,2026:psych-symbol', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && /^:./.test(data),
  construct: (data: string) => {
    throw new YAMLException(`Tried to load unspecified class: Symbol (${data})`);
  },
});

/** js-yaml's own merge key and explicit types (exported at run time, not in its type definitions). */
const types = (jsYaml as unknown as { types: Record<'merge' | 'binary' | 'omap' | 'pairs' | 'set', Type> }).types;

/** Plain scalars resolve in Psych's order: words (null, booleans), times, dates, then numbers. */
export const PSYCH_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [psychNull, psychBool, psychTimestamp, psychDateString, psychSymbol, psychInt, psychFloat, types.merge],
  explicit: [types.binary, types.omap, types.pairs, types.set],
});
