import { promises as nodeFs, readFile as readFileWithCallback, readFileSync } from 'node:fs';
import type * as vscode from 'vscode';
import type { DirectoryEntry, FileStat, FileSystemPort } from '../../core/api';
import { toUri } from '../convert';

/**
 * A read slower than this did not come from the page cache, or the process was preempted. When more
 * than a few reads and more than one in eight are that slow (a cold or network disk, not a busy
 * machine), reads go to the thread pool, so that such a disk never holds the extension host.
 */
const SLOW_SYNC_READ_MS = 4;
const SLOW_SYNC_READS_ALLOWED = 3;
const SLOW_SYNC_READ_SHARE = 1 / 8;

/**
 * A port reading a local (`file:`) folder with Node's fs, or undefined for other schemes. Going through
 * `workspace.fs` costs a round trip per file and made a 10,000-post cold index take 21 s in the editor
 * instead of 3 (measured with `npm run bench:editor`). The browser build has no Node: it takes
 * localFileSystem.web.ts instead.
 */
export function createLocalFileSystem(like: vscode.Uri): FileSystemPort | undefined {
  if (like.scheme !== 'file') return undefined;
  const native = (path: string) => toUri(path, like).fsPath;
  let slowReads = 0;
  let inlineReads = 0;
  const diskIsSlow = () => slowReads > SLOW_SYNC_READS_ALLOWED && slowReads > inlineReads * SLOW_SYNC_READ_SHARE;
  return {
    readFile(path: string): Promise<Uint8Array> {
      const file = native(path);
      if (diskIsSlow()) return new Promise((resolve, reject) => readFileWithCallback(file, (error, bytes) => (error ? reject(error) : resolve(bytes))));
      // A post read from the page cache costs ~10 µs synchronously, against ~0.2 ms of the extension
      // host's own thread through fs.promises (FileHandle, four awaited steps; a CPU profile of a
      // 10,000-post index showed 1.8 s of it) plus the thread pool's threads competing for the same
      // cores. Each read waits for the loop's check phase, so the editor's messages are served
      // between one round of reads and the next.
      return new Promise((resolve, reject) => setImmediate(() => {
        try {
          const start = performance.now();
          resolve(readFileSync(file));
          inlineReads++;
          if (performance.now() - start > SLOW_SYNC_READ_MS) slowReads++;
        } catch (error) {
          reject(error);
        }
      }));
    },
    async readDirectory(path: string): Promise<DirectoryEntry[]> {
      const entries = await nodeFs.readdir(native(path), { withFileTypes: true });
      return entries.map((entry) => ({ name: entry.name, kind: entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other' }));
    },
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const stat = await nodeFs.stat(native(path));
        return { kind: stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other', size: stat.size, mtime: stat.mtimeMs, ctime: stat.birthtimeMs || stat.ctimeMs, changed: stat.ctimeMs };
      } catch {
        return undefined; // the port's contract: nothing (readable) at `path`
      }
    },
  };
}
