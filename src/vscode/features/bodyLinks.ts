import * as vscode from 'vscode';
import { describeImage, imageInfo } from '../../core/api';
import type { PostRecord } from '../../core/api';
import { MARKDOWN_SELECTOR } from '../constants';
import { toCorePath, toUri, toVsRange } from '../convert';
import type { SiteService } from '../services/siteService';
import { fileTypeAt } from '../services/postTexts';

/**
 * The body's tags as links (the generator's `bodyLinks`): Ctrl+click and Go to Definition open the
 * post a `post_link` names or the asset an `asset_img` shows; hovering a post link shows the post's
 * title, date and tags, an asset's hover shows the image.
 */
export function registerBodyLinks(service: SiteService): vscode.Disposable {
  const links = new BodyLinks(service);
  return vscode.Disposable.from(
    vscode.languages.registerDocumentLinkProvider(MARKDOWN_SELECTOR, { provideDocumentLinks: (document) => links.documentLinks(document) }),
    vscode.languages.registerDefinitionProvider(MARKDOWN_SELECTOR, { provideDefinition: (document, position) => links.definition(document, position) }),
    vscode.languages.registerHoverProvider(MARKDOWN_SELECTOR, { provideHover: (document, position) => links.hover(document, position) }),
  );
}

interface ResolvedLink {
  readonly range: vscode.Range;
  readonly target: vscode.Uri;
  readonly post?: PostRecord;
}

class BodyLinks {
  constructor(private readonly service: SiteService) {}

  /** The document's links whose targets are there (a candidate asset that is not is no link). */
  async resolve(document: vscode.TextDocument): Promise<ResolvedLink[]> {
    const index = this.service.siteFor(document.uri);
    const bodyLinks = index?.site.generator.bodyLinks;
    if (!index || !bodyLinks || !index.site.classify(toCorePath(document.uri))) return [];
    const found = bodyLinks(document.getText(), toCorePath(document.uri), index);
    const resolved = await Promise.all(found.map(async (link): Promise<ResolvedLink | undefined> => {
      const target = toUri(link.target, document.uri);
      if (link.ifExists && (await fileTypeAt(target)) !== 'file') return undefined;
      return { range: toVsRange(link.range), target, ...(link.post ? { post: link.post } : {}) };
    }));
    return resolved.filter((link): link is ResolvedLink => link !== undefined);
  }

  async documentLinks(document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
    return (await this.resolve(document)).map((link) => {
      const documentLink = new vscode.DocumentLink(link.range, link.target);
      documentLink.tooltip = link.post ? vscode.l10n.t('Open the post "{0}"', link.post.title || link.target.path) : vscode.l10n.t('Open the file');
      return documentLink;
    });
  }

  async definition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const link = (await this.resolve(document)).find((candidate) => candidate.range.contains(position));
    return link && new vscode.Location(link.target, new vscode.Position(0, 0));
  }

  async hover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const link = (await this.resolve(document)).find((candidate) => candidate.range.contains(position));
    if (!link) return undefined;
    const markdown = new vscode.MarkdownString();
    if (link.post) {
      markdown.appendMarkdown(`**${escapeMarkdown(link.post.title || link.target.path)}**\n\n`);
      const date = link.post.date ? link.post.date.toISOString().slice(0, 10) : undefined;
      if (date) markdown.appendMarkdown(`${vscode.l10n.t('Dated {0}', date)}\n\n`);
      if (link.post.tags.length > 0) markdown.appendMarkdown(`${vscode.l10n.t('Tags: {0}', escapeMarkdown(link.post.tags.join(', ')))}\n\n`);
    } else if (/\.(png|jpe?g|gif|webp|svg|avif|bmp)$/i.test(link.target.path)) {
      markdown.appendMarkdown(`![](${link.target.toString()})`);
      // Its pixel size and weight, read from the file's header.
      const info = imageInfo(await vscode.workspace.fs.readFile(link.target).then((bytes) => bytes, () => new Uint8Array()));
      if (info) markdown.appendMarkdown(`\n\n${describeImage(info)}`);
    } else {
      return undefined;
    }
    return new vscode.Hover(markdown, link.range);
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
