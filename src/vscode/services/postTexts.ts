import * as vscode from 'vscode';
import type { SiteIndex } from '../../core/api';
import { toUri } from '../convert';

/** Posts read at once when every post of a site is read (links to a post, references). */
const READS_AT_ONCE = 32;

/**
 * Calls `visit` with the current text (unsaved edits count) of every post, draft and page of the site,
 * a few reads at a time; a file gone since it was indexed is skipped. Stops between batches when cancelled.
 */
export async function forEachPostText(index: SiteIndex, like: vscode.Uri, visit: (uri: vscode.Uri, path: string, text: string) => void, token?: vscode.CancellationToken): Promise<void> {
  const paths = [...index.posts()].map((record) => record.path);
  for (let start = 0; start < paths.length && !token?.isCancellationRequested; start += READS_AT_ONCE) {
    await Promise.all(paths.slice(start, start + READS_AT_ONCE).map(async (path) => {
      const uri = toUri(path, like);
      let text: string;
      try {
        text = await currentText(uri);
      } catch {
        return; // gone since it was indexed
      }
      visit(uri, path, text);
    }));
  }
}

/** What is at `uri`: a file, a folder, or nothing. */
export async function fileTypeAt(uri: vscode.Uri): Promise<'file' | 'folder' | undefined> {
  try {
    const { type } = await vscode.workspace.fs.stat(uri);
    return type & vscode.FileType.Directory ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/** The text of a file as the writer sees it: the open document (unsaved edits included), else the disk. */
export async function currentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
