import { pinyinFilterText } from '../text/pinyinFilter';

/**
 * How names are compared for "same tag, spelled differently" and "did you mean". Kept conservative:
 * a suggestion that fires on two real, different tags (`前端` and `后端`) is worse than none.
 */

/** Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1 then). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The name with what does not tell names apart removed: full-width forms folded (NFKC), case folded,
 * spaces and punctuation dropped. Different names with one key are one tag to readers; most also
 * collide in URLs (hexo-util `slugize` turns spaces and punctuation into one `-`; hosts that ignore
 * case merge `Go` and `go`).
 */
const collisionKeys = new Map<string, string>();

export function collisionKey(name: string): string {
  let key = collisionKeys.get(name);
  if (key === undefined) {
    key = computeCollisionKey(name);
    if (collisionKeys.size > 50_000) collisionKeys.clear();
    collisionKeys.set(name, key);
  }
  return key;
}

function computeCollisionKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/\u3000]+/g, '');
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Toneless full pinyin of a name with Chinese characters (letters and digits kept), else undefined. */
export function pinyinKey(name: string): string | undefined {
  if (!HAN.test(name)) return undefined;
  const parts = pinyinFilterText(name).split(' ');
  // pinyinFilterText gives `${name} ${full} ${initials}`; the name may itself hold spaces.
  return parts.length >= 3 ? parts[parts.length - 2].toLowerCase() : undefined;
}

/**
 * Whether `candidate` is very likely a misspelling of `known`:
 * - Chinese: the same pinyin written with other characters (a pinyin input method's homophone, `前段`
 *   for `前端`);
 * - otherwise: at least 4 characters, one edit apart (two from 8 characters), case ignored.
 */
export function isNearDuplicate(candidate: string, known: string): boolean {
  if (candidate === known || collisionKey(candidate) === collisionKey(known)) return false;
  const a = pinyinKey(candidate);
  const b = pinyinKey(known);
  if (a !== undefined || b !== undefined) return a !== undefined && a === b && a.length >= 4;
  const left = candidate.toLowerCase();
  const right = known.toLowerCase();
  const shorter = Math.min(left.length, right.length);
  if (shorter < 4) return false;
  // Digits differ on purpose (`Vue 2` and `Vue 3`, `2024` and `2025`).
  if (/\d/.test(left) || /\d/.test(right)) return false;
  const limit = shorter >= 8 ? 2 : 1;
  return editDistance(left, right, limit) <= limit;
}

/** Terminal-style width: CJK and full-width characters count two, as search result titles roughly do. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(char) ? 2 : 1;
  }
  return width;
}
