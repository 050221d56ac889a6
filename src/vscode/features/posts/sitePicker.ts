import * as vscode from 'vscode';
import type { SiteIndex } from '../../../core/api';
import { toCorePath } from '../../convert';
import type { SiteService } from '../../services/siteService';

/** A site given as its root folder: a `vscode.Uri` or an fsPath string. */
export type SiteArgument = vscode.Uri | string | undefined;

export class UserFacingError extends Error {}

/**
 * The site named by `site`, else the only site, else undefined (several sites and none named).
 * Right after activation the sites are still being found and read: like Show Site Summary, the
 * commands wait for that (a rename or the tag picker needs every post), so a task or keybinding that
 * runs at startup does not fail.
 */
export async function resolveSite(service: SiteService, site: SiteArgument, purpose: SitePurpose = 'any'): Promise<SiteIndex | undefined> {
  await service.whenIndexed();
  if (site !== undefined) {
    const uri = typeof site === 'string' ? vscode.Uri.file(site) : site;
    const path = toCorePath(uri).replace(/\/+$/, '');
    return service.sites.find((index) => index.site.root === path) ?? service.siteFor(uri);
  }
  const sites = sitesFor(service, purpose);
  return sites.length === 1 ? sites[0] : undefined;
}

/** `plans`: a command that creates, moves or renames posts, which not every generator does yet. */
export type SitePurpose = 'any' | 'plans';

function sitesFor(service: SiteService, purpose: SitePurpose): readonly SiteIndex[] {
  return purpose === 'plans' ? service.sites.filter((index) => index.site.generator.plansPosts) : service.sites;
}

/** Why a site cannot serve a command that plans posts, or undefined when it can. */
export function planRefusal(index: SiteIndex): string | undefined {
  return index.site.generator.plansPosts ? undefined : vscode.l10n.t('Postcraft cannot create, publish or rename posts on {0} sites yet.', index.site.generator.displayName);
}

/** Asks which site when there are several; the one holding the active editor is offered first. */
export async function pickSite(service: SiteService, hint?: vscode.Uri, purpose: SitePurpose = 'any'): Promise<SiteIndex | undefined> {
  await service.whenIndexed();
  if (service.sites.length === 0) throw new UserFacingError(vscode.l10n.t('Postcraft found no Hexo or Hugo site in this workspace.'));
  const sites = sitesFor(service, purpose);
  if (sites.length === 0) throw new UserFacingError(planRefusal(service.sites[0]) as string);
  if (sites.length === 1) return sites[0];
  const active = hint ? service.siteFor(hint) : vscode.window.activeTextEditor ? service.siteFor(vscode.window.activeTextEditor.document.uri) : undefined;
  const preferred = active && sites.includes(active) ? active : undefined;
  const ordered = preferred ? [preferred, ...sites.filter((site) => site !== preferred)] : [...sites];
  const picked = await vscode.window.showQuickPick(
    ordered.map((index) => ({ label: index.site.config.title ?? index.site.root, description: index.site.root, index })),
    { placeHolder: vscode.l10n.t('Which site?') },
  );
  return picked?.index;
}

/** The site holding `uri`, once the sites are found and read (see resolveSite). */
export async function siteHolding(service: SiteService, uri: vscode.Uri): Promise<SiteIndex | undefined> {
  await service.whenIndexed();
  return service.siteFor(uri);
}

/** The site's root as a URI, in the scheme of the workspace folder that holds it (virtual workspaces too). */
export function siteRootUri(index: SiteIndex): vscode.Uri {
  const root = index.site.root;
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => root === candidate.uri.path || root.startsWith(`${candidate.uri.path.replace(/\/$/, '')}/`));
  return folder ? folder.uri.with({ path: root }) : vscode.Uri.file(root);
}
