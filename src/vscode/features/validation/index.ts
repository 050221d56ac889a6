import * as vscode from 'vscode';
import type { SiteService } from '../../services/siteService';
import { Commands } from '../../constants';
import { checkAllPosts } from './checkAll';
import { ClosedFileDiagnostics } from './closedFiles';
import { registerCodeActions } from './codeActions';
import { DiagnosticsController } from './diagnostics';
import type { SiteFileSets } from '../../services/siteFileSets';

/** Validation: diagnostics for open posts, quick fixes and fix-all, and "Check All Posts" (kept current on disk changes). */
export function registerValidation(sites: SiteService, files: SiteFileSets): vscode.Disposable {
  const diagnostics = new DiagnosticsController(sites, files);
  const closedFiles = new ClosedFileDiagnostics(diagnostics, sites.onDidAddPosts, sites.fileEvents);
  return vscode.Disposable.from(
    diagnostics,
    closedFiles,
    registerCodeActions(diagnostics),
    vscode.commands.registerCommand(Commands.checkAll, async () => {
      const summary = await checkAllPosts(sites, diagnostics);
      if (!summary.cancelled) closedFiles.followSites(sites.sites.map((index) => index.site.root));
      return summary;
    }),
  );
}
