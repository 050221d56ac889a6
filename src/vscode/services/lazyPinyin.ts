import * as path from 'node:path';
import type { PinyinSpell } from '../../core/api';

/** What dist/pinyin.js exports (src/core/text/pinyinConverter.ts, bundled alone). */
interface Converter {
  readonly toPinyinSyllables: PinyinSpell;
}

/**
 * pinyin-pro's dictionaries take ~8 MB of heap once used, for what is a few hundred names a site: names
 * are spelled once and cached (pinyinFilter.ts), so the extension host loads the module when a new
 * Chinese name comes and lets it go once unused for `releaseAfterIdleMs`. Loading it again costs
 * ~25–40 ms (measured on this machine).
 */
export function lazyPinyin(moduleFile: string, releaseAfterIdleMs: number): { spell: PinyinSpell; isLoaded: () => boolean } {
  let loaded: Converter | undefined;
  let lastUse = 0;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;

  const releaseWhenIdle = (): void => {
    const idle = Date.now() - lastUse;
    if (idle < releaseAfterIdleMs) {
      releaseTimer = setTimeout(releaseWhenIdle, releaseAfterIdleMs - idle);
      return;
    }
    releaseTimer = undefined;
    loaded = undefined;
    // Node keeps a required module twice: in its cache and among the requiring module's children.
    const cached = require.cache[moduleFile];
    delete require.cache[moduleFile];
    if (cached && module.children.includes(cached)) module.children.splice(module.children.indexOf(cached), 1);
  };

  const spell: PinyinSpell = (text, spellUAsV) => {
    lastUse = Date.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, let go when idle
    loaded ??= require(moduleFile) as Converter;
    releaseTimer ??= setTimeout(releaseWhenIdle, releaseAfterIdleMs);
    return loaded.toPinyinSyllables(text, spellUAsV);
  };
  return { spell, isLoaded: () => loaded !== undefined };
}

/**
 * The extension host's pinyin: scripts/build.mjs puts this module in place of
 * src/core/text/pinyinConverter.ts in the Node bundle, and builds that module alone as dist/pinyin.js.
 */
const extensionPinyin = lazyPinyin(path.join(__dirname, 'pinyin.js'), 10_000);
export const toPinyinSyllables: PinyinSpell = extensionPinyin.spell;
