import * as assert from 'node:assert/strict';
import { generatePost, runFuzz, summaryLine } from '../../fuzz/postFuzz';

/**
 * The CI share of the post fuzzer (`npm run fuzz` runs 100,000): a fixed seed, so a failure here is
 * replayed with `npm run fuzz -- --seed <seed> --count 1 --show`. Set POSTCRAFT_FUZZ_SEED to try others.
 */
const SEED = Number(process.env.POSTCRAFT_FUZZ_SEED ?? 20_260_302) >>> 0;
const COUNT = 3000;

describe('every reader of a post, on generated posts (fuzz)', () => {
  it('generates the same post from the same seed, and covers the hostile shapes', () => {
    assert.equal(generatePost(7), generatePost(7));
    const posts = Array.from({ length: 3000 }, (_, i) => generatePost(i));
    const share = (test: (text: string) => boolean): number => posts.filter(test).length / posts.length;
    assert.ok(share((text) => /^\ufeff?---\r?\n/.test(text)) > 0.4, 'YAML front matter');
    assert.ok(share((text) => /^\ufeff?;;;/.test(text)) > 0.1, 'JSON front matter');
    assert.ok(share((text) => text.includes('\r\n')) > 0.1, 'CRLF');
    assert.ok(share((text) => text.startsWith('\ufeff')) > 0.05, 'BOM');
    assert.ok(share((text) => text.includes('\t')) > 0.1, 'tabs');
    assert.ok(share((text) => /[^\n]{2000}/.test(text)) > 0.05, 'very long lines');
    assert.ok(share((text) => /[\u0000-\u0008\ud800-\udfff]/.test(text)) > 0.05, 'binary junk');
    assert.ok(share((text) => text.includes('{%')) > 0.3, 'Nunjucks');
    assert.ok(share((text) => /[\u4e00-\u9fff]/.test(text)) > 0.5, 'CJK');
    assert.ok(share((text) => /\*a\d+, \*a\d+/.test(text)) > 0.005, 'alias bombs');
  });

  it(`never throws, never takes over a second in one stage, and keeps fix-all idempotent on ${COUNT} posts`, async function () {
    this.timeout(120_000);
    const summary = await runFuzz(SEED, COUNT);
    const report = summary.failed.slice(0, 5).map(({ seed, failures }) => `seed ${seed}: ${failures.join('; ')}`).join('\n');
    assert.equal(summary.failed.length, 0, `${summaryLine(summary)}\n${report}`);
  });
});
