/**
 * Hugo's page parameters as `.Param` reads them (hugo 0.111, `resource.Param`): keys lower-cased, the
 * page's front matter first, then the site's `[params]`; a dotted key (`author.name`) is looked up
 * whole first, then as a path, in the page and then in the site.
 */
export function pageParam(page: Readonly<Record<string, unknown>>, site: Readonly<Record<string, unknown>>, key: string): unknown {
  const lower = key.toLowerCase();
  const whole = valueOf(page, lower) ?? valueOf(site, lower);
  if (whole !== undefined || !lower.includes('.')) return whole;
  const path = lower.split('.');
  return nested(page, path) ?? nested(site, path);
}

/**
 * What Hugo's `param` shortcode finds: its value, or undefined where the shortcode fails the build.
 * It fails on a falsy value too (`with` skips false, 0 and ""), measured: `Param "x" not found`.
 */
export function shortcodeParam(page: Readonly<Record<string, unknown>>, site: Readonly<Record<string, unknown>>, key: string): unknown {
  const value = pageParam(page, site, key);
  return isEmpty(value) ? undefined : value;
}

/** Go's emptiness, as a template's `with`/`if` judges it. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length === 0;
  return false;
}

/** A value as Go's `{{ . }}` prints it: lists `[a b]`, maps `map[k:v]` by sorted key, times in UTC. */
export function goPrint(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `${value.toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([key, item]) => `${key}:${goPrint(item)}`).join(' ')}]`;
  }
  return String(value);
}

/** Front matter keys compare without case in Hugo: the first spelling of a key wins. */
function valueOf(data: Readonly<Record<string, unknown>>, lower: string): unknown {
  for (const [key, value] of Object.entries(data)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

function nested(data: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || current instanceof Date) return undefined;
    current = valueOf(current as Record<string, unknown>, segment);
  }
  return current;
}
