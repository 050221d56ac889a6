import type { Cancellation, FileSystemPort } from '../ports';
import type { Site } from '../generators/generator';
import type { PostKind } from '../site/types';
import { decodeText } from '../text/decode';
import { checkPost } from './check';
import { fixAll } from './fixAll';
import type { Diagnostic, RuleContext } from './types';

/** A whole-site check as the CLI's `check` and the editor's "Check All Posts" run it. */
export interface CheckRun {
  readonly files: FileSystemPort;
  /** The posts to check, in the order results come back. */
  readonly paths: readonly string[];
  /** The rule context for a post, or undefined to skip it (not a post any more, validation off). */
  contextFor(path: string): Promise<RuleContext | undefined>;
  /** A post's text from elsewhere than the disk (an editor's unsaved document), read instead of the file. */
  textOf?(path: string): string | undefined;
  /**
   * Apply the safe fixes first: `save` receives each changed text (to write it, or not in a dry run),
   * then the post is checked as fixed.
   */
  readonly fix?: { save(path: string, text: string): Promise<void> };
  readonly cancellation?: Cancellation;
}

export interface CheckedPost {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** When safe fixes changed the post: its text before and after them and how many applied. */
  readonly fixed?: { readonly before: string; readonly after: string; readonly applied: number };
}

/** Files being read while a post is checked: checking one overlaps reading the next ones. */
const READ_AHEAD = 16;

/**
 * Checks the posts one after the other, reading ahead. A post that cannot be read (gone since the
 * index read it) is skipped, as is one `contextFor` declines; stops between posts when cancelled.
 */
export async function* checkPosts(run: CheckRun): AsyncGenerator<CheckedPost> {
  const cancellation = run.cancellation;
  for await (const { path, text: read } of readAhead(run, READ_AHEAD)) {
    if (cancellation?.isCancellationRequested) return;
    if (read === undefined) continue;
    const context = await run.contextFor(path);
    if (!context) continue;
    await context.site.generator.loadRules?.();
    let text = read;
    let fixed: CheckedPost['fixed'];
    if (run.fix) {
      const result = fixAll(text, context);
      if (result.text !== text) {
        await run.fix.save(path, result.text);
        fixed = { before: text, after: result.text, applied: result.applied };
        text = result.text;
      }
    }
    yield { path, diagnostics: checkPost(text, context), ...(fixed ? { fixed } : {}) };
  }
}

/** The posts' texts in order, with up to `depth` reads under way; no text for a file that could not be read. */
async function* readAhead(run: CheckRun, depth: number): AsyncGenerator<{ path: string; text?: string }> {
  const { paths, files } = run;
  const reads: Array<Promise<string | undefined>> = [];
  let next = 0;
  for (const path of paths) {
    while (next < paths.length && reads.length < depth) {
      const ahead = paths[next++];
      const open = run.textOf?.(ahead);
      // Settled into a value at once, so a read that fails before its turn is not an unhandled rejection.
      reads.push(open !== undefined ? Promise.resolve(open) : files.readFile(ahead).then(decodeText, () => undefined));
    }
    yield { path, text: await reads.shift()! };
  }
}

/**
 * The kind a file is checked as: its own, or a post's for a file its generator skips for its name
 * (Jekyll's undated `_posts/notes.md`), so that a rule can say why nothing of it is built.
 */
export function checkedKind(site: Site, path: string): PostKind | undefined {
  return site.classify(path) ?? (site.skipsNamedFile?.(path) ? 'post' : undefined);
}
