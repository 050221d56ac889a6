import * as vscode from 'vscode';
import { LineMap, logException, type NewPostRequest, type SiteIndex, type SlugStyle, systemClock } from '../../../core/api';
import { Commands, Settings } from '../../constants';
import { toUri, toVsPosition } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { createVscodeFileSystem } from '../../services/vscodeFileSystem';
import { applyPlan } from './applyPlan';
import { pickMany } from './multiPick';
import { isPlanError, loadPlanners } from './planners';
import { pickSite, planRefusal, resolveSite, siteRootUri, UserFacingError, type SiteArgument } from './sitePicker';

/** The programmatic argument of `postcraft.newPost`/`newDraft`/`newPage`: given, nothing is asked. */
export interface NewPostArgument {
  readonly title: string;
  readonly site?: SiteArgument;
  readonly tags?: readonly string[];
  readonly categories?: readonly (string | readonly string[])[];
  readonly layout?: string;
  /** Where the site has page bundles (Hugo): a folder with `index.md` (true) or one file (false). */
  readonly bundle?: boolean;
}

type Kind = 'post' | 'draft' | 'page';

function isArgument(value: unknown): value is NewPostArgument {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && typeof (value as NewPostArgument).title === 'string';
}

function slugStyle(site: SiteIndex): SlugStyle {
  const value = vscode.workspace.getConfiguration(Settings.section, siteRootUri(site)).get<string>(Settings.slug, 'hexo');
  return value === 'pinyin' ? 'pinyin' : 'hexo';
}

/** Layouts a post can take: the site's scaffolds other than draft and page, and the default layout. */
function postLayouts(site: SiteIndex): string[] {
  const layouts = new Set([site.site.config.defaultLayout]);
  for (const name of site.site.scaffolds.keys()) if (name !== 'draft' && name !== 'page') layouts.add(name);
  return [...layouts];
}

async function askForPost(site: SiteIndex, kind: Kind): Promise<Omit<NewPostRequest, 'slugStyle'> | undefined> {
  const prompts: Record<Kind, string> = {
    post: vscode.l10n.t('Title of the new post'),
    draft: vscode.l10n.t('Title of the new draft'),
    page: vscode.l10n.t('Title of the new page'),
  };
  const title = await vscode.window.showInputBox({
    prompt: prompts[kind],
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('A title is needed.')),
  });
  if (!title) return undefined;
  if (kind === 'page') return { title, layout: 'page' };

  let layout = kind === 'draft' ? 'draft' : site.site.config.defaultLayout;
  if (kind === 'post') {
    const layouts = postLayouts(site);
    if (layouts.length > 1) {
      const picked = await vscode.window.showQuickPick(layouts.map((name) => ({ label: name, description: name === site.site.config.defaultLayout ? vscode.l10n.t('default layout') : undefined })), {
        placeHolder: vscode.l10n.t('Layout (from the site\'s scaffolds)'),
      });
      if (!picked) return undefined;
      layout = picked.label;
    }
  }
  const tagItems = site.tagCounts().map((tag) => ({ label: tag.name, description: String(tag.count) }));
  const tags = await pickMany(tagItems, vscode.l10n.t('Tags (pick any number, or type a new one)'), vscode.l10n.t('new tag'));
  if (!tags) return undefined;
  const categoryItems = site.categoryCounts().map((category) => ({ label: category.path.join(' › '), description: String(category.count), path: category.path }));
  const categories = categoryItems.length === 0 ? [] : await vscode.window.showQuickPick(categoryItems, { canPickMany: true, placeHolder: vscode.l10n.t('Categories (each pick is one hierarchy)') });
  if (!categories) return undefined;
  return {
    title,
    layout,
    tags,
    categories: site.site.generator.categoriesValue(categories.map((category) => category.path)),
    ...(mostlyBundles(site) ? { bundle: true } : {}),
  };
}

/** Whether most of the site's posts are page bundles (a folder with `index.md`): a new one then is too. */
function mostlyBundles(site: SiteIndex): boolean {
  let bundles = 0;
  let posts = 0;
  for (const record of site.posts()) {
    if (record.kind === 'page') continue;
    posts++;
    if (record.path.endsWith('/index.md')) bundles++;
  }
  return bundles * 2 > posts;
}

async function createPost(service: SiteService, kind: Kind, argument: unknown): Promise<vscode.Uri | undefined> {
  const programmatic = isArgument(argument);
  const hint = argument instanceof vscode.Uri ? argument : undefined;
  const site = programmatic ? await resolveSite(service, argument.site, 'plans') : await pickSite(service, hint, 'plans');
  if (!site) {
    if (programmatic) throw new UserFacingError(vscode.l10n.t('Name the site: the workspace has several sites.'));
    return undefined;
  }
  const refusal = planRefusal(site, 'plans');
  if (refusal) throw new UserFacingError(refusal);
  const fixedLayout = kind === 'draft' ? 'draft' : kind === 'page' ? 'page' : undefined;
  const request = programmatic
    ? { title: argument.title, layout: fixedLayout ?? argument.layout, tags: argument.tags, categories: argument.categories, bundle: argument.bundle }
    : await askForPost(site, kind);
  if (!request) return undefined;

  const like = siteRootUri(site);
  const { planNewPost } = await loadPlanners(site.site);
  const plan = await planNewPost(createVscodeFileSystem(like), site.site, { ...request, slugStyle: slugStyle(site) }, systemClock);
  if (!(await applyPlan(plan.operations, like))) throw new UserFacingError(vscode.l10n.t('Could not create {0}.', plan.path));
  const uri = toUri(plan.path, like);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const cursor = toVsPosition(new LineMap(plan.content).positionAt(plan.bodyOffset));
  editor.selection = new vscode.Selection(cursor, cursor);
  return uri;
}

/**
 * Runs a command body: an error is always shown to the writer (menus pass arguments too), and is
 * rethrown to callers that passed an argument, so that tasks and tests see the failure.
 */
export async function reportErrors<T>(programmatic: boolean, body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    const known = error instanceof UserFacingError || isPlanError(error);
    // Anything else is a bug: its stack goes to the log, where the message shown cannot hold it.
    if (!known) logException('a post command', error);
    void vscode.window.showErrorMessage(known ? (error as Error).message : vscode.l10n.t('Postcraft: {0}', String(error)));
    if (programmatic) throw error;
    return undefined;
  }
}

export function registerNewPostCommands(service: SiteService): vscode.Disposable {
  const register = (command: string, kind: Kind): vscode.Disposable => vscode.commands.registerCommand(command, (argument?: unknown) =>
    reportErrors(isArgument(argument), () => createPost(service, kind, argument)));
  return vscode.Disposable.from(
    register(Commands.newPost, 'post'),
    register(Commands.newDraft, 'draft'),
    register(Commands.newPage, 'page'),
  );
}
