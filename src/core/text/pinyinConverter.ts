import { pinyin } from 'pinyin-pro';

/**
 * Toneless pinyin of `text`, a syllable per Chinese character, other text kept whole between them
 * (pinyin-pro reads whole words, so `重庆` is `chong qing`); `spellUAsV` writes ü as v, for file names.
 *
 * The editor's Node bundle and the CLI take src/vscode/services/lazyPinyin.ts and src/cli/lazyPinyin.ts
 * in place of this module (scripts/build.mjs), which load it, built alone as dist/pinyin.js, when a
 * Chinese name needs spelling: pinyin-pro's dictionaries hold ~8 MB once used (the extension host
 * lets them go when idle) and take 25 ms to set up (a CLI run rarely needs them). The browser build
 * and the tests use this module as it is.
 */
export const toPinyinSyllables: PinyinSpell = (text, spellUAsV = false) =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: spellUAsV });

export type PinyinSpell = (text: string, spellUAsV?: boolean) => string[];

