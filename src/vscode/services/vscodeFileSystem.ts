import * as vscode from 'vscode';
import type { DirectoryEntry, FileKind, FileStat, FileSystemPort } from '../../core/ports';
import { toUri } from '../convert';

function kindOf(type: vscode.FileType): FileKind {
  // A symbolic link carries the File or Directory bit of its target as well.
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

/** The core's file-system port over `workspace.fs`, so virtual and remote workspaces work too. */
export function createVscodeFileSystem(like: vscode.Uri): FileSystemPort {
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
