import type { CategoryPath } from '../../site/types';

/**
 * Taxonomy terms as Hugo 0.111 groups them: by a key made like a URL path segment and lower-cased
 * (`Go`, `go` and ` go ` are one term; `A B` and `a-b` collide on `a-b`). Restated from Hugo's
 * `PathSpec.UnicodeSanitize`: letters, digits, marks and `. / \ _ - # + ~ @` are kept (and `%` before
 * two hex digits), whitespace between kept characters becomes one `-`, everything else is dropped.
 */
export function hugoTermKey(term: string): string {
  const kept: string[] = [];
  let pendingHyphen = false;
  const chars = [...term];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    const allowed = /[\p{L}\p{N}\p{M}./\\_#+~@-]/u.test(char)
      || (char === '%' && i + 2 < chars.length && /[0-9a-fA-F]/.test(chars[i + 1]) && /[0-9a-fA-F]/.test(chars[i + 2]));
    if (allowed) {
      if (pendingHyphen) kept.push('-');
      pendingHyphen = false;
      kept.push(char);
    } else if (kept.length > 0 && /\s/u.test(char)) {
      pendingHyphen = true;
    }
  }
  return kept.join('').toLowerCase();
}

/** A front-matter value read as a taxonomy's terms: a string is one term (never split), a list one per item. */
export function rawTerms(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => item !== null && item !== undefined && typeof item !== 'object').map((item) => String(item));
}

/** The terms a page is filed under, by Hugo's key, each once, in the order written. */
export function termKeys(value: unknown): string[] {
  const keys: string[] = [];
  for (const term of rawTerms(value)) {
    const key = hugoTermKey(term);
    if (key !== '' && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** The value of a front-matter key, looked up as Hugo does: case-insensitively. */
export function valueOf(data: Readonly<Record<string, unknown>>, key: string): unknown {
  if (key in data) return data[key];
  for (const written of Object.keys(data)) if (written.toLowerCase() === key) return data[written];
  return undefined;
}

/** Terms as written (the preview's header shows the writer's spelling), one per Hugo key. */
export function writtenTerms(value: unknown): string[] {
  const seen = new Set<string>();
  return rawTerms(value).filter((term) => {
    const key = hugoTermKey(term);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Hugo's categories are a flat taxonomy: each term is a one-level path. */
export function categoryPaths(value: unknown): CategoryPath[] {
  return writtenTerms(value).map((term) => [term]);
}
