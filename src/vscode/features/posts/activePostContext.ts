import * as vscode from 'vscode';
import { toCorePath } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { ContextKeys } from '../../constants';

/**
 * Keeps `postcraft.activePost` at 'draft' or 'post' for the active editor's file, as its site reads
 * it, so the manifest can offer Publish and Unpublish where drafts are a front-matter flag (Hugo) and
 * no folder name tells them apart. Set only when it changes: each set is a round trip to the window.
 */
export function registerActivePostContext(service: SiteService): vscode.Disposable {
  let current: string | undefined;
  const refresh = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const index = uri ? service.siteFor(uri) : undefined;
    const path = uri && toCorePath(uri);
    const record = path ? index?.post(path) : undefined;
    let state: string | undefined;
    if (index && record) {
      if (index.site.generator.draftsInPlace) state = record.published ? 'post' : 'draft';
      else state = record.kind === 'draft' ? 'draft' : record.kind === 'post' ? 'post' : undefined;
    }
    if (state === current) return;
    current = state;
    void vscode.commands.executeCommand('setContext', ContextKeys.activePost, state);
  };
  refresh();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(refresh),
    // A draft flag typed or cleared, or the index read at startup.
    service.onDidChangeTaxonomy(refresh),
  );
}
