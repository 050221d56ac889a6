import * as vscode from 'vscode';
import { updateTimestampEdits } from '../../../core/posts/updateTimestamp';
import { systemClock } from '../../../core/ports';
import { Settings } from '../../constants';
import { toCorePath, toVsTextEdit } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { PostCommands, PostSettings } from './ids';

/** `updated` edits for a post or draft of a site, or none. */
function editsFor(service: SiteService, document: vscode.TextDocument): vscode.TextEdit[] {
  const index = service.siteFor(document.uri);
  const kind = index?.site.classify(toCorePath(document.uri));
  if (!index || !kind) return [];
  return updateTimestampEdits(document.getText(), systemClock.now(), index.site.config.timezone).map(toVsTextEdit);
}

/**
 * `postcraft.updateTimestamp` sets `updated` to now in the active post (or the given one); with
 * `postcraft.updateTimestampOnSave` a manual save of a changed post does it too (never an auto save,
 * which would stamp every pause in typing).
 */
export function registerUpdateTimestamp(service: SiteService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(PostCommands.updateTimestamp, async (argument?: unknown): Promise<boolean> => {
      const uri = argument instanceof vscode.Uri ? argument : vscode.window.activeTextEditor?.document.uri;
      if (!uri) return false;
      const document = await vscode.workspace.openTextDocument(uri);
      await service.whenIndexed(); // its site is known once the sites are found (see resolveSite)
      const edits = editsFor(service, document);
      if (edits.length === 0) return false;
      const edit = new vscode.WorkspaceEdit();
      edit.set(uri, edits);
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.workspace.onWillSaveTextDocument((event) => {
      if (event.reason !== vscode.TextDocumentSaveReason.Manual || !event.document.isDirty) return;
      if (!vscode.workspace.getConfiguration(Settings.section, event.document.uri).get<boolean>(PostSettings.updateTimestampOnSave, false)) return;
      const edits = editsFor(service, event.document);
      if (edits.length > 0) event.waitUntil(Promise.resolve(edits));
    }),
  );
}
