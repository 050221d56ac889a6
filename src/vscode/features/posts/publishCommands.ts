import * as vscode from 'vscode';
import { canonicalKey, systemClock, type SiteIndex } from '../../../core/api';
import { toCorePath, toUri } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { createVscodeFileSystem } from '../../services/vscodeFileSystem';
import { applyPlan } from './applyPlan';
import { currentText } from '../../services/postTexts';
import { reportErrors } from './newPostCommands';
import { loadPlanners } from './planners';
import { planRefusal, siteHolding, siteRootUri, UserFacingError } from './sitePicker';
import type { PostsNode } from './postsTree';
import { Commands } from '../../constants';

/** The programmatic argument that also says whether publishing replaces a date the draft has (where the generator asks). */
export interface PublishArgument {
  readonly uri: vscode.Uri;
  readonly redate?: boolean;
}

function isPublishArgument(value: unknown): value is PublishArgument {
  return typeof value === 'object' && value !== null && (value as { uri?: unknown }).uri instanceof vscode.Uri;
}

/** A Posts view post or draft node (the view's inline and context menu actions pass it). */
function isPostNode(value: unknown): value is PostsNode & { type: 'post' } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'post' && 'record' in value && 'site' in value;
}

function targetOf(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (isPublishArgument(argument)) return argument.uri;
  if (isPostNode(argument)) return toUri(argument.record.path, siteRootUri(argument.site));
  return vscode.window.activeTextEditor?.document.uri;
}

/**
 * Whether publishing should write now as the date of a draft that has one (where the generator keeps
 * it): the argument says so, or, when the writer started the command without naming a file (the
 * palette, the Posts view), the writer is asked. A file named programmatically keeps its date.
 */
async function redateChoice(argument: unknown, writtenDate: Date | undefined): Promise<boolean | undefined> {
  if (isPublishArgument(argument)) return argument.redate === true;
  if (argument instanceof vscode.Uri || !writtenDate) return false;
  const keep = { label: vscode.l10n.t('Keep its date ({0})', writtenDate.toLocaleString()), redate: false };
  const now = { label: vscode.l10n.t('Date it now'), description: vscode.l10n.t('the site then lists it as published today'), redate: true };
  const picked = await vscode.window.showQuickPick([keep, now], { placeHolder: vscode.l10n.t('The draft has a date: keep it, or date it now?') });
  return picked?.redate;
}

/** The date the draft's front matter gives it (not one its generator takes from the file), or undefined. */
function writtenDate(index: SiteIndex, path: string): Date | undefined {
  const record = index.post(path);
  const fields = index.site.generator.fields;
  return record?.keys.some((key) => canonicalKey(fields, key) === 'date') ? record.date : undefined;
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
  if (!index) throw new UserFacingError(vscode.l10n.t('{0} is not in a Hexo, Hugo or Jekyll site.', uri.fsPath));
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

  let redate = false;
  if (direction === 'publish' && index.site.generator.publishAsksForDate) {
    const choice = await redateChoice(argument, writtenDate(index, path));
    if (choice === undefined) return undefined;
    redate = choice;
  }

  const shown = isVisible(uri);
  await saveIfDirty(uri);
  const fs = createVscodeFileSystem(uri);
  const { planPublish, planUnpublish } = await loadPlanners(index.site);
  const plan = direction === 'publish'
    ? await planPublish(fs, index.site, path, await currentText(uri), systemClock, { redate })
    : await planUnpublish(fs, index.site, path);
  if (!(await applyPlan(plan.operations, uri))) throw new UserFacingError(vscode.l10n.t('Could not move {0}.', uri.fsPath));
  const target = toUri(plan.path, uri);
  if (shown) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  return target;
}

export function registerPublishCommands(service: SiteService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.publishDraft, (argument?: unknown) =>
      reportErrors(argument instanceof vscode.Uri || isPublishArgument(argument), () => move(service, argument, 'publish'))),
    vscode.commands.registerCommand(Commands.unpublishPost, (argument?: unknown) =>
      reportErrors(argument instanceof vscode.Uri, () => move(service, argument, 'unpublish'))),
  );
}
