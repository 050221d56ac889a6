import { LOOKED_FOR } from '../openSite';
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { dirname, type FileSystemPort, generatorOfSiteRoot, GENERATORS, relativeInside, SiteIndex, WorkspaceIndex } from '../../core/api';
import {
  checkPosts, checkedKind, collectSiteFiles, DEFAULT_SETTINGS, fileTimesOf, formatRuleMessage, needsFileTimes, siteFileLookup, type CheckedPost, type ValidationSettings,
} from '../../core/rules';
import { keepYamlForRereading } from '../../core/frontMatter';
import { UsageError } from '../args';
import { nodeBatchFileSystem, toCorePath } from '../nodeFileSystem';
import { readOnce } from '../readOnce';
import { unifiedDiff } from '../unifiedDiff';

export const CHECK_HELP = `Usage: postcraft check [paths or siteDir...] [--format stylish|json|github] [--fix | --fix-dry-run]

Checks posts, drafts and pages with Postcraft's rules (docs/rules.md): front matter, dates, tags and
categories, links, assets and the generator's tags. A folder inside a site checks the posts under it; a site
folder (default: the current folder) checks the whole site.

  --format stylish   grouped by file, for people (default)
  --format json      one array of {"file","line","column","endLine","endColumn","severity","code","message"}
                     (1-based; sorted by file and position)
  --format github    GitHub Actions workflow annotations
  --fix              apply the safe fixes (those that keep what the generator reads) to the files, name the
                     files changed, then report what is left
  --fix-dry-run      print the safe fixes as a unified diff per file and write nothing
                     (with --format json or github the fixes and diffs go to stderr)

Exit codes: 0 no errors, 1 errors found, 2 usage error or no site found.`;

export type CheckFormat = 'stylish' | 'json' | 'github';

export interface CheckOptions {
  readonly format: CheckFormat;
  readonly fix: boolean;
  /** With `fix`: compute the fixes and report as if applied, but write nothing. */
  readonly dryRun?: boolean;
  readonly settings?: ValidationSettings;
  /** Folder output paths are relative to (default: the current folder). */
  readonly cwd?: string;
  readonly now?: Date;
  /** Where posts are read from (default: the disk, read synchronously); tests stage files that change under the check. `--fix` writes to the disk. */
  readonly fileSystem?: FileSystemPort;
}

/**
 * One file's result (absolute `/` path). With --fix or --fix-dry-run, `fixed` holds the text before
 * and after the fixes; a report keeps no text otherwise: ten thousand posts held to the end were a
 * tenth of a check's time in garbage collection.
 */
export type FileReport = CheckedPost;

export interface CheckResult {
  readonly reports: readonly FileReport[];
  readonly fixed: number;
  readonly errors: number;
}

/** One site and the files of it to check. */
interface Target {
  readonly index: SiteIndex;
  /** Files or folders inside the site; empty: all of it. */
  readonly within: string[];
}

/** Checks what `paths` name (files, folders inside a site, site folders). */
export async function runCheck(paths: readonly string[], options: CheckOptions): Promise<CheckResult> {
  keepYamlForRereading(true);
  try {
    return await checkTargets(paths, options);
  } finally {
    keepYamlForRereading(false);
  }
}

async function checkTargets(paths: readonly string[], options: CheckOptions): Promise<CheckResult> {
  const port = options.fileSystem ?? nodeBatchFileSystem;
  // The index reads every post; the check then takes the same bytes instead of reading them again.
  const files = options.fix ? port : readOnce(port);
  const targets = await resolveTargets(files, paths.length > 0 ? paths : ['.']);
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const reports: FileReport[] = [];
  let fixed = 0;
  for (const target of targets) {
    const { index } = target;
    const site = index.site;
    const fileLookup = siteFileLookup(await collectSiteFiles(files, site));
    const paths = [...[...index.posts()].map((record) => record.path), ...index.skipped()]
      .filter((path) => target.within.length === 0 || target.within.some((within) => path === within || relativeInside(within, path) !== undefined))
      .filter((path) => checkedKind(site, path) !== undefined)
      .sort();
    const now = options.now ?? new Date();
    const checked = checkPosts({
      files,
      paths,
      async contextFor(path) {
        const kind = checkedKind(site, path);
        if (!kind) return undefined;
        // Hexo dates a post that writes no date by its file: a fix writes that date down (a stat only then).
        const fileTimes = needsFileTimes(index.post(path), kind, settings) ? fileTimesOf(await files.stat(path)) : undefined;
        return { path, kind, site, index, now, settings, ...(fileTimes ? { fileTimes } : {}), ...fileLookup };
      },
      ...(options.fix ? {
        fix: {
          async save(path: string, text: string) {
            if (!options.dryRun) await fs.writeFile(toNative(path), text, 'utf8');
            index.update(path, text);
          },
        },
      } : {}),
    });
    for await (const report of checked) {
      fixed += report.fixed?.applied ?? 0;
      reports.push(report);
    }
  }
  reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const errors = reports.reduce((sum, report) => sum + report.diagnostics.filter((d) => d.severity === 'error').length, 0);
  return { reports, fixed, errors };
}

async function resolveTargets(files: FileSystemPort, paths: readonly string[]): Promise<Target[]> {
  const byRoot = new Map<string, Target>();
  for (const input of paths) {
    const path = toCorePath(input);
    const stat = await files.stat(path);
    if (!stat) throw new UsageError(`${input} does not exist`);
    const root = await enclosingSiteRoot(files, stat.kind === 'directory' ? path : dirname(path));
    if (root) {
      const target = byRoot.get(root) ?? { index: await indexSite(files, root), within: [] };
      byRoot.set(root, target);
      if (path !== root) target.within.push(path);
      else target.within.length = 0;
      continue;
    }
    if (stat.kind !== 'directory') throw new UsageError(`${input} is not inside a Hexo, Hugo or Jekyll site`);
    const workspace = await WorkspaceIndex.open(files, [path], { generators: GENERATORS });
    if (workspace.sites.length === 0) throw new UsageError(`no Hexo, Hugo or Jekyll site found in ${input} (${LOOKED_FOR})`);
    for (const index of workspace.sites) byRoot.set(index.site.root, { index, within: [] });
  }
  return [...byRoot.values()];
}

/** The nearest folder at or above `folder` that is a site's root (a Jekyll `_config.yml` is not). */
async function enclosingSiteRoot(files: FileSystemPort, folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = dirname(current)) {
    if (await generatorOfSiteRoot(files, current, GENERATORS)) return current;
    if (current === '/' || dirname(current) === current) return undefined;
  }
}

async function indexSite(files: FileSystemPort, root: string): Promise<SiteIndex> {
  const generator = await generatorOfSiteRoot(files, root, GENERATORS);
  if (!generator) throw new UsageError(`${root} is no longer a site's root`);
  const site = await generator.loadSite(files, root);
  return SiteIndex.build(site, files, { maxFileBytes: Number.MAX_SAFE_INTEGER });
}

function toNative(path: string): string {
  return nodePath.sep === '/' ? path : path.split('/').join(nodePath.sep);
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

/** The reports as the `json` format's array: 1-based, sorted by file and position. */
export function toJson(result: CheckResult, cwd = process.cwd()): JsonDiagnostic[] {
  const rows: JsonDiagnostic[] = [];
  for (const report of result.reports) {
    for (const diagnostic of report.diagnostics) {
      rows.push({
        file: displayPath(report.path, cwd),
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: formatRuleMessage(diagnostic.message),
      });
    }
  }
  return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn));
}

/** A path relative to `cwd` with `/` separators (absolute when outside it). */
export function displayPath(path: string, cwd: string): string {
  const relative = relativeInside(toCorePath(cwd), path);
  return relative === undefined || relative === '' ? path : relative;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What --fix did, or --fix-dry-run would do: each changed file with its number of fixes, or its
 * unified diff; '' when nothing changed and not a dry run.
 */
export function formatFixes(result: CheckResult, cwd = process.cwd(), dryRun = false): string {
  const changed = result.reports.filter((report) => report.fixed);
  const lines: string[] = [];
  for (const report of changed) {
    const file = displayPath(report.path, cwd);
    if (dryRun) lines.push(unifiedDiff(report.fixed!.before, report.fixed!.after, file));
    else lines.push(`fixed  ${file}  (${plural(report.fixed!.applied, 'fix')})`);
  }
  const total = `${plural(result.fixed, 'problem')} in ${plural(changed.length, 'file')}`;
  if (dryRun) lines.push(changed.length > 0 ? `Would fix ${total}; nothing written (dry run).` : 'Nothing to fix; nothing written (dry run).');
  else if (changed.length > 0) lines.push(`Fixed ${total}.`);
  return lines.join('\n');
}

/** Problems grouped by file, then a summary that says how many files were checked. */
export function formatStylish(result: CheckResult, cwd = process.cwd()): string {
  const rows = toJson(result, cwd);
  const checked = plural(result.reports.length, 'file');
  if (rows.length === 0) return `No problems in ${checked} checked.`;
  const lines: string[] = [];
  let file = '';
  for (const row of rows) {
    if (row.file !== file) {
      if (file) lines.push('');
      file = row.file;
      lines.push(file);
    }
    lines.push(`  ${`${row.line}:${row.column}`.padEnd(8)} ${row.severity.padEnd(7)}  ${row.message}  ${row.code}`);
  }
  const count = (severity: string): number => rows.filter((row) => row.severity === severity).length;
  lines.push('', `${plural(rows.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) in ${checked} checked.`);
  return lines.join('\n');
}

/** GitHub Actions workflow commands (`::error file=...::message`), escaped as the runner expects. */
export function formatGithub(result: CheckResult, cwd = process.cwd()): string {
  const level = { error: 'error', warning: 'warning', info: 'notice' } as const;
  return toJson(result, cwd).map((row) => {
    const properties = [
      `file=${escapeProperty(row.file)}`, `line=${row.line}`, `col=${row.column}`, `endLine=${row.endLine}`, `endColumn=${row.endColumn}`,
      `title=${escapeProperty(`Postcraft ${row.code}`)}`,
    ].join(',');
    return `::${level[row.severity]} ${properties}::${escapeData(row.message)}`;
  }).join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
