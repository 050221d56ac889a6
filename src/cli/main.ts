import { parseArgs, UsageError } from './args';
import { CHECK_HELP, formatGithub, formatStylish, runCheck, toJson, type CheckFormat } from './commands/check';
import { skippedPostLines, taxonomyJson, taxonomyText, TAXONOMY_HELP } from './commands/taxonomy';
import { openSingleSite } from './openSite';

const HELP = `Usage: postcraft <command> [options]

Commands:
  taxonomy [siteDir] [--json]   tags and categories with post counts, as Hexo counts them
  check [paths...] [--format stylish|json|github] [--fix]
                                check posts with Postcraft's rules (exit 1 when errors are found)

Options:
  -h, --help      show help (also: postcraft <command> --help)
  --version       print the version

Exit codes: 0 success, 2 usage error or no site found.`;

declare const POSTCRAFT_VERSION: string | undefined;

/** Runs the CLI and resolves to its exit code; output goes through the given writers (tests pass their own). */
export async function runCli(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
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
        const args = parseArgs(rest, new Set(['format']));
        if (args.options.has('help')) {
          out(CHECK_HELP);
          return 0;
        }
        for (const name of args.options.keys()) if (name !== 'format' && name !== 'fix') throw new UsageError(`unknown option --${name}`);
        const format = args.options.get('format') ?? 'stylish';
        if (format !== 'stylish' && format !== 'json' && format !== 'github') throw new UsageError(`unknown format "${String(format)}" (stylish, json or github)`);
        const result = await runCheck(args.positionals, { format: format as CheckFormat, fix: args.options.has('fix') });
        const output = format === 'json' ? JSON.stringify(toJson(result)) : format === 'github' ? formatGithub(result) : formatStylish(result);
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
    err(`postcraft: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
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
