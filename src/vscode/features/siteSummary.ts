import * as vscode from 'vscode';
import { skippedOutsideWorkspace } from '../services/vscodeFileSystem';
import { Commands } from '../constants';
import type { SiteService } from '../services/siteService';

export interface SiteSummary {
  sites: Array<{ root: string; posts: number; drafts: number; tags: number; categories: number }>;
  /** Paths outside the workspace that were not read (the browser, virtual folders: see vscodeFileSystem). */
  notRead: string[];
}

/**
 * "Postcraft: Show Site Summary". From the palette it shows the numbers; called programmatically it
 * returns them (after indexing finishes), so tests and other extensions can read the index.
 */
export function registerSiteSummary(service: SiteService): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.showSiteSummary, async (options?: { quiet?: boolean }) => {
    await service.whenIndexed();
    const summary: SiteSummary = {
      sites: service.sites.map((index) => {
        let posts = 0;
        let drafts = 0;
        for (const record of index.posts()) {
          if (record.kind === 'post') posts++;
          else if (record.kind === 'draft') drafts++;
        }
        return { root: index.site.root, posts, drafts, tags: index.tagCounts().length, categories: index.categoryCounts().length };
      }),
      notRead: skippedOutsideWorkspace(),
    };
    if (options?.quiet) return summary;
    if (summary.sites.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft found no Hexo, Hugo or Jekyll site in this workspace.'));
      return summary;
    }
    const lines = service.sites.map((index, i) => {
      const site = summary.sites[i];
      const topTags = index.tagCounts().slice(0, 5).map((tag) => `${tag.name} (${tag.count})`).join(', ');
      return vscode.l10n.t('{0}: {1} posts, {2} drafts, {3} tags, {4} categories. Top tags: {5}',
        index.site.config.title ?? site.root, site.posts, site.drafts, site.tags, site.categories, topTags || '—');
    });
    if (summary.notRead.length > 0) lines.push(vscode.l10n.t('Not read (outside the workspace, which is read through the editor here): {0}', summary.notRead.join(', ')));
    void vscode.window.showInformationMessage(lines.join('\n'), { modal: false });
    return summary;
  });
}
