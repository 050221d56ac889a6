import type { CategoryPath } from '../../site/types';

/**
 * Tags and categories as Jekyll 4.3 builds them (Document#populate_tags, #populate_categories and
 * Utils.pluralized_array_from_hash), on a post's data after its defaults and front matter are merged.
 */

/** Ruby's truthiness: only nil and false are false. */
export function rubyTruthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

/** `String#split` with no argument: on runs of ASCII whitespace, leading and trailing ones ignored. */
export function rubySplit(text: string): string[] {
  return text.split(/[ \t\n\v\f\r]+/).filter((part) => part !== '');
}

/**
 * `pluralized_array_from_hash(data, singular, plural)`: the singular key's value when it is truthy
 * (never split), else the plural key's (a string split on whitespace, a list without its nils,
 * anything else nothing), flattened, nils dropped.
 */
export function pluralizedArray(data: Readonly<Record<string, unknown>>, singular: string, plural: string): unknown[] {
  let value: unknown = data[singular];
  if (!rubyTruthy(value)) {
    const written = data[plural];
    value = typeof written === 'string' ? rubySplit(written) : Array.isArray(written) ? written : undefined;
  }
  return flattenInto([value], []);
}

/** `flatten!` then `compact!`: the items of nested lists in order, nils dropped. */
function flattenInto(items: readonly unknown[], out: unknown[]): unknown[] {
  for (const item of items) {
    if (Array.isArray(item)) flattenInto(item, out);
    else if (item !== null && item !== undefined) out.push(item);
  }
  return out;
}

/** Ruby's `to_s` of a front-matter value, for the values names are made of. */
export function rubyToS(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (Array.isArray(value)) return `[${value.map((item) => (typeof item === 'string' ? JSON.stringify(item) : item === null ? 'nil' : rubyToS(item))).join(', ')}]`;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** A post's tags: `tag` (not split) or `tags`, as names (Jekyll keeps numbers as numbers; their names are the same). */
export function jekyllTags(data: Readonly<Record<string, unknown>>): string[] {
  return pluralizedArray(data, 'tag', 'tags').filter((tag) => typeof tag !== 'object' || tag instanceof Date).map(rubyToS);
}

/**
 * A post's categories, as `populate_categories` leaves them: the names of what `data.categories`
 * already holds (the folders above `_posts`, the defaults', the front matter's, merged as Jekyll
 * merges them) and of `category` (or `categories` again), each once — joined (`Array#|`) to the values
 * as written, so a number and its name are two categories (`[2024, "2024"]`), as in `site.categories`.
 */
export function jekyllCategories(data: Readonly<Record<string, unknown>>): string[] {
  const written = data.categories;
  const current = written === undefined || written === null ? [] : Array.isArray(written) ? written : [written];
  // `categories.map!(&:to_s)` comes before `flatten!`: a list inside the list becomes one name.
  const names = [...current, ...pluralizedArray(data, 'category', 'categories')].map(rubyToS);
  const seen = new Set<string>();
  const categories: string[] = [];
  for (const value of [...current, ...names]) {
    const key = `${typeof value}:${rubyToS(value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    categories.push(rubyToS(value));
  }
  return categories;
}

/** Jekyll's categories are flat: each is a one-level path. */
export function jekyllCategoryPaths(data: Readonly<Record<string, unknown>>): CategoryPath[] {
  return jekyllCategories(data).map((name) => [name]);
}
