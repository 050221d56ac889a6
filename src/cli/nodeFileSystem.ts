import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { DirectoryEntry, FileStat, FileSystemPort } from '../core/ports';

/** The core's file-system port over Node's fs, for the CLI and the benchmark. Paths use `/`. */
export const nodeFileSystem: FileSystemPort = {
  async readFile(file: string): Promise<Uint8Array> {
    return fs.readFile(toNative(file));
  },
  async readDirectory(folder: string): Promise<DirectoryEntry[]> {
    const entries = await fs.readdir(toNative(folder), { withFileTypes: true });
    return entries.map((entry) => ({
      name: entry.name,
      kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other',
    }));
  },
  async stat(file: string): Promise<FileStat | undefined> {
    try {
      const stats = await fs.stat(toNative(file));
      return {
        kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other',
        size: stats.size,
        mtime: stats.mtimeMs,
        ctime: stats.birthtimeMs || stats.ctimeMs,
        changed: stats.ctimeMs,
      };
    } catch {
      return undefined; // the port's contract: nothing (readable) at `file`
    }
  },
};

/** An absolute `/`-separated path for the core. */
export function toCorePath(file: string): string {
  return path.resolve(file).split(path.sep).join('/');
}

function toNative(file: string): string {
  return path.sep === '/' ? file : file.split('/').join(path.sep);
}
