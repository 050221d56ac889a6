import { toPinyinSyllables } from '../text/pinyinConverter';
import { slugize } from '../text/slugize';

export type SlugStyle = 'hexo' | 'pinyin';

/**
 * The slug Postcraft names a new file by. `pinyin` (setting `postcraft.slug`) spells Chinese characters
 * in toneless pinyin, one syllable per word (`搬到杭州` → `ban-dao-hang-zhou`), and leaves other text
 * as it is; the result then goes through Hexo's rule like any title.
 */
export function postSlug(title: string, style: SlugStyle, filenameCase: 0 | 1 | 2 = 0): string {
  return slugize(slugSource(title, style), filenameCase);
}

/**
 * The text a generator's slug rule is applied to: the title, or with `pinyin` its Chinese characters
 * spelled one syllable per word (`搬到杭州` → `ban dao hang zhou`).
 */
export function slugSource(title: string, style: SlugStyle): string {
  if (style !== 'pinyin' || !/[\u3400-\u9fff\uf900-\ufaff]/.test(title)) return title;
  return toPinyinSyllables(title, true).join(' ');
}
