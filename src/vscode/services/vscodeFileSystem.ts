import * as vscode from 'vscode';
import type { DirectoryEntry, FileKind, FileStat, FileSystemPort } from '../../core/api';
import { toUri } from '../convert';
import { createLocalFileSystem } from './localFileSystem';
import { logInfo } from './outputLog';

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

/** Paths outside the workspace a `workspace.fs` port was asked for and did not read, in order. */
const skippedOutside = new Set<string>();

/** What Postcraft did not read because it lies outside the workspace (the Site Summary lists it). */
export function skippedOutsideWorkspace(): string[] {
  return [...skippedOutside];
}

/**
 * Through `workspace.fs` (the browser, virtual workspaces) a path outside every workspace folder names
 * nothing the writer opened: a Jekyll theme gem's system folder is `/usr/share/…` on a disk, but a
 * request to GitHub in github.dev. Such a path is not read: it is treated as absent (the port's
 * contract for what cannot be read), and said once in the Postcraft log.
 */
function outsideWorkspace(uri: vscode.Uri, path: string): boolean {
  if (vscode.workspace.getWorkspaceFolder(uri)) return false;
  if (!skippedOutside.has(path)) {
    skippedOutside.add(path);
    logInfo(vscode.l10n.t('Not read, because it is outside the workspace and this workspace is read through the editor (the browser or a virtual folder): {0}', path));
  }
  return true;
}

function createWorkspaceFileSystem(like: vscode.Uri): FileSystemPort {
  const inside = (path: string): vscode.Uri => {
    const uri = toUri(path, like);
    if (outsideWorkspace(uri, path)) throw vscode.FileSystemError.FileNotFound(uri);
    return uri;
  };
  return {
    async readFile(path: string): Promise<Uint8Array> {
      return vscode.workspace.fs.readFile(inside(path));
    },
    async readDirectory(path: string): Promise<DirectoryEntry[]> {
      const entries = await vscode.workspace.fs.readDirectory(inside(path));
      return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
    },
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const stat = await vscode.workspace.fs.stat(inside(path));
        return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime, ctime: stat.ctime };
      } catch {
        return undefined; // the port's contract: nothing (readable) at `path`
      }
    },
  };
}
