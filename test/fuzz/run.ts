import { generatePost, runFuzz, SLOW_STAGE_MS, summaryLine } from './postFuzz';

/**
 * `npm run fuzz [-- --count N] [-- --seed S]`: N posts (default 100,000) from seed S (default: from
 * the clock). Prints one summary line, and for each failing post its seed and the command that
 * replays it alone; `--show` prints the post too. Exit code 1 when any post failed.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(`--${name}`);
    return at === -1 ? undefined : args[at + 1];
  };
  const count = Number(option('count') ?? 100_000);
  const seed = Number(option('seed') ?? (Date.now() % 1_000_000_000)) >>> 0;
  if (!Number.isInteger(count) || count < 1) throw new Error('--count takes a positive whole number');
  process.stderr.write(`fuzz: ${count} posts from seed ${seed}\n`);
  const summary = await runFuzz(seed, count, (done) => {
    if (done % 10_000 === 0) process.stderr.write(`  ${done} posts\n`);
  }, (postSeed, failures) => {
    process.stdout.write(`FAIL seed ${postSeed}: ${failures.join('; ')}\n  replay: npm run fuzz -- --seed ${postSeed} --count 1 --show\n`);
    if (args.includes('--show')) process.stdout.write(`  post: ${JSON.stringify(generatePost(postSeed)).slice(0, 4000)}\n`);
  });
  const slow = Object.entries(summary.slowStages).sort((a, b) => b[1] - a[1]).map(([stage, posts]) => `${stage} ${posts}`).join(', ');
  process.stdout.write(`stages over ${SLOW_STAGE_MS} ms CPU (posts): ${slow || 'none'}\n${summaryLine(summary)}\n`);
  return summary.failed.length > 0 ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`fuzz: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 2;
});
