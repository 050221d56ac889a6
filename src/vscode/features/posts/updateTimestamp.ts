import * as vscode from 'vscode';
import { systemClock } from '../../../core/api';
import { Commands, Settings } from '../../constants';
import { toCorePath, toVsTextEdit } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { loadPlanners } from './planners';

/**
 * "Last updated" edits for a post or draft of a site, or none. The text and the time are taken by the
 * caller at once (a save must stamp what it saves); the core's plans load on first use.
 */
async function editsFor(service: SiteService, uri: vscode.Uri, text: string, now: Date): Promise<vscode.TextEdit[]> {
  const index = service.siteFor(uri);
  // A generator without plans stamps nothing; a save must never fail for it.
  if (!index?.site.classify(toCorePath(uri)) || !index.site.generator.plansPosts) return [];
  const { updateTimestampEdits } = await loadPlanners(index.site);
  return updateTimestampEdits(index.site, text, now).map(toVsTextEdit);
}

/**
 * `postcraft.updateTimestamp` sets the post's "last updated" field (Hexo's `updated`, Hugo's `lastmod`,
 * Jekyll's `last_modified_at`) to now in the active post (or the given one); with
 * `postcraft.updateTimestampOnSave` a manual save of a changed post does it too (never an auto save,
 * which would stamp every pause in typing).
 */
export function registerUpdateTimestamp(service: SiteService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.updateTimestamp, async (argument?: unknown): Promise<boolean> => {
      const uri = argument instanceof vscode.Uri ? argument : vscode.window.activeTextEditor?.document.uri;
      if (!uri) return false;
      const document = await vscode.workspace.openTextDocument(uri);
      await service.whenIndexed(); // its site is known once the sites are found (see resolveSite)
      const edits = await editsFor(service, uri, document.getText(), systemClock.now());
      if (edits.length === 0) return false;
      const edit = new vscode.WorkspaceEdit();
      edit.set(uri, edits);
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.workspace.onWillSaveTextDocument((event) => {
      if (event.reason !== vscode.TextDocumentSaveReason.Manual || !event.document.isDirty) return;
      if (!vscode.workspace.getConfiguration(Settings.section, event.document.uri).get<boolean>(Settings.updateTimestampOnSave, false)) return;
      event.waitUntil(editsFor(service, event.document.uri, event.document.getText(), systemClock.now()));
    }),
  );
}
