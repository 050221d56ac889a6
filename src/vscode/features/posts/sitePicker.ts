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

/** The site of the file the writer is in (or the one given), when it can serve the purpose. */
function activeSite(service: SiteService, sites: readonly SiteIndex[], hint?: vscode.Uri): SiteIndex | undefined {
  const uri = hint ?? vscode.window.activeTextEditor?.document.uri;
  const site = uri ? service.siteFor(uri) : undefined;
  return site && sites.includes(site) ? site : undefined;
}

/** `plans`: creating, publishing or stamping posts; `renames`: renaming terms. Not every generator does both yet. */
export type SitePurpose = 'any' | 'plans' | 'renames';

function sitesFor(service: SiteService, purpose: SitePurpose): readonly SiteIndex[] {
  return service.sites.filter((index) => planRefusal(index, purpose) === undefined);
}

/** Why a site cannot serve a command of this purpose, or undefined when it can. */
export function planRefusal(index: SiteIndex, purpose: SitePurpose): string | undefined {
  const generator = index.site.generator;
  if (purpose === 'plans' && !generator.plansPosts) return vscode.l10n.t('Postcraft cannot create or publish posts on {0} sites yet.', generator.displayName);
  if (purpose === 'renames' && !generator.renamesTerms) return vscode.l10n.t('Postcraft cannot rename tags or categories on {0} sites yet.', generator.displayName);
  return undefined;
}

/**
 * The site a command works on: the only one that can serve it, else the one of the given folder or the
 * active editor, else the writer's pick.
 */
export async function pickSite(service: SiteService, hint?: vscode.Uri, purpose: SitePurpose = 'any'): Promise<SiteIndex | undefined> {
  await service.whenIndexed();
  if (service.sites.length === 0) throw new UserFacingError(vscode.l10n.t('Postcraft found no Hexo, Hugo or Jekyll site in this workspace.'));
  const sites = sitesFor(service, purpose);
  if (sites.length === 0) throw new UserFacingError(planRefusal(service.sites[0], purpose) as string);
  if (sites.length === 1) return sites[0];
  const active = activeSite(service, sites, hint);
  if (active) return active;
  const picked = await vscode.window.showQuickPick(
    sites.map((index) => ({ label: index.site.config.title ?? index.site.root, description: index.site.root, index })),
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
