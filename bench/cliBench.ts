import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatMs, median } from './measure';

/**
 * `postcraft` as people meet it in CI: a whole process, start-up included. Each run spawns the floor
 * (bench/processFloor.cjs: readFileSync, one regex, js-yaml, counting) and the CLI one after the
 * other, alternating which goes first, so that both see the same machine; each ratio is taken within
 * one run. Where Linux tells the CPU time of finished children, the CPU ratio is given too: on a busy
 * machine it moves less than the wall clock.
 */
export interface CliProcessBench {
  readonly command: string;
  readonly runs: number;
  readonly cliMs: number;
  readonly floorMs: number;
  /** Median of the per-run wall-clock ratios, and their spread. */
  readonly ratio: number;
  readonly minRatio: number;
  readonly maxRatio: number;
  /** Median of the per-run CPU-time ratios (user + system), when the platform reports them. */
  readonly cpuRatio?: number;
}

const node = process.execPath;
/** dist/bench.js runs beside dist/cli.js; the floor stays a plain script in bench/. */
const cli = resolve(__dirname, 'cli.js');
const floor = resolve(__dirname, '..', 'bench', 'processFloor.cjs');
/** The same kind of floor for a Hugo site (TOML and YAML front matter, three taxonomies). */
export const HUGO_FLOOR = resolve(__dirname, '..', 'bench', 'processFloorHugo.cjs');
/** And for a Jekyll site (`_posts` below category folders, tags split on spaces). */
export const JEKYLL_FLOOR = resolve(__dirname, '..', 'bench', 'processFloorJekyll.cjs');

interface Timing {
  readonly ms: number;
  readonly cpuMs?: number;
}

function timeProcess(args: readonly string[]): Timing {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  // `check` exits 1 when it finds errors; anything else (2, a crash, a signal) is a broken run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${String(result.status ?? result.signal)}): ${String(result.stderr)}`);
  return { ms, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** User + system time of this process's waited-for children (Linux: /proc/self/stat cutime + cstime, in ticks of 10 ms). */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), counted from the state field (3): indexes 13 and 14 here.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** `runs` alternating runs of the floor and of `postcraft <args>` on `site`. */
export function benchCliProcess(site: string, args: readonly string[], runs = 5, floorScript = floor): CliProcessBench {
  const floorArgs = [floorScript, site];
  const cliArgs = [cli, ...args];
  timeProcess(floorArgs); // the OS cache and Node's own start-up files, warm for both
  timeProcess(cliArgs);
  const floorTimes: number[] = [];
  const cliTimes: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so that neither always runs right after the other.
    const cliFirst = run % 2 === 1 ? timeProcess(cliArgs) : undefined;
    const f = timeProcess(floorArgs);
    const c = cliFirst ?? timeProcess(cliArgs);
    floorTimes.push(f.ms);
    cliTimes.push(c.ms);
    ratios.push(c.ms / f.ms);
    if (c.cpuMs !== undefined && f.cpuMs) cpuRatios.push(c.cpuMs / f.cpuMs);
  }
  return {
    command: `postcraft ${args.filter((arg) => arg !== site).join(' ')}`,
    runs,
    cliMs: median(cliTimes),
    floorMs: median(floorTimes),
    ratio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    cpuRatio: cpuRatios.length === runs ? median(cpuRatios) : undefined,
  };
}

/** The baseline column: the floor, the spread of the wall-clock ratio, the CPU ratio. */
export function describeBaseline(bench: CliProcessBench): string {
  const cpu = bench.cpuRatio === undefined ? '' : `; CPU ${bench.cpuRatio.toFixed(2)}x`;
  return `floor ${formatMs(bench.floorMs)}; ${bench.runs} runs ${bench.minRatio.toFixed(2)}–${bench.maxRatio.toFixed(2)}x${cpu}`;
}
