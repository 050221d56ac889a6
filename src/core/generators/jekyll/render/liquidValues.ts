import { zoneOffsetMinutesWest } from '../../../time/zoneOffset';

/**
 * Liquid expressions as the preview evaluates them: `site.title`, `page.x.y`, `list[0]`, literals,
 * and the filters writers use that cost nothing to do right (measured against Jekyll 4.3.1). A name
 * Liquid finds nothing for is nil and prints as nothing; a filter the preview does not know leaves
 * the value as it is (Liquid's lax mode ignores an unknown filter too, measured).
 */
export interface LiquidScope {
  /** Variables by name: `site`, `page`, `include`, and what `assign` and `capture` set. */
  readonly variables: Map<string, unknown>;
  /** The site's zone for dates ('' for the machine's). */
  readonly timeZone: string;
  /** `site.baseurl` and `site.url`, for `relative_url` and `absolute_url`. */
  readonly baseurl: string;
  readonly url: string;
}

/** The value of an output's markup (`value | filter: arg`). */
export function evaluateOutput(markup: string, scope: LiquidScope): unknown {
  const [head, ...filters] = splitOutside(markup, '|');
  let value = evaluateExpression(head.trim(), scope);
  for (const filter of filters) {
    const colon = filter.indexOf(':');
    const name = (colon === -1 ? filter : filter.slice(0, colon)).trim();
    const args = colon === -1 ? [] : splitOutside(filter.slice(colon + 1), ',').map((arg) => evaluateExpression(arg.trim(), scope));
    value = applyFilter(name, value, args, scope);
  }
  return value;
}

const STRING = /^(?:"([^"]*)"|'([^']*)')$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const PATH_PART = /^(?:\.?([A-Za-z_][\w-]*\??)|\[\s*(?:"([^"]*)"|'([^']*)'|(-?\d+)|([A-Za-z_][\w.-]*))\s*\])/;

/** A literal or a variable path (`page.tags[0]`, `site["title"]`). */
export function evaluateExpression(text: string, scope: LiquidScope): unknown {
  if (text === '') return undefined;
  const string = STRING.exec(text);
  if (string) return string[1] ?? string[2];
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'nil' || text === 'null' || text === 'empty' || text === 'blank') return undefined;
  let rest = text;
  let value: unknown = scope.variables;
  let first = true;
  while (rest !== '') {
    const part = PATH_PART.exec(rest);
    if (!part) return undefined;
    rest = rest.slice(part[0].length);
    const key = part[1] ?? part[2] ?? part[3] ?? (part[4] !== undefined ? Number(part[4]) : part[5] !== undefined ? evaluateExpression(part[5], scope) : undefined);
    value = first ? scope.variables.get(String(key)) : lookup(value, key);
    first = false;
    if (value === undefined || value === null) return undefined;
  }
  return value;
}

function lookup(value: unknown, key: unknown): unknown {
  if (Array.isArray(value)) {
    if (typeof key === 'number') return value.at(key);
    if (key === 'size') return value.length;
    if (key === 'first') return value[0];
    if (key === 'last') return value[value.length - 1];
    return undefined;
  }
  if (typeof value === 'string' && key === 'size') return value.length;
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && typeof key === 'string') {
    if (Object.prototype.hasOwnProperty.call(value, key)) return (value as Record<string, unknown>)[key];
    if (key === 'size') return Object.keys(value).length;
  }
  return undefined;
}

/**
 * A condition as Liquid evaluates it: comparisons (`==`, `!=`, `<>`, `<`, `>`, `<=`, `>=`,
 * `contains`) joined by `and` / `or`, read right to left without precedence, as Liquid does; only nil
 * and false are false.
 */
export function evaluateCondition(markup: string, scope: LiquidScope): boolean {
  const parts = splitOutsideWords(markup.trim(), /\s+(and|or)\s+/y);
  let result = comparison(parts[parts.length - 1], scope);
  for (let i = parts.length - 2; i > 0; i -= 2) {
    const left = comparison(parts[i - 1], scope);
    result = parts[i] === 'and' ? left && result : left || result;
  }
  return result;
}

function comparison(text: string, scope: LiquidScope): boolean {
  const match = /^(.+?)\s*(==|!=|<>|<=|>=|<|>|\scontains\s)\s*(.+)$/.exec(text.trim());
  if (!match) return truthy(evaluateExpression(text.trim(), scope));
  const operator = match[2].trim();
  const left = evaluateExpression(match[1].trim(), scope);
  const rightText = match[3].trim();
  if ((operator === '==' || operator === '!=' || operator === '<>') && (rightText === 'empty' || rightText === 'blank')) {
    const empty = left === '' || (Array.isArray(left) && left.length === 0) || (typeof left === 'object' && left !== null && !(left instanceof Date) && Object.keys(left).length === 0)
      || (rightText === 'blank' && (left === undefined || left === null || left === false || (typeof left === 'string' && left.trim() === '')));
    return operator === '==' ? empty : !empty;
  }
  const right = evaluateExpression(rightText, scope);
  switch (operator) {
    case '==': return same(left, right);
    case '!=':
    case '<>': return !same(left, right);
    case 'contains':
      if (typeof left === 'string') return typeof right === 'string' || typeof right === 'number' ? left.includes(String(right)) : false;
      return Array.isArray(left) ? left.some((item) => same(item, right)) : false;
    default: {
      if (typeof left !== typeof right || (typeof left !== 'number' && typeof left !== 'string')) return false;
      const [a, b] = [left as number | string, right as number | string];
      return operator === '<' ? a < b : operator === '>' ? a > b : operator === '<=' ? a <= b : a >= b;
    }
  }
}

function truthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

function same(left: unknown, right: unknown): boolean {
  if (left instanceof Date && right instanceof Date) return left.getTime() === right.getTime();
  return (left ?? null) === (right ?? null);
}

/** `a and b or c` → ['a', 'and', 'b', 'or', 'c'], quotes respected. */
function splitOutsideWords(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      continue;
    }
    separator.lastIndex = i;
    const match = separator.exec(text);
    if (match) {
      parts.push(text.slice(from, i), match[1]);
      from = i + match[0].length;
      i = from - 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

const SEPARATORS = { '|': /(\|)/y, ',': /(,)/y } as const;

/** Splits on one character outside quotes (`|` between filters, `,` between arguments). */
function splitOutside(text: string, separator: '|' | ','): string[] {
  const parts = splitOutsideWords(text, SEPARATORS[separator]);
  // Every other part is a separator.
  return parts.filter((_part, index) => index % 2 === 0);
}

/** How Liquid prints a value: nil as nothing, a list as its items run together, a date as Ruby's `Time#to_s`. */
export function liquidToS(value: unknown, timeZone: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return strftime(value, '%Y-%m-%d %H:%M:%S %z', timeZone);
  if (Array.isArray(value)) return value.map((item) => liquidToS(item, timeZone)).join('');
  if (typeof value === 'object') {
    // Ruby's Hash#to_s (inspect): {"a"=>"b"}.
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}=>${typeof item === 'string' ? JSON.stringify(item) : liquidToS(item, timeZone)}`).join(', ')}}`;
  }
  return String(value);
}

function applyFilter(name: string, value: unknown, args: unknown[], scope: LiquidScope): unknown {
  const text = (): string => liquidToS(value, scope.timeZone);
  switch (name) {
    case 'date': {
      const date = toDate(value);
      const format = typeof args[0] === 'string' ? args[0] : undefined;
      return date && format ? strftime(date, format, scope.timeZone) : value;
    }
    case 'date_to_string': {
      const date = toDate(value);
      return date ? strftime(date, '%d %b %Y', scope.timeZone) : value;
    }
    case 'date_to_long_string': {
      const date = toDate(value);
      return date ? strftime(date, '%d %B %Y', scope.timeZone) : value;
    }
    case 'date_to_xmlschema': {
      const date = toDate(value);
      return date ? strftime(date, '%Y-%m-%dT%H:%M:%S%:z', scope.timeZone) : value;
    }
    case 'upcase': return text().toUpperCase();
    case 'downcase': return text().toLowerCase();
    case 'capitalize': {
      const string = text();
      return string.charAt(0).toUpperCase() + string.slice(1).toLowerCase();
    }
    case 'strip': return text().trim();
    case 'lstrip': return text().trimStart();
    case 'rstrip': return text().trimEnd();
    case 'append': return text() + liquidToS(args[0], scope.timeZone);
    case 'prepend': return liquidToS(args[0], scope.timeZone) + text();
    case 'default': return value === undefined || value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0) ? args[0] : value;
    case 'escape':
    case 'xml_escape': return value === undefined || value === null ? value : text().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    case 'strip_html': return text().replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->|<[^>]*>/g, '');
    case 'strip_newlines': return text().replace(/\r?\n/g, '');
    case 'size': return Array.isArray(value) ? value.length : typeof value === 'string' ? value.length : typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
    case 'join': return Array.isArray(value) ? value.map((item) => liquidToS(item, scope.timeZone)).join(args[0] === undefined ? ' ' : liquidToS(args[0], scope.timeZone)) : value;
    case 'first': return Array.isArray(value) ? value[0] : typeof value === 'string' ? value.charAt(0) : undefined;
    case 'last': return Array.isArray(value) ? value[value.length - 1] : typeof value === 'string' ? value.charAt(value.length - 1) : undefined;
    case 'remove': return text().split(liquidToS(args[0], scope.timeZone)).join('');
    case 'replace': return text().split(liquidToS(args[0], scope.timeZone)).join(liquidToS(args[1], scope.timeZone));
    case 'slugify': return text().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
    case 'relative_url': return relativeUrl(value === undefined || value === null ? '' : text(), scope.baseurl);
    case 'absolute_url': return scope.url.replace(/\/+$/, '') + relativeUrl(value === undefined || value === null ? '' : text(), scope.baseurl);
    default: return value;
  }
}

/** Jekyll's `relative_url`: the site's baseurl before the path, with one slash between. */
function relativeUrl(path: string, baseurl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  const base = baseurl.replace(/\/+$/, '');
  const joined = `${base}/${path.replace(/^\/+/, '')}`;
  return joined.startsWith('/') ? joined : `/${joined}`;
}

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    if (value === 'now' || value === 'today') return new Date();
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  if (typeof value === 'number') return new Date(value * 1000);
  return undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Ruby's `strftime` for the directives blogs use, in the site's zone. */
export function strftime(date: Date, format: string, timeZone: string): string {
  const west = (timeZone ? zoneOffsetMinutesWest(timeZone, date.getTime()) : undefined) ?? date.getTimezoneOffset();
  const wall = new Date(date.getTime() - west * 60_000);
  const east = -west;
  const pad = (value: number, width = 2, padding = '0'): string => String(value).padStart(width, padding);
  const offset = (colon: boolean): string => `${east < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(east) / 60))}${colon ? ':' : ''}${pad(Math.abs(east) % 60)}`;
  return format.replace(/%([-_0^]?)(:?[A-Za-z%])/g, (whole, flag: string, directive: string) => {
    const number = (value: number, width = 2): string => (flag === '-' ? String(value) : flag === '_' ? pad(value, width, ' ') : pad(value, width));
    const hour12 = wall.getUTCHours() % 12 || 12;
    const word = (text: string): string => (flag === '^' ? text.toUpperCase() : text);
    switch (directive) {
      case 'Y': return String(wall.getUTCFullYear());
      case 'y': return number(wall.getUTCFullYear() % 100);
      case 'C': return number(Math.floor(wall.getUTCFullYear() / 100));
      case 'm': return number(wall.getUTCMonth() + 1);
      case 'd': return number(wall.getUTCDate());
      case 'e': return flag === '-' ? String(wall.getUTCDate()) : pad(wall.getUTCDate(), 2, ' ');
      case 'j': return number(Math.floor((wall.getTime() - Date.UTC(wall.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3);
      case 'H': return number(wall.getUTCHours());
      case 'k': return pad(wall.getUTCHours(), 2, ' ');
      case 'I': return number(hour12);
      case 'l': return flag === '-' ? String(hour12) : pad(hour12, 2, ' ');
      case 'M': return number(wall.getUTCMinutes());
      case 'S': return number(wall.getUTCSeconds());
      case 'L': return pad(wall.getUTCMilliseconds(), 3);
      case 'p': return wall.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'P': return wall.getUTCHours() < 12 ? 'am' : 'pm';
      case 'b':
      case 'h': return word(MONTHS[wall.getUTCMonth()].slice(0, 3));
      case 'B': return word(MONTHS[wall.getUTCMonth()]);
      case 'a': return word(DAYS[wall.getUTCDay()].slice(0, 3));
      case 'A': return word(DAYS[wall.getUTCDay()]);
      case 'u': return String(wall.getUTCDay() || 7);
      case 'w': return String(wall.getUTCDay());
      case 'z': return offset(false);
      case ':z': return offset(true);
      case 's': return String(Math.floor(date.getTime() / 1000));
      case 'F': return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
      case 'T': return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
      case 'D': return `${pad(wall.getUTCMonth() + 1)}/${pad(wall.getUTCDate())}/${pad(wall.getUTCFullYear() % 100)}`;
      case '%': return '%';
      default: return whole;
    }
  });
}
