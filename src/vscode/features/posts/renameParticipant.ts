import * as vscode from 'vscode';
import { logException } from '../../../core/api';
import { toCorePath, toUri, toVsTextEdit } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { applyingPlan } from './applyPlan';
import { currentText, fileTypeAt, forEachPostText } from '../../services/postTexts';
import { dirname } from '../../../core/api';

/**
 * Renaming or moving a post (in the Explorer, or by any extension's `WorkspaceEdit`) keeps the build:
 * the links other posts make to it (Hexo's `post_link` by its slug, Hugo's `ref`/`relref` by its path) follow the new name, and its asset
 * folder moves with it, in the same edit and the same undo. Renaming a file in a post's asset folder
 * renames the post's references to it. Postcraft's own plans (publish, unpublish)
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
    const { generator } = index.site;
    if (kind === undefined && generator.renamedAssetEdits && generator.assetFolderOf) {
      // A file of a post's asset folder: that post's references follow it. The index may lag behind a
      // post renamed a moment ago: the folder's name with each Markdown extension is tried too.
      const folder = dirname(from);
      const indexed = [...index.posts()].find((record) => generator.assetFolderOf!(record.path, index.site) === folder)?.path;
      const candidates = [...(indexed ? [indexed] : []), ...['.md', '.markdown'].map((extension) => `${folder}${extension}`)];
      for (const owner of candidates) {
        if (owner !== indexed && (!index.site.classify(owner) || (await fileTypeAt(toUri(owner, oldUri))) !== 'file')) continue;
        const uri = toUri(owner, oldUri);
        const edits = generator.renamedAssetEdits(await currentText(uri), owner, from, to, index.site);
        if (edits.length > 0) edit.set(uri, edits.map(toVsTextEdit));
        break;
      }
      continue;
    }
    if (kind === undefined) continue;
    const folderFrom = kind !== 'page' ? generator.assetFolderOf?.(from, index.site) : undefined;
    const folderTo = kind !== 'page' ? generator.assetFolderOf?.(to, index.site) : undefined;
    if (folderFrom && folderTo && folderFrom !== folderTo && (await fileTypeAt(toUri(folderFrom, oldUri))) === 'folder' && !(await fileTypeAt(toUri(folderTo, oldUri)))) {
      edit.renameFile(toUri(folderFrom, oldUri), toUri(folderTo, oldUri), { overwrite: false });
    }
    const renamedPostEdits = generator.renamedPostEdits;
    if (!renamedPostEdits) continue;
    await forEachPostText(index, oldUri, (uri, path, text) => {
      const edits = renamedPostEdits(text, from, to, index.site, path, index);
      if (edits.length > 0) edit.set(uri, edits.map(toVsTextEdit));
    });
  }
  return edit;
}
