/**
 * hexo-util's `deepMerge` (the `deepmerge` package with Hexo's array rule), which `hexo new` and
 * `hexo publish` use to lay the writer's own fields over the rendered scaffold (hexo PR #5472):
 * - plain objects merge key by key, the target's keys first;
 * - arrays merge index by index: a free slot takes the source item, two mergeable items merge, and a
 *   source scalar the target lacks is appended (so scaffold `[a]` + draft `[b]` gives `[a, b]`);
 * - anything else (scalars, dates, null, or an array meeting a non-array) is replaced by the source.
 */
function isMergeable(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp);
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isMergeable(value)) return hexoDeepMerge({}, value);
  return value;
}

function mergeArrays(target: readonly unknown[], source: readonly unknown[]): unknown[] {
  const result = target.map(clone);
  source.forEach((item, index) => {
    if (result[index] === undefined) result[index] = clone(item);
    else if (isMergeable(item)) result[index] = hexoDeepMerge(target[index], item);
    else if (!target.includes(item)) result.push(item);
  });
  return result;
}

export function hexoDeepMerge(target: unknown, source: unknown): unknown {
  const sourceIsArray = Array.isArray(source);
  if (sourceIsArray !== Array.isArray(target)) return clone(source);
  if (sourceIsArray) return mergeArrays(target as unknown[], source);
  if (!isMergeable(source)) return clone(source);
  const result: Record<string, unknown> = {};
  const targetRecord = isMergeable(target) ? target as Record<string, unknown> : {};
  for (const key of Object.keys(targetRecord)) result[key] = clone(targetRecord[key]);
  for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    result[key] = Object.prototype.hasOwnProperty.call(targetRecord, key) && isMergeable(value)
      ? hexoDeepMerge(targetRecord[key], value)
      : clone(value);
  }
  return result;
}
