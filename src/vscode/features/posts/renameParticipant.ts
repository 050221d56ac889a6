import * as vscode from 'vscode';
import { logException } from '../../../core/api';
import { toCorePath, toUri, toVsTextEdit } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { applyingPlan, currentText } from './applyPlan';

/** Posts read at once while looking for links to a renamed post. */
const READS_AT_ONCE = 32;

/**
 * Renaming or moving a post (in the Explorer, or by any extension's `WorkspaceEdit`) keeps the build:
 * the links other posts make to it by its slug (Hexo's `post_link`) follow the new name, and its asset
 * folder moves with it, in the same edit and the same undo. Postcraft's own plans (publish, unpublish)
 * move what they must themselves.
 */
export function registerPostRenameParticipant(service: SiteService): vscode.Disposable {
  return vscode.workspace.onWillRenameFiles((event) => {
    if (applyingPlan()) return;
    event.waitUntil(editFor(service, event.files).catch((error: unknown) => {
      logException('keeping links to a renamed post', error);
      return new vscode.WorkspaceEdit();
    }));
  });
}

async function editFor(service: SiteService, files: ReadonlyArray<{ readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }>): Promise<vscode.WorkspaceEdit> {
  const edit = new vscode.WorkspaceEdit();
  for (const { oldUri, newUri } of files) {
    const index = service.siteFor(oldUri);
    if (!index) continue;
    const from = toCorePath(oldUri);
    const to = toCorePath(newUri);
    const kind = index.site.classify(from);
    if (kind !== 'post' && kind !== 'draft') continue;
    const { generator } = index.site;
    const folderFrom = generator.assetFolderOf?.(from, index.site);
    const folderTo = generator.assetFolderOf?.(to, index.site);
    if (folderFrom && folderTo && folderFrom !== folderTo && (await isFolder(toUri(folderFrom, oldUri))) && !(await exists(toUri(folderTo, oldUri)))) {
      edit.renameFile(toUri(folderFrom, oldUri), toUri(folderTo, oldUri), { overwrite: false });
    }
    const renamedPostEdits = generator.renamedPostEdits;
    if (!renamedPostEdits) continue;
    const paths = [...index.posts()].map((record) => record.path);
    for (let start = 0; start < paths.length; start += READS_AT_ONCE) {
      await Promise.all(paths.slice(start, start + READS_AT_ONCE).map(async (path) => {
        const uri = toUri(path, oldUri);
        let text: string;
        try {
          text = await currentText(uri);
        } catch {
          return; // gone since it was indexed: nothing links from it
        }
        const edits = renamedPostEdits(text, from, to, index.site);
        if (edits.length > 0) edit.set(uri, edits.map(toVsTextEdit));
      }));
    }
  }
  return edit;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.Directory;
  } catch {
    return false;
  }
}
