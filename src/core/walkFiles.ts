import type { Cancellation, FileSystemPort } from './ports';
import { neverCancelled } from './ports';
import { joinPath } from './path';

export interface WalkOptions {
  /** Folders (by name) not to descend into. */
  readonly skipFolder?: (name: string) => boolean;
  readonly cancellation?: Cancellation;
}

/**
 * Every file below `root`, depth first, through the file-system port. Unreadable folders are
 * skipped (a folder can vanish mid-walk); cancellation stops early with what was found.
 */
export async function walkFiles(fs: FileSystemPort, root: string, options: WalkOptions = {}): Promise<string[]> {
  const cancellation = options.cancellation ?? neverCancelled;
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0 && !cancellation.isCancellationRequested) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = await fs.readDirectory(folder);
    } catch {
      continue; // a folder deleted while walking, or unreadable: its files are not part of the site
    }
    for (const entry of entries) {
      const path = joinPath(folder, entry.name);
      if (entry.kind === 'directory') {
        if (!options.skipFolder?.(entry.name)) pending.push(path);
      } else {
        // 'other' covers symbolic links the port could not classify; reading follows them.
        files.push(path);
      }
    }
  }
  return files;
}
