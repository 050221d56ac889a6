/**
 * hexo-util `slugize`, the one slug Hexo makes: file names of new and published posts (hexo
 * `lib/hexo/post.ts`) and heading ids (hexo-renderer-marked `lib/renderer.js` `anchorId`). Latin
 * diacritics are folded to ASCII, control characters dropped, every run of whitespace and ASCII
 * punctuation turned into one `-`, leading and trailing `-` trimmed, then `transform` applied.
 * Everything else is kept — Chinese, Japanese, fullwidth punctuation — so `你好，世界` stays as it is.
 */
const CONTROL = /[\u0000-\u001f]/g;
const SPECIAL = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g;
/** Letters that carry no combining mark to strip but that hexo-util's diacritics table still folds. */
const FOLDED: Readonly<Record<string, string>> = {
  Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', Ł: 'L', ł: 'l', Ħ: 'H', ħ: 'h', Ŧ: 'T', ŧ: 't',
  Ɨ: 'I', ɨ: 'i', Ƀ: 'B', ƀ: 'b', Ɓ: 'B', ɓ: 'b', ß: 's', ı: 'i',
  Ǆ: 'DZ', ǅ: 'Dz', ǆ: 'dz', Ǉ: 'LJ', ǈ: 'Lj', ǉ: 'lj', Ǌ: 'NJ', ǋ: 'Nj', ǌ: 'nj', Ǳ: 'DZ', ǲ: 'Dz', ǳ: 'dz',
};

const FOLDABLE = new RegExp(`[${Object.keys(FOLDED).join('')}]`, 'g');

/** Folds accented Latin letters (`é` → `e`), fullwidth (`Ａ`) and circled (`Ⓐ`) Latin letters, as hexo-util does. */
export function foldDiacritics(text: string): string {
  // Only marks from the Combining Diacritical Marks block: kana voicing marks (U+3099) and Hangul
  // jamo must survive, and NFC puts every non-Latin letter back together.
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[\uff21-\uff3a\uff41-\uff5a]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\u24b6-\u24cf]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x24b6 + 65))
    .replace(/[\u24d0-\u24e9]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x24d0 + 97))
    .replace(FOLDABLE, (char) => FOLDED[char] ?? char);
}

/** Hexo's slug for `text`; `transform` is hexo-util's option, `_config.yml`'s `filename_case` for file names (0 keep, 1 lower, 2 upper). */
export function slugize(text: string, transform: 0 | 1 | 2 = 0): string {
  const slug = foldDiacritics(text)
    .replace(CONTROL, '')
    .replace(SPECIAL, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return transform === 1 ? slug.toLowerCase() : transform === 2 ? slug.toUpperCase() : slug;
}
