import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lazyPinyin } from '../../../src/vscode/services/lazyPinyin';
import { toPinyinSyllables } from '../../../src/core/text/pinyinConverter';

// The compiled converter stands in for dist/pinyin.js (the same module, bundled).
const CONVERTER = path.resolve(__dirname, '../../../src/core/text/pinyinConverter.js');
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('lazyPinyin (the extension host\'s pinyin)', () => {
  it('loads pinyin-pro on first use, spells as the converter does, and lets it go when idle', async () => {
    const pinyin = lazyPinyin(CONVERTER, 400);
    delete require.cache[CONVERTER];
    assert.equal(pinyin.isLoaded(), false);
    assert.deepEqual(pinyin.spell('重庆AI赚钱'), toPinyinSyllables('重庆AI赚钱'));
    assert.deepEqual(pinyin.spell('绿色', true), ['lv', 'se']);
    assert.equal(pinyin.isLoaded(), true);
    assert.ok(require.cache[CONVERTER], 'the module is in Node\'s cache while in use');
    await settle(100);
    pinyin.spell('副业'); // used again: the idle time starts over
    await settle(200);
    assert.equal(pinyin.isLoaded(), true, 'kept while used within the idle time');
    await settle(450);
    assert.equal(pinyin.isLoaded(), false);
    assert.equal(require.cache[CONVERTER], undefined, 'nothing of it is left in Node\'s cache');
    const loader = require.cache[require.resolve('../../../src/vscode/services/lazyPinyin')];
    assert.ok(loader && !loader.children.some((child) => child.id === CONVERTER), 'nor among the loader\'s children');
    assert.deepEqual(pinyin.spell('副业'), ['fu', 'ye'], 'loaded again when needed');
  });
});
