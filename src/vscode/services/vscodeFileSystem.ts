import { promises as nodeFs, readFile as readFileWithCallback } from 'node:fs';
import * as vscode from 'vscode';
import type { DirectoryEntry, FileKind, FileStat, FileSystemPort } from '../../core/ports';
import { toUri } from '../convert';

function kindOf(type: vscode.FileType): FileKind {
  // A symbolic link carries the File or Directory bit of its target as well.
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

/**
 * The core's file-system port for a workspace folder. Local folders are read with Node's fs: going
 * through `workspace.fs` costs a round trip per file and made a 10,000-post cold index take 21 s in
 * the editor instead of 3 (measured with `npm run bench:editor`). Other schemes (virtual and remote
 * workspaces) go through `workspace.fs`.
 */
export function createVscodeFileSystem(like: vscode.Uri): FileSystemPort {
  return like.scheme === 'file' ? createNodeFileSystem(like) : createWorkspaceFileSystem(like);
}

function createWorkspaceFileSystem(like: vscode.Uri): FileSystemPort {
  return {
    async readFile(path: string): Promise<Uint8Array> {
      return vscode.workspace.fs.readFile(toUri(path, like));
    },
    async readDirectory(path: string): Promise<DirectoryEntry[]> {
      const entries = await vscode.workspace.fs.readDirectory(toUri(path, like));
      return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
    },
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const stat = await vscode.workspace.fs.stat(toUri(path, like));
        return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime, ctime: stat.ctime };
      } catch {
        return undefined;
      }
    },
  };
}

function createNodeFileSystem(like: vscode.Uri): FileSystemPort {
  const native = (path: string) => toUri(path, like).fsPath;
  return {
    readFile(path: string): Promise<Uint8Array> {
      // The callback form: fs.promises.readFile opens a FileHandle and awaits four steps per file,
      // which cost the extension host ~0.2 ms of its own thread per post (a CPU profile of a
      // 10,000-post index: 1.8 s in open, fstat, read and close), time the editor's requests wait for.
      return new Promise((resolve, reject) => readFileWithCallback(native(path), (error, bytes) => (error ? reject(error) : resolve(bytes))));
    },
    async readDirectory(path: string): Promise<DirectoryEntry[]> {
      const entries = await nodeFs.readdir(native(path), { withFileTypes: true });
      return entries.map((entry) => ({ name: entry.name, kind: entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other' }));
    },
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const stat = await nodeFs.stat(native(path));
        return { kind: stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other', size: stat.size, mtime: stat.mtimeMs, ctime: stat.birthtimeMs || stat.ctimeMs };
      } catch {
        return undefined;
      }
    },
  };
}
