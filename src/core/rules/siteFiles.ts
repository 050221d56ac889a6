import { walkFiles } from '../walkFiles';
import type { Cancellation, DirectoryEntry, FileSystemPort } from '../ports';
import { neverCancelled } from '../ports';
import type { Site } from '../generators/generator';
import { basename, joinPath } from '../path';
import type { RuleContext } from './types';

/**
 * The files link and asset rules may point at: everything under `source/`, and under each theme's
 * `source/` (served at the site root too). Collected once per check run; the rules then look paths up
 * synchronously.
 */
export interface SiteFiles {
  readonly files: Set<string>;
  /** Theme `source/` folders, for `RuleContext.staticRoots`. */
  readonly staticRoots: readonly string[];
}

const SKIPPED = new Set(['node_modules', '.git']);

export async function collectSiteFiles(fs: FileSystemPort, site: Site, cancellation: Cancellation = neverCancelled): Promise<SiteFiles> {
  const files = new Set<string>();
  const staticRoots: string[] = [];
  await walk(fs, site.sourceRoot, files, cancellation);
  const themes = joinPath(site.root, 'themes');
  let entries: DirectoryEntry[];
  try {
    entries = await fs.readDirectory(themes);
  } catch {
    entries = []; // a site without a themes folder
  }
  for (const entry of entries) {
    if (entry.kind !== 'directory') continue;
    const root = joinPath(themes, entry.name, 'source');
    staticRoots.push(root);
    await walk(fs, root, files, cancellation);
  }
  return { files, staticRoots };
}

async function walk(fs: FileSystemPort, root: string, files: Set<string>, cancellation: Cancellation): Promise<void> {
  for (const file of await walkFiles(fs, root, { skipFolder: (name) => SKIPPED.has(name), cancellation })) files.add(file);
}

/**
 * What the rules look up in the site's files, as `RuleContext` fields. Build it once for many posts
 * (a check run; in the editor, until the files change): the by-name table is built on the first
 * lookup (only a missing link needs it) and reflects the set as it was then.
 */
export function siteFileLookup(siteFiles: SiteFiles): Pick<RuleContext, 'fileExists' | 'filesNamed' | 'staticRoots'> {
  let byName: Map<string, string[]> | undefined;
  return {
    fileExists: (file) => siteFiles.files.has(file),
    staticRoots: siteFiles.staticRoots,
    filesNamed: (name) => {
      if (!byName) {
        byName = new Map();
        for (const file of siteFiles.files) {
          const key = fileNameKey(basename(file));
          const files = byName.get(key);
          if (files) files.push(file);
          else byName.set(key, [file]);
        }
      }
      return byName.get(fileNameKey(name)) ?? [];
    },
  };
}

/** macOS writes Chinese file names decomposed (NFD) and its disks ignore case: compare them as one. */
function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
