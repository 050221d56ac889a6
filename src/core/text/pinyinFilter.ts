import { toPinyinSyllables } from './pinyinConverter';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const MAX_CACHED = 20_000;
const cache = new Map<string, string>();

/**
 * The text an editor filters a Chinese name by: the name, its full pinyin and its initials, so that
 * `fuye` and `fy` both find `副业`. Cached per name: a site has a few hundred tags, each converted once.
 */
export function pinyinFilterText(name: string): string {
  if (!HAN.test(name)) return name;
  const known = cache.get(name);
  if (known !== undefined) return known;
  const syllables = toPinyinSyllables(name);
  const full = syllables.join('').replace(/\s+/g, '').toLowerCase();
  const initials = syllables.map((syllable) => (HAN.test(syllable) ? '' : syllable.trim().charAt(0))).join('').toLowerCase();
  const text = `${name} ${full} ${initials}`;
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(name, text);
  return text;
}
