import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { formatMs, median } from './measure';

/**
 * `postcraft` as people meet it in CI: a whole process, start-up included. Each run spawns the floor
 * (bench/processFloor.cjs: readFileSync, one regex, js-yaml, counting) and the CLI one after the
 * other, alternating, so that both see the same machine; each ratio is taken within one run.
 */
export interface CliProcessBench {
  readonly command: string;
  readonly runs: number;
  readonly cliMs: number;
  readonly floorMs: number;
  /** Median of the per-run ratios, and their spread. */
  readonly ratio: number;
  readonly minRatio: number;
  readonly maxRatio: number;
}

const node = process.execPath;
/** dist/bench.js runs beside dist/cli.js; the floor stays a plain script in bench/. */
const cli = resolve(__dirname, 'cli.js');
const floor = resolve(__dirname, '..', 'bench', 'processFloor.cjs');

function timeProcess(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // `check` exits 1 when it finds errors; anything else (2, a crash, a signal) is a broken run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${String(result.status ?? result.signal)}): ${String(result.stderr)}`);
  return ms;
}

/** `runs` alternating runs of the floor and of `postcraft <args>` on `site`. */
export function benchCliProcess(site: string, args: readonly string[], runs = 5): CliProcessBench {
  const floorArgs = [floor, site];
  const cliArgs = [cli, ...args];
  timeProcess(floorArgs); // the OS cache and Node's own start-up files, warm for both
  timeProcess(cliArgs);
  const floorTimes: number[] = [];
  const cliTimes: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so that neither always runs right after the other.
    const cliFirst = run % 2 === 1 ? timeProcess(cliArgs) : undefined;
    const f = timeProcess(floorArgs);
    const c = cliFirst ?? timeProcess(cliArgs);
    floorTimes.push(f);
    cliTimes.push(c);
    ratios.push(c / f);
  }
  return {
    command: `postcraft ${args.filter((arg) => arg !== site).join(' ')}`,
    runs,
    cliMs: median(cliTimes),
    floorMs: median(floorTimes),
    ratio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
  };
}

export function describeSpread(bench: CliProcessBench): string {
  return `${bench.ratio.toFixed(2)}x (${bench.minRatio.toFixed(2)}–${bench.maxRatio.toFixed(2)}x over ${bench.runs} runs; floor ${formatMs(bench.floorMs)})`;
}
