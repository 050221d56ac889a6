import { pinyin } from 'pinyin-pro';

/**
 * Toneless pinyin of `text`, a syllable per Chinese character, other text kept whole between them
 * (pinyin-pro reads whole words, so `重庆` is `chong qing`); `spellUAsV` writes ü as v, for file names.
 *
 * The editor's Node bundle takes src/vscode/services/lazyPinyin.ts in place of this module
 * (scripts/build.mjs): pinyin-pro's dictionaries hold ~8 MB once used, so the extension host loads
 * them when a Chinese name needs spelling and lets them go when idle. The CLI, the browser build and
 * the tests use this module as it is.
 */
export const toPinyinSyllables: PinyinSpell = (text, spellUAsV = false) =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: spellUAsV });

export type PinyinSpell = (text: string, spellUAsV?: boolean) => string[];

