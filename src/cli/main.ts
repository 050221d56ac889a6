import { exceptionText, setLogPort, useUtf8Decoder } from '../core/api';
import { parseArgs, UsageError } from './args';
import type { CheckFormat } from './commands/check';
import { skippedPostLines, taxonomyJson, taxonomyText, TAXONOMY_HELP } from './commands/taxonomy';
import { compileOnFirstCall } from './jitFlags';
import { openSingleSite } from './openSite';
import { fastUtf8Decoder } from './utf8';

useUtf8Decoder(fastUtf8Decoder);

/** The options `postcraft check` takes. */
const CHECK_FLAGS = new Set(['format', 'fix', 'fix-dry-run']);

const HELP = `Usage: postcraft <command> [options]

Commands:
  taxonomy [siteDir] [--json]   tags and categories with post counts, as the generator counts them
  check [paths...] [--format stylish|json|github] [--fix | --fix-dry-run]
                                check posts with Postcraft's rules (exit 1 when errors are found)

Options:
  -h, --help      show help (also: postcraft <command> --help)
  --version       print the version

Exit codes: 0 success, 1 errors found (check), 2 usage error or no site found.`;

declare const POSTCRAFT_VERSION: string | undefined;

/** Runs the CLI and resolves to its exit code; output goes through the given writers (tests pass their own). */
export async function runCli(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  // What the core catches to keep going (a rule that threw) is a bug: said on stderr, not swallowed.
  const restoreLog = setLogPort({
    exception: (where, error) => err(`postcraft: internal error in ${where}: ${exceptionText(error)}`),
  });
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      out(typeof POSTCRAFT_VERSION === 'string' ? POSTCRAFT_VERSION : 'dev');
      return 0;
    }
    switch (command) {
      case 'taxonomy': {
        const args = parseArgs(rest, new Set());
        if (args.options.has('help')) {
          out(TAXONOMY_HELP);
          return 0;
        }
        for (const name of args.options.keys()) if (name !== 'json') throw new UsageError(`unknown option --${name}`);
        if (args.positionals.length > 1) throw new UsageError('taxonomy takes at most one site folder');
        const index = await openSingleSite(args.positionals[0]);
        for (const line of skippedPostLines(index)) err(line);
        out(args.options.has('json') ? JSON.stringify(taxonomyJson(index)) : taxonomyText(index));
        return 0;
      }
      case 'check': {
        compileOnFirstCall();
        // Loaded on demand: the rules (and pinyin-pro's dictionary) are most of the bundle's start-up.
        const { CHECK_HELP, formatFixes, formatGithub, formatStylish, runCheck, toJson } = await import('./commands/check.js');
        const args = parseArgs(rest, new Set(['format']));
        if (args.options.has('help')) {
          out(CHECK_HELP);
          return 0;
        }
        for (const name of args.options.keys()) if (!CHECK_FLAGS.has(name)) throw new UsageError(`unknown option --${name}`);
        const format = args.options.get('format') ?? 'stylish';
        if (format !== 'stylish' && format !== 'json' && format !== 'github') throw new UsageError(`unknown format "${String(format)}" (stylish, json or github)`);
        const dryRun = args.options.has('fix-dry-run');
        if (dryRun && args.options.has('fix')) throw new UsageError('use --fix or --fix-dry-run, not both');
        const result = await runCheck(args.positionals, { format: format as CheckFormat, fix: dryRun || args.options.has('fix'), dryRun });
        // What the fixes did goes with the report for people, and to stderr beside machine-read formats.
        const fixes = dryRun || args.options.has('fix') ? formatFixes(result, process.cwd(), dryRun) : '';
        if (fixes && format !== 'stylish') err(fixes);
        const report = format === 'json' ? JSON.stringify(toJson(result)) : format === 'github' ? formatGithub(result) : formatStylish(result);
        const output = format === 'stylish' && fixes ? `${fixes}\n\n${report}` : report;
        if (output) out(output);
        return result.errors > 0 ? 1 : 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`postcraft: ${error.message}\nRun "postcraft --help" for usage.`);
      return 2;
    }
    err(`postcraft: unexpected error: ${exceptionText(error)}`);
    return 1;
  } finally {
    restoreLog();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), (text) => process.stdout.write(`${text}\n`), (text) => process.stderr.write(`${text}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`postcraft: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
