import * as vscode from 'vscode';
import { checkPosts } from '../../../core/rules';
import { toUri } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { createVscodeFileSystem } from '../../services/vscodeFileSystem';
import type { DiagnosticsController } from './diagnostics';


/** What "Check All Posts" found (returned to callers such as tests). */
export interface CheckAllSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly cancelled: boolean;
}

/**
 * Checks every post, draft and page of every site and publishes the results in the Problems view,
 * with progress and cancellation. Open documents are checked as they are in the editor.
 */
export async function checkAllPosts(sites: SiteService, diagnostics: DiagnosticsController): Promise<CheckAllSummary> {
  await sites.whenIndexed();
  const totals = { files: 0, errors: 0, warnings: 0, infos: 0, cancelled: false };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Postcraft: checking posts'), cancellable: true },
    async (progress, token) => {
      const like = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/');
      const uriOf = (path: string): vscode.Uri => {
        const folder = vscode.workspace.workspaceFolders?.find((candidate) => path.startsWith(`${candidate.uri.path}/`));
        return toUri(path, folder?.uri ?? like);
      };
      const paths = sites.sites.flatMap((index) => [...[...index.posts()].map((record) => record.path), ...index.skipped()]);
      const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
      const now = new Date();
      const checked = checkPosts({
        files: createVscodeFileSystem(like),
        paths,
        contextFor: async (path) => (await diagnostics.targetFor(uriOf(path), now))?.context,
        // Open documents are checked as they are in the editor.
        textOf: (path) => open.get(uriOf(path).toString())?.getText(),
        cancellation: token,
      });
      let position = 0;
      for await (const { path, diagnostics: found } of checked) {
        diagnostics.publish(uriOf(path), found);
        totals.files++;
        for (const diagnostic of found) {
          if (diagnostic.severity === 'error') totals.errors++;
          else if (diagnostic.severity === 'warning') totals.warnings++;
          else totals.infos++;
        }
        if (++position % 25 === 0) {
          progress.report({ message: vscode.l10n.t('{0}/{1} posts', position, paths.length), increment: (25 / Math.max(1, paths.length)) * 100 });
          // Let the editor breathe between batches (typing stays responsive on large sites).
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
      totals.cancelled = token.isCancellationRequested;
    },
  );
  const message = vscode.l10n.t('Postcraft checked {0} posts: {1} errors, {2} warnings, {3} infos.', totals.files, totals.errors, totals.warnings, totals.infos);
  if (totals.errors + totals.warnings + totals.infos > 0) void vscode.commands.executeCommand('workbench.actions.view.problems').then(undefined, () => undefined); // a host without the Problems view
  void vscode.window.showInformationMessage(message);
  return totals;
}
