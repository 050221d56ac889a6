import * as vscode from 'vscode';
import { logException } from '../../../core/api';
import { toCorePath, toUri, toVsTextEdit } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { applyingPlan } from './applyPlan';
import { fileTypeAt, forEachPostText } from '../../services/postTexts';

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
    if (folderFrom && folderTo && folderFrom !== folderTo && (await fileTypeAt(toUri(folderFrom, oldUri))) === 'folder' && !(await fileTypeAt(toUri(folderTo, oldUri)))) {
      edit.renameFile(toUri(folderFrom, oldUri), toUri(folderTo, oldUri), { overwrite: false });
    }
    const renamedPostEdits = generator.renamedPostEdits;
    if (!renamedPostEdits) continue;
    await forEachPostText(index, oldUri, (uri, _path, text) => {
      const edits = renamedPostEdits(text, from, to, index.site);
      if (edits.length > 0) edit.set(uri, edits.map(toVsTextEdit));
    });
  }
  return edit;
}
