import { promises as fsp } from 'node:fs';
import { join, resolve } from 'node:path';
import { SiteIndex } from '../src/core/index/siteIndex';
import { loadHexoSite } from '../src/core/generators/hexo/hexoSite';
import { nodeFileSystem, toCorePath } from '../src/cli/nodeFileSystem';
import { ensureSyntheticHugoSite, ensureSyntheticJekyllSite, ensureSyntheticSite, mulberry32 } from './syntheticSite';
import { loadHugoSite } from '../src/core/generators/hugo/hugoSite';
import { indexFloor } from './floor';
import { formatMs, median, percentile, timeAsync, type BenchReport } from './measure';
import { benchCompletion, benchPostLinkCompletion, benchPostUrlCompletion } from './completionBench';
import { benchRender } from './renderBench';
import { benchDiagnostics } from './checkBench';
import { benchCliProcess, describeBaseline, HUGO_FLOOR, JEKYLL_FLOOR } from './cliBench';

/**
 * `npm run bench`: every figure is printed beside a baseline measured in the same run on the same
 * machine, so the ratios mean something on any hardware. The headline is the CLI as a whole process
 * (bench/cliBench.ts); the rest is measured inside this one.
 */
const benchRoot = resolve(__dirname, '..', '.bench');
const report: BenchReport = [];

async function buildIndex(site: string): Promise<SiteIndex> {
  const root = toCorePath(site);
  return SiteIndex.build(await loadHexoSite(nodeFileSystem, root), nodeFileSystem);
}

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

async function benchIndex(posts: number): Promise<SiteIndex> {
  const site = ensureSyntheticSite(join(benchRoot, `site-${posts}`), posts);
  await indexFloor(site); // warm the OS cache so both sides read from memory

  // Heap first, before any other index of this size exists to blur the difference.
  const before = heapUsed();
  const index = await buildIndex(site);
  const heap = heapUsed() - before;

  const floorTimes: number[] = [];
  const indexTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    floorTimes.push((await timeAsync(() => indexFloor(site))).ms);
    indexTimes.push((await timeAsync(async () => (await buildIndex(site)).size)).ms);
  }
  const floorMs = median(floorTimes);
  const indexMs = median(indexTimes);
  report.push({ name: `cold index, ${posts} posts`, value: formatMs(indexMs), baseline: `floor ${formatMs(floorMs)}`, ratio: indexMs / floorMs, target: '≤ 1.5x floor' });
  report.push({ name: `index heap, ${posts} posts`, value: `${(heap / 1024 / 1024).toFixed(1)} MB`, target: posts >= 10_000 ? '< 50 MB' : undefined });
  return index;
}

async function benchIncremental(index: SiteIndex): Promise<void> {
  const random = mulberry32(7);
  const records = [...index.posts()];
  const texts = new Map<string, string>();
  for (let i = 0; i < 200; i++) {
    const record = records[Math.floor(random() * records.length)];
    if (!texts.has(record.path)) texts.set(record.path, await fsp.readFile(record.path, 'utf8'));
  }
  const paths = [...texts.keys()];
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const path = paths[i % paths.length];
    const edited = texts.get(path)!.replace('tags: [', `tags: [新标签${i % 13}, `).replace('tags:\n', `tags:\n  - 新标签${i % 13}\n`);
    const start = process.hrtime.bigint();
    index.update(path, edited);
    index.tagCounts();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  report.push({ name: `incremental update, ${index.size} posts`, value: `median ${formatMs(median(samples))}`, baseline: `p99 ${formatMs(percentile(samples, 99))}`, target: 'median < 1 ms' });
}

/** The whole-process rows, first in the report: what CI sees. */
function benchCli(posts: number): void {
  const site = ensureSyntheticSite(join(benchRoot, `site-${posts}`), posts);
  const runs: Array<[string[], string]> = [[['taxonomy', site, '--json'], '≤ 1.5x floor'], [['check', site, '--format', 'json'], '≤ 3x floor']];
  for (const [args, target] of runs) {
    const bench = benchCliProcess(site, args);
    report.push({ name: `${bench.command}, ${posts} posts, process`, value: formatMs(bench.cliMs), baseline: describeBaseline(bench), ratio: bench.ratio, target });
  }
  // The same on a Hugo site of as many posts, half TOML, half YAML.
  const hugo = ensureSyntheticHugoSite(join(benchRoot, `hugo-site-${posts}`), posts);
  const bench = benchCliProcess(hugo, ['taxonomy', hugo, '--json'], 5, HUGO_FLOOR);
  report.push({ name: `${bench.command}, Hugo, ${posts} posts, process`, value: formatMs(bench.cliMs), baseline: describeBaseline(bench), ratio: bench.ratio, target: '≤ 1.5x floor' });
  // And on a Jekyll site: posts below category folders, tags in lists and in strings.
  const jekyll = ensureSyntheticJekyllSite(join(benchRoot, `jekyll-site-${posts}`), posts);
  const jekyllBench = benchCliProcess(jekyll, ['taxonomy', jekyll, '--json'], 5, JEKYLL_FLOOR);
  report.push({ name: `${jekyllBench.command}, Jekyll, ${posts} posts, process`, value: formatMs(jekyllBench.cliMs), baseline: describeBaseline(jekyllBench), ratio: jekyllBench.ratio, target: '≤ 1.5x floor' });
}

/** Completion on the Hugo site, in TOML front matter: every taxonomy's terms by use. */
async function benchHugoCompletion(posts: number): Promise<void> {
  const site = ensureSyntheticHugoSite(join(benchRoot, `hugo-site-${posts}`), posts);
  const index = await SiteIndex.build(await loadHugoSite(nodeFileSystem, toCorePath(site)), nodeFileSystem);
  const completion = await benchCompletion(index, 5000, 'toml');
  report.push({ name: `completion latency, Hugo TOML, ${index.size} posts`, value: `median ${formatMs(completion.median)}`, baseline: `p99 ${formatMs(completion.p99)}`, target: 'p99 < 10 ms' });
}

async function main(): Promise<void> {
  // `npm run bench -- cli`: the whole-process rows alone; `npm run bench -- 1000`: sizes to index.
  const only = process.argv.slice(2);
  const cliOnly = only.includes('cli');
  const counts = only.filter((arg) => arg !== 'cli').map(Number);
  const sizes = counts.length > 0 ? counts : [1_000, 10_000];
  benchCli(Math.max(...sizes));
  if (cliOnly) {
    printReport(report);
    return;
  }
  let largest: SiteIndex | undefined;
  for (const size of sizes) largest = await benchIndex(size);
  if (largest) {
    await benchIncremental(largest);
    const completion = await benchCompletion(largest);
    const diagnostics = benchDiagnostics(largest);
    report.push({ name: `diagnostics, one ${(diagnostics.smallBytes / 1024).toFixed(0)} KB post`, value: `median ${formatMs(diagnostics.smallMedianMs)}`, baseline: `p99 ${formatMs(diagnostics.smallP99Ms)}` });
    report.push({ name: `diagnostics, one ${(diagnostics.largeBytes / 1024 / 1024).toFixed(1)} MB post`, value: `median ${formatMs(diagnostics.largeMedianMs)}` });
    report.push({ name: `completion latency, ${largest.size} posts, ${largest.tagCounts().length} tags`, value: `median ${formatMs(completion.median)}`, baseline: `p99 ${formatMs(completion.p99)}`, target: 'p99 < 10 ms' });
    const postLink = benchPostLinkCompletion(largest);
    report.push({ name: `post_link completion, ${postLink.items} posts`, value: `median ${formatMs(postLink.median)}`, baseline: `p99 ${formatMs(postLink.p99)}`, target: 'p99 < 10 ms' });
    const postUrl = await benchPostUrlCompletion(largest, nodeFileSystem);
    report.push({ name: `link by URL completion, ${postUrl.items} posts`, value: `median ${formatMs(postUrl.median)}`, baseline: `p99 ${formatMs(postUrl.p99)}`, target: 'p99 < 10 ms' });
    await benchHugoCompletion(largest.size);
  }
  report.push(...benchRender());
  printReport(report);
}

function printReport(rows: BenchReport): void {
  console.log(`\nPostcraft benchmark (node ${process.version}, ${new Date().toISOString()})\n`);
  for (const row of rows) {
    const ratio = row.ratio === undefined ? '' : `  ratio ${row.ratio.toFixed(2)}x`;
    const baseline = row.baseline ? `  (${row.baseline})` : '';
    const target = row.target ? `  target ${row.target}` : '';
    console.log(`${row.name.padEnd(40)} ${row.value}${baseline}${ratio}${target}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
