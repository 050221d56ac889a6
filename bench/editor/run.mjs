#!/usr/bin/env node
// `npm run bench:editor`: the 10,000-post synthetic site opened in the real test editor, once per
// extension under test and round: Postcraft, a provider of as many static items as Postcraft offers
// (bench/editor/baselines/static) and an extension that does nothing (bench/editor/baselines/empty),
// each in its own code-server. bench/editor/index.ts measures inside the extension host; this prints
// every round and the medians with their spread. Needs `npm run build` and `npm run compile`.
//
// Environment: POSTCRAFT_BENCH_RUNS (rounds, default 3); POSTCRAFT_BENCH_ONLY=postcraft (skip the
// baselines, to iterate on Postcraft alone); POSTCRAFT_BENCH_ECHO=1 (print the editor's output).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { ensureSyntheticSite } = require(path.join(repoRoot, 'out', 'bench', 'syntheticSite.js'));
const site = ensureSyntheticSite(path.join(repoRoot, '.bench', 'site-10000'), 10_000);
const rounds = Number(process.env.POSTCRAFT_BENCH_RUNS || 3);
const only = process.env.POSTCRAFT_BENCH_ONLY;
const echo = process.env.POSTCRAFT_BENCH_ECHO === '1';

const TARGETS = { firstCompletionMs: 2000, p95OverBaselineMs: 20, rssOverEmptyMB: 40 };
const EXTENSIONS = {
  postcraft: '.',
  static: path.join('bench', 'editor', 'baselines', 'static'),
  empty: path.join('bench', 'editor', 'baselines', 'empty'),
};
const RESULT = /editor bench result: (\{.*\})/;

/** One code-server run with one extension; resolves to the probe's result. */
function measure(mode, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const output = [];
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'integration', 'run.mjs')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...extraEnv,
        POSTCRAFT_TEST_WORKSPACE: site,
        POSTCRAFT_TEST_ENTRY: path.join('out', 'bench', 'editor', 'index.js'),
        POSTCRAFT_TEST_EXTENSION: EXTENSIONS[mode],
        POSTCRAFT_BENCH_MODE: mode,
      },
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output.push(chunk.toString());
        if (echo) process.stdout.write(chunk);
      });
    }
    child.on('exit', (code) => {
      const text = output.join('');
      const match = RESULT.exec(text);
      if (code === 0 && match) resolve(JSON.parse(match[1]));
      else reject(new Error(`${mode} run failed (exit code ${code}):\n${text.split('\n').slice(-40).join('\n')}`));
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return Number((sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2).toFixed(1));
};
const spread = (values) => (values.length > 1 ? ` (${Math.min(...values)}–${Math.max(...values)})` : '');
const figure = (values, unit) => `${median(values)} ${unit}${spread(values)}`;
const fixed = (value) => Number(value.toFixed(1));

const started = Date.now();
const results = { postcraft: [], static: [], empty: [] };
for (let round = 1; round <= rounds; round++) {
  const postcraft = await measure('postcraft');
  results.postcraft.push(postcraft);
  console.log(`round ${round} postcraft: ${JSON.stringify(postcraft)}`);
  if (only === 'postcraft') continue;
  const baseline = await measure('static', { POSTCRAFT_BENCH_ITEMS: String(postcraft.items) });
  results.static.push(baseline);
  console.log(`round ${round} static:    ${JSON.stringify(baseline)}`);
  const empty = await measure('empty');
  results.empty.push(empty);
  console.log(`round ${round} empty:     ${JSON.stringify(empty)}`);
}

const of = (mode, key) => results[mode].map((result) => result[key]);
const pc = results.postcraft;
console.log('');
console.log(`editor bench: ${rounds} round(s), 10,000 posts, ${pc[0].items} tag items; median of the rounds, their spread in brackets`);
console.log(`  activate() call:                 ${figure(of('postcraft', 'activateCallMs'), 'ms')}`);
console.log(`  first tag completion:            ${figure(of('postcraft', 'firstCompletionMs'), 'ms')} after the module began to load (target < ${TARGETS.firstCompletionMs} ms)`);
console.log(`  whole site indexed:              ${figure(of('postcraft', 'indexedMs'), 'ms')} after the module began to load`);
console.log(`  unsaved edit reaches the index:  ${figure(pc.map((r) => r.editIndexedMs - r.editSeenMs), 'ms')} after the extension host sees it (debounce ${pc[0].debounceMs} ms)`);
console.log(`  warm completion while typing:    median ${figure(of('postcraft', 'warmMedianMs'), 'ms')}, p95 ${figure(of('postcraft', 'warmP95Ms'), 'ms')}, max ${figure(of('postcraft', 'warmMaxMs'), 'ms')}`);
console.log(`  extension host after indexing:   RSS ${figure(of('postcraft', 'rssMB'), 'MB')} 5 s after typing (young generation ${figure(of('postcraft', 'newSpaceMB'), 'MB')}), ${figure(of('postcraft', 'settledRssMB'), 'MB')} once V8 gave it back (${figure(of('postcraft', 'releaseWaitMs'), 'ms')} later); V8 heap ${figure(of('postcraft', 'heapUsedMB'), 'MB')}, live heap after a full GC ${figure(of('postcraft', 'liveHeapMB'), 'MB')}`);
const missed = [];
if (median(of('postcraft', 'firstCompletionMs')) >= TARGETS.firstCompletionMs) missed.push('first completion');
if (results.static.length > 0) {
  const st = results.static;
  const em = results.empty;
  const pairs = (key, other) => pc.map((result, i) => fixed(result[key] - other[i][key]));
  const ratios = (key, other) => pc.map((result, i) => fixed(result[key] / other[i][key]));
  console.log(`  static provider (${st[0].items} items):  first completion ${figure(of('static', 'firstCompletionMs'), 'ms')}; warm median ${figure(of('static', 'warmMedianMs'), 'ms')}, p95 ${figure(of('static', 'warmP95Ms'), 'ms')}, max ${figure(of('static', 'warmMaxMs'), 'ms')}`);
  console.log(`  empty extension:                 RSS ${figure(of('empty', 'rssMB'), 'MB')}, settled ${figure(of('empty', 'settledRssMB'), 'MB')}; V8 heap ${figure(of('empty', 'heapUsedMB'), 'MB')}, live heap ${figure(of('empty', 'liveHeapMB'), 'MB')}`);
  console.log(`  warm median against static:      ${figure(pairs('warmMedianMs', st), 'ms')} more, ${figure(ratios('warmMedianMs', st), 'x')}`);
  console.log(`  warm p95 against static:         ${figure(pairs('warmP95Ms', st), 'ms')} more, ${figure(ratios('warmP95Ms', st), 'x')} (target < ${TARGETS.p95OverBaselineMs} ms more)`);
  // Resident is what stays: read once V8 has given back the young generation indexing grew (both hosts alike).
  console.log(`  memory against empty:            resident RSS ${figure(pairs('settledRssMB', em), 'MB')} more (target < ${TARGETS.rssOverEmptyMB} MB), 5 s after typing ${figure(pairs('rssMB', em), 'MB')} more, live heap ${figure(pairs('liveHeapMB', em), 'MB')} more`);
  if (median(pairs('warmP95Ms', st)) >= TARGETS.p95OverBaselineMs) missed.push('warm p95');
  if (median(pairs('settledRssMB', em)) >= TARGETS.rssOverEmptyMB) missed.push('memory');
}
console.log(`editor bench: ${missed.length ? `missed: ${missed.join(', ')}` : 'every target met'}; took ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(missed.length ? 1 : 0);
