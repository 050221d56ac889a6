import * as vscode from 'vscode';
import { systemClock } from '../../../core/api';
import { toCorePath, toUri } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { createVscodeFileSystem } from '../../services/vscodeFileSystem';
import { applyPlan, currentText } from './applyPlan';
import { reportErrors } from './newPostCommands';
import { loadPlanners } from './planners';
import { planRefusal, siteHolding, UserFacingError } from './sitePicker';
import { Commands } from '../../constants';

function targetOf(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  return vscode.window.activeTextEditor?.document.uri;
}

/**
 * Saves unsaved changes first: they then go into the published post, AND an undo (which recreates the
 * deleted file from the disk) brings the draft back with them instead of losing them.
 */
async function saveIfDirty(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  if (document?.isDirty && !(await document.save())) throw new UserFacingError(vscode.l10n.t('Could not save {0} first.', uri.fsPath));
}

/** Whether an editor shows `uri`; its replacement is then shown in its place. */
function isVisible(uri: vscode.Uri): boolean {
  return vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === uri.toString());
}

async function move(service: SiteService, argument: unknown, direction: 'publish' | 'unpublish'): Promise<vscode.Uri | undefined> {
  const uri = targetOf(argument);
  if (!uri) throw new UserFacingError(direction === 'publish' ? vscode.l10n.t('Open or select a draft to publish.') : vscode.l10n.t('Open or select a post to move back to drafts.'));
  const index = await siteHolding(service, uri);
  if (!index) throw new UserFacingError(vscode.l10n.t('{0} is not in a Hexo or Hugo site.', uri.fsPath));
  const refusal = planRefusal(index, 'plans');
  if (refusal) throw new UserFacingError(refusal);
  const path = toCorePath(uri);
  const kind = index.site.classify(path);
  if (index.site.generator.draftsInPlace) {
    // A draft is a front-matter flag (Hugo): publishing clears it where the file is.
    const draft = index.post(path)?.published === false;
    if (direction === 'publish' && !draft) throw new UserFacingError(vscode.l10n.t('{0} is not a draft.', uri.fsPath));
    if (direction === 'unpublish' && (draft || !kind)) throw new UserFacingError(vscode.l10n.t('{0} is already a draft.', uri.fsPath));
  } else {
    if (direction === 'publish' && kind !== 'draft') throw new UserFacingError(vscode.l10n.t('{0} is not a draft.', uri.fsPath));
    if (direction === 'unpublish' && kind !== 'post') throw new UserFacingError(vscode.l10n.t('{0} is not a post in _posts.', uri.fsPath));
  }

  const shown = isVisible(uri);
  await saveIfDirty(uri);
  const fs = createVscodeFileSystem(uri);
  const { planPublish, planUnpublish } = await loadPlanners(index.site);
  const plan = direction === 'publish'
    ? await planPublish(fs, index.site, path, await currentText(uri), systemClock)
    : await planUnpublish(fs, index.site, path);
  if (!(await applyPlan(plan.operations, uri))) throw new UserFacingError(vscode.l10n.t('Could not move {0}.', uri.fsPath));
  const target = toUri(plan.path, uri);
  if (shown) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  return target;
}

export function registerPublishCommands(service: SiteService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.publishDraft, (argument?: unknown) =>
      reportErrors(argument instanceof vscode.Uri, () => move(service, argument, 'publish'))),
    vscode.commands.registerCommand(Commands.unpublishPost, (argument?: unknown) =>
      reportErrors(argument instanceof vscode.Uri, () => move(service, argument, 'unpublish'))),
  );
}
