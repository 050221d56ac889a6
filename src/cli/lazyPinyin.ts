import * as path from 'node:path';
import type { PinyinSpell } from '../core/api';

/** What dist/pinyin.js exports (src/core/text/pinyinConverter.ts, bundled alone). */
interface Converter {
  readonly toPinyinSyllables: PinyinSpell;
}

let loaded: Converter | undefined;

/**
 * The CLI's pinyin: scripts/build.mjs puts this module in place of src/core/text/pinyinConverter.ts in
 * dist/cli.js. pinyin-pro is over a quarter of the bundle and set up its dictionaries when loaded,
 * 25 ms of every run (`--version` included); most runs spell no name (a check only spells a Chinese
 * name no other post uses), so it is loaded from dist/pinyin.js, beside the CLI, when one needs it.
 */
export const toPinyinSyllables: PinyinSpell = (text, spellUAsV) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  loaded ??= require(path.join(__dirname, 'pinyin.js')) as Converter;
  return loaded.toPinyinSyllables(text, spellUAsV);
};
