import * as vscode from 'vscode';
import { basename, type CategoryPath, type PostRecord, type SiteIndex } from '../../../core/api';
import { toUri } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { siteRootUri } from './sitePicker';
import { Commands, InternalCommands, TreeGroupKinds, TreeItemKinds, Views } from '../../constants';
import { Debouncer } from '../../services/debouncer';

/** The Posts view's nodes. Tag and category nodes double as the rename commands' argument. */
export type PostsNode =
  | { readonly type: 'site'; readonly site: SiteIndex }
  | { readonly type: 'group'; readonly site: SiteIndex; readonly group: 'tags' | 'categories' | 'drafts' | 'unlisted' }
  /** A taxonomy beyond tags and categories (Hugo's `series`), by its plural name. */
  | { readonly type: 'taxonomy'; readonly site: SiteIndex; readonly taxonomy: string }
  | { readonly type: 'term'; readonly site: SiteIndex; readonly taxonomy: string; readonly term: string; readonly count: number }
  | { readonly type: 'tag'; readonly site: SiteIndex; readonly tag: string; readonly count: number }
  | { readonly type: 'category'; readonly site: SiteIndex; readonly category: CategoryPath; readonly count: number }
  | { readonly type: 'post'; readonly site: SiteIndex; readonly record: PostRecord };

const byTitle = (a: PostRecord, b: PostRecord): number => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0) || a.title.localeCompare(b.title);

function startsWith(path: CategoryPath, prefix: CategoryPath): boolean {
  return prefix.length <= path.length && prefix.every((name, index) => path[index] === name);
}

/**
 * Tags, categories (as Hexo's hierarchy) and drafts of each site with their counts as Hexo counts
 * them; each expands to its posts, and a post opens on click.
 */
export class PostsTreeProvider implements vscode.TreeDataProvider<PostsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PostsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshTimer = new Debouncer<'refresh'>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: SiteService) {
    // Tags, categories and drafts by title: typing a post's body changes none of them.
    this.subscription = service.onDidChangeTaxonomy(() => this.refreshSoon());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  private refreshSoon(): void {
    this.refreshTimer.schedule('refresh', 300, () => this.refresh());
  }

  getChildren(node?: PostsNode): PostsNode[] {
    if (!node) {
      const sites = this.service.sites;
      return sites.length === 1 ? this.groupsOf(sites[0]) : sites.map((site) => ({ type: 'site', site }));
    }
    const site = node.site;
    switch (node.type) {
      case 'site': return this.groupsOf(site);
      case 'group':
        if (node.group === 'tags') return site.tagCounts().map((tag) => ({ type: 'tag', site, tag: tag.name, count: tag.count }));
        if (node.group === 'categories') return this.categoriesUnder(site, []);
        if (node.group === 'unlisted') return this.unlisted(site).sort(byTitle).map((record) => ({ type: 'post', site, record }));
        return [...site.posts()].filter((record) => isDraft(site, record)).sort(byTitle).map((record) => ({ type: 'post', site, record }));
      case 'taxonomy':
        return (site.termCounts(node.taxonomy)).map((term) => ({ type: 'term', site, taxonomy: node.taxonomy, term: term.name, count: term.count }));
      case 'term':
        return this.countedPosts(site).filter((record) => record.terms?.[node.taxonomy]?.includes(node.term)).sort(byTitle).map((record) => ({ type: 'post', site, record }));
      case 'tag':
        return this.countedPosts(site).filter((record) => record.tags.includes(node.tag)).sort(byTitle).map((record) => ({ type: 'post', site, record }));
      case 'category': {
        const posts = this.countedPosts(site).filter((record) => record.categories.some((hierarchy) => startsWith(hierarchy, node.category)));
        return [...this.categoriesUnder(site, node.category), ...posts.sort(byTitle).map((record): PostsNode => ({ type: 'post', site, record }))];
      }
      default: return [];
    }
  }

  /** Tags, categories, the site's other taxonomies (Hugo's), drafts; a taxonomy the site does not have is left out. */
  private groupsOf(site: SiteIndex): PostsNode[] {
    const taxonomies = site.site.taxonomies;
    const has = (plural: string) => !taxonomies || taxonomies.includes(plural);
    return [
      ...(['tags', 'categories'] as const).filter(has).map((group): PostsNode => ({ type: 'group', site, group })),
      ...(taxonomies ?? []).filter((plural) => plural !== 'tags' && plural !== 'categories').map((taxonomy): PostsNode => ({ type: 'taxonomy', site, taxonomy })),
      { type: 'group', site, group: 'drafts' },
      // Posts the build leaves out for their dates (future, expired), when there are any.
      ...(this.unlisted(site).length > 0 ? [{ type: 'group', site, group: 'unlisted' } as PostsNode] : []),
    ];
  }

  /** Published posts and pages the site's build does not list now: dated in the future, or expired. */
  private unlisted(site: SiteIndex): PostRecord[] {
    return [...site.posts()].filter((record) => !record.error && !isDraft(site, record) && record.kind !== 'page' && !site.isCounted(record));
  }

  /** The posts Hexo counts in tags and categories (published posts; drafts too with render_drafts). */
  private countedPosts(site: SiteIndex): PostRecord[] {
    return [...site.posts()].filter((record) => site.isCounted(record));
  }

  private categoriesUnder(site: SiteIndex, parent: CategoryPath): PostsNode[] {
    return site.categoryCounts()
      .filter((category) => category.path.length === parent.length + 1 && startsWith(category.path, parent))
      .map((category) => ({ type: 'category', site, category: category.path, count: category.count }));
  }

  getTreeItem(node: PostsNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.type) {
      case 'site': {
        const item = new vscode.TreeItem(node.site.site.config.title ?? basename(node.site.site.root), vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.site.site.root;
        item.iconPath = new vscode.ThemeIcon('globe');
        return item;
      }
      case 'group': {
        const labels = { tags: vscode.l10n.t('Tags'), categories: vscode.l10n.t('Categories'), drafts: vscode.l10n.t('Drafts'), unlisted: vscode.l10n.t('Scheduled or expired') };
        const icons = { tags: 'tag', categories: 'list-tree', drafts: 'edit', unlisted: 'calendar' };
        const item = new vscode.TreeItem(labels[node.group], collapsed);
        item.iconPath = new vscode.ThemeIcon(icons[node.group]);
        item.contextValue = TreeGroupKinds[node.group];
        return item;
      }
      case 'taxonomy': {
        const item = new vscode.TreeItem(node.taxonomy, collapsed);
        item.iconPath = new vscode.ThemeIcon('symbol-enum');
        return item;
      }
      case 'term': return countedItem(node.term, node.count, 'symbol-enum-member', TreeItemKinds.term);
      case 'tag': return countedItem(node.tag, node.count, 'tag', TreeItemKinds.tag);
      case 'category': return countedItem(node.category[node.category.length - 1], node.count, 'folder', TreeItemKinds.category);
      case 'post': {
        const uri = toUri(node.record.path, siteRootUri(node.site));
        const item = new vscode.TreeItem(node.record.title || basename(node.record.path), vscode.TreeItemCollapsibleState.None);
        item.resourceUri = uri;
        item.description = node.record.date ? node.record.date.toISOString().slice(0, 10) : undefined;
        item.tooltip = uri.fsPath;
        item.contextValue = isDraft(node.site, node.record) ? TreeItemKinds.draft : TreeItemKinds.post;
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
        return item;
      }
    }
  }

  dispose(): void {
    this.refreshTimer.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** A draft: in the drafts folder (Hexo), or marked in its front matter where drafts stay in place (Hugo). */
function isDraft(site: SiteIndex, record: PostRecord): boolean {
  return record.kind === 'draft' || (site.site.generator.draftsInPlace && !record.published);
}

/** A tag or category: its name, how many posts Hexo counts, and the kind its context menu matches. */
function countedItem(label: string, count: number, icon: string, kind: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = String(count);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = kind;
  return item;
}

/** A Posts view item as the debug command reports it (for tests, which may run in another extension host). */
export interface PostsViewItem {
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  /** The command a click runs, and the file a post item opens. */
  readonly command?: string;
  readonly resource?: string;
  /** Left out below the depth asked for. */
  readonly children?: PostsViewItem[];
}

/** The live view's items down to `depth` levels. */
function describeTree(provider: PostsTreeProvider, depth: number, node?: PostsNode): PostsViewItem[] {
  return provider.getChildren(node).map((child) => {
    const item = provider.getTreeItem(child);
    return {
      label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
      description: typeof item.description === 'string' ? item.description : undefined,
      contextValue: item.contextValue,
      command: item.command?.command,
      resource: item.resourceUri?.toString(),
      children: depth > 1 ? describeTree(provider, depth - 1, child) : undefined,
    };
  });
}

export function registerPostsTree(service: SiteService): vscode.Disposable {
  const provider = new PostsTreeProvider(service);
  const view = vscode.window.createTreeView(Views.posts, { treeDataProvider: provider, showCollapseAll: true });
  return vscode.Disposable.from(
    provider,
    view,
    vscode.commands.registerCommand(Commands.refreshPostsView, () => provider.refresh()),
    vscode.commands.registerCommand(InternalCommands.postsViewDebugTree, (depth = 4): PostsViewItem[] => describeTree(provider, depth)),
  );
}
