import type { CategoryPath } from '../../site/types';

/**
 * Tags and categories exactly as Hexo reads them from a post's data
 * (hexo `lib/plugins/processor/post.ts` and `setTags`/`setCategories` in `lib/models/post.ts`).
 */

/** Hexo's `removeEmptyTag`: null and '' drop, everything else becomes a string (`3.10` was read as 3.1). */
function toNames(items: readonly unknown[]): string[] {
  return items.filter((item) => item !== null && item !== undefined && item !== '').map((item) => `${item as string}`);
}

/** `tag` is an alias used only when `tags` is falsy; a scalar becomes a one-item list. */
export function rawTags(data: Record<string, unknown>): unknown[] {
  const value = data.tag && !data.tags ? data.tag : data.tags;
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A post's tags, in order. A tag written twice stays twice: Hexo 8.1.2 then links the post to it twice
 * and counts it twice (`[solo, solo, solo]` gives `solo` a count of 3 in `hexo list tag`, measured with
 * the oracle test), so the index counts it the same way.
 */
export function tagsOf(data: Record<string, unknown>): string[] {
  return toNames(rawTags(data));
}

export function rawCategories(data: Record<string, unknown>): unknown[] {
  const value = data.category && !data.categories ? data.category : data.categories;
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A post's category hierarchies. A flat list is ONE hierarchy (`[Sports, Baseball]` is
 * Sports > Baseball); if any item is a list, every top-level item is its own hierarchy.
 */
export function categoriesOf(data: Record<string, unknown>): CategoryPath[] {
  const items = rawCategories(data)
    .filter((item) => Array.isArray(item) || (item !== null && item !== undefined && item !== ''))
    .map((item) => (Array.isArray(item) ? toNames(item) : `${item as string}`));
  const hasHierarchy = items.some(Array.isArray);
  if (!hasHierarchy) return items.length > 0 ? [items as string[]] : [];
  return items
    .map((item) => (Array.isArray(item) ? item : [item]))
    .filter((hierarchy) => hierarchy.length > 0);
}

/**
 * The `categories` value Hexo reads back as exactly these hierarchies (the inverse of
 * `categoriesOf`): one hierarchy is a flat list (`[技术, 前端]` is 技术 > 前端); several are a list of
 * lists, each hierarchy its own list, so that two top-level picks stay siblings (`[[技术], [生活]]`;
 * written flat, `[技术, 生活]` would be ONE hierarchy, 技术 > 生活).
 */
export function categoriesValue(hierarchies: readonly CategoryPath[]): string[] | string[][] {
  const paths = hierarchies.filter((path) => path.length > 0);
  if (paths.length === 1) return [...paths[0]];
  return paths.map((path) => [...path]);
}
