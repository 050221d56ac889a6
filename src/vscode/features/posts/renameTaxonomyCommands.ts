import * as vscode from 'vscode';
import { planTaxonomyRename, postsKeepingFolderCategory, type PostText, type SiteIndex, type TaxonomyRename } from '../../../core/api';
import { toUri } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { applyPlan } from './applyPlan';
import { currentText } from '../../services/postTexts';
import { reportErrors } from './newPostCommands';
import { pickSite, planRefusal, resolveSite, siteRootUri, UserFacingError, type SiteArgument } from './sitePicker';
import { Commands } from '../../constants';

/**
 * The programmatic argument: a category's `from`/`to` may be a path from the top (`['技术', '前端']`);
 * `taxonomy` (a plural name, `series`) for `postcraft.renameTerm`.
 */
export interface RenameArgument {
  readonly from: string | readonly string[];
  readonly to: string | readonly string[];
  readonly site?: SiteArgument;
  readonly taxonomy?: string;
}

/** What the Posts view passes when a tag, category or term node is the target. */
export interface TaxonomyNodeArgument {
  readonly site: SiteIndex;
  readonly tag?: string;
  readonly category?: readonly string[];
  readonly taxonomy?: string;
  readonly term?: string;
}

type RenameKind = 'tag' | 'category' | 'term';

function isRenameArgument(value: unknown): value is RenameArgument {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

function isNodeArgument(value: unknown): value is TaxonomyNodeArgument {
  return typeof value === 'object' && value !== null && 'site' in value && ('tag' in value || 'category' in value || 'term' in value);
}

const asPath = (value: string | readonly string[]): string[] => (typeof value === 'string' ? [value] : [...value]).map((name) => name.trim()).filter(Boolean);

async function ask(index: SiteIndex, kind: RenameKind, node?: TaxonomyNodeArgument): Promise<TaxonomyRename | undefined> {
  if (kind === 'term') {
    const taxonomies = index.site.taxonomies ?? ['tags', 'categories'];
    const taxonomy = node?.taxonomy ?? (taxonomies.length === 1 ? taxonomies[0] : await vscode.window.showQuickPick([...taxonomies], { placeHolder: vscode.l10n.t('Taxonomy of the term to rename') }));
    if (!taxonomy) return undefined;
    const from = node?.term ?? (await vscode.window.showQuickPick(index.termCounts(taxonomy).map((term) => ({ label: term.name, description: String(term.count) })), { placeHolder: vscode.l10n.t('Term of {0} to rename', taxonomy) }))?.label;
    if (!from) return undefined;
    const to = await vscode.window.showInputBox({ prompt: vscode.l10n.t('New name for the term "{0}" of {1} (an existing term merges them)', from, taxonomy), value: from });
    return to?.trim() ? { kind, taxonomy, from, to: to.trim() } : undefined;
  }
  if (kind === 'tag') {
    const from = node?.tag ?? (await vscode.window.showQuickPick(index.tagCounts().map((tag) => ({ label: tag.name, description: String(tag.count) })), { placeHolder: vscode.l10n.t('Tag to rename') }))?.label;
    if (!from) return undefined;
    const to = await vscode.window.showInputBox({ prompt: vscode.l10n.t('New name for the tag "{0}" (an existing tag merges them)', from), value: from });
    return to?.trim() ? { kind, from, to: to.trim() } : undefined;
  }
  const from = node?.category ?? (await vscode.window.showQuickPick(index.categoryCounts().map((category) => ({ label: category.path.join(' / '), description: String(category.count), path: category.path })), { placeHolder: vscode.l10n.t('Category to rename') }))?.path;
  if (!from) return undefined;
  const to = await vscode.window.showInputBox({ prompt: vscode.l10n.t('New path for the category "{0}", levels separated by / (an existing category merges them)', from.join(' / ')), value: from.join(' / ') });
  const path = to ? asPath(to.split('/')) : [];
  return path.length > 0 ? { kind, from: [...from], to: path } : undefined;
}

/** The body of `postcraft.renameTag`/`renameCategory`: the URIs of the posts it changed. */
export async function renameTaxonomy(service: SiteService, kind: RenameKind, argument: unknown): Promise<vscode.Uri[] | undefined> {
  let index: SiteIndex | undefined;
  let request: TaxonomyRename | undefined;
  if (isRenameArgument(argument)) {
    index = await resolveSite(service, argument.site, 'renames');
    if (!index) throw new UserFacingError(vscode.l10n.t('Name the site: the workspace has several sites.'));
    const refusal = planRefusal(index, 'renames');
    if (refusal) throw new UserFacingError(refusal);
    const from = asPath(argument.from);
    const to = asPath(argument.to);
    if (from.length === 0 || to.length === 0) throw new UserFacingError(vscode.l10n.t('Both the old and the new name are needed.'));
    if (kind === 'term') {
      if (!argument.taxonomy) throw new UserFacingError(vscode.l10n.t('Name the taxonomy of the term (such as "tags" or "series").'));
      request = { kind, taxonomy: argument.taxonomy, from: from.join('/'), to: to.join('/') };
    } else {
      request = kind === 'tag' ? { kind, from: from.join('/'), to: to.join('/') } : { kind, from, to };
    }
  } else {
    const node = isNodeArgument(argument) ? argument : undefined;
    index = node?.site ?? await pickSite(service, undefined, 'renames');
    if (!index) return undefined;
    const refusal = planRefusal(index, 'renames');
    if (refusal) throw new UserFacingError(refusal);
    request = await ask(index, kind, node);
  }
  if (!request) return undefined;

  // Every post must be read before a rename (a Posts view node can be clicked while indexing runs).
  await service.whenIndexed();
  const like = siteRootUri(index);
  const posts: PostText[] = [];
  for (const record of [...index.posts()]) {
    if (record.kind === 'page') continue;
    const uri = toUri(record.path, like);
    try {
      posts.push({ path: record.path, text: await currentText(uri) });
    } catch {
      // A post deleted since it was indexed has nothing to rename.
    }
  }
  const operations = planTaxonomyRename(posts, request, index.site.generator.termRenameEdits);
  reportFolderCategories(index, request);
  if (operations.length === 0) return [];
  // A refactoring: the editor's `files.refactoring.autoSave` (on by default) saves the posts it
  // changed when there are several, instead of leaving a site's worth of unsaved editors; one undo
  // still reverts them all.
  if (!(await applyPlan(operations, like, { refactoring: true }))) throw new UserFacingError(vscode.l10n.t('The rename could not be applied.'));
  return operations.flatMap((operation) => (operation.kind === 'edit' ? [toUri(operation.path, like)] : []));
}

/** Says how many posts keep the old category from the folder they are in (Jekyll's), which a rename leaves as it is. */
function reportFolderCategories(index: SiteIndex, request: TaxonomyRename): void {
  const kept = postsKeepingFolderCategory(index.site, index.posts(), request);
  if (kept.length === 0) return;
  const name = request.kind === 'category' ? request.from.join(' / ') : request.from;
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} post(s) keep the category "{1}" from the folder they are in, which the rename does not change.', kept.length, name));
}

export function registerRenameTaxonomyCommands(service: SiteService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.renameTag, (argument?: unknown) =>
      reportErrors(isRenameArgument(argument), () => renameTaxonomy(service, 'tag', argument))),
    vscode.commands.registerCommand(Commands.renameCategory, (argument?: unknown) =>
      reportErrors(isRenameArgument(argument), () => renameTaxonomy(service, 'category', argument))),
    vscode.commands.registerCommand(Commands.renameTerm, (argument?: unknown) =>
      reportErrors(isRenameArgument(argument), () => renameTaxonomy(service, 'term', argument))),
  );
}
