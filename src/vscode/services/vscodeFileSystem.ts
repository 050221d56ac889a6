import * as vscode from 'vscode';
import type { DirectoryEntry, FileKind, FileStat, FileSystemPort } from '../../core/api';
import { toUri } from '../convert';
import { createLocalFileSystem } from './localFileSystem';

function kindOf(type: vscode.FileType): FileKind {
  // A symbolic link carries the File or Directory bit of its target as well.
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

/**
 * The core's file-system port for a workspace folder. Local folders are read with Node's fs where the
 * extension runs in Node (see localFileSystem.ts); other schemes (virtual and remote workspaces), and
 * every folder in the browser build, go through `workspace.fs`.
 */
export function createVscodeFileSystem(like: vscode.Uri): FileSystemPort {
  return createLocalFileSystem(like) ?? createWorkspaceFileSystem(like);
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
        return undefined; // the port's contract: nothing (readable) at `path`
      }
    },
  };
}
