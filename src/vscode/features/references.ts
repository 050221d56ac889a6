import * as vscode from 'vscode';
import { carriesTerm, termAt, type SiteIndex } from '../../core/api';
import { MARKDOWN_SELECTOR } from '../constants';
import { toCorePath, toUri, toVsRange } from '../convert';
import type { SiteService } from '../services/siteService';
import { forEachPostText } from '../services/postTexts';

/**
 * Find All References in posts: on a tag or category in front matter, every post filed under it (at
 * its front matter); elsewhere in a post, or on a link to another post (`post_link`), every place in
 * the site's posts that links to that post, as its generator reads links.
 */
export function registerReferences(service: SiteService): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(MARKDOWN_SELECTOR, {
    provideReferences: (document, position, _context, token) => references(service, document, position, token),
  });
}

async function references(service: SiteService, document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
  const index = service.siteFor(document.uri);
  const path = toCorePath(document.uri);
  if (!index || !index.site.classify(path)) return undefined;
  const text = document.getText();
  const offset = document.offsetAt(position);
  const term = termAt(text, offset, index.site);
  if (term) {
    return [...index.posts()].filter((record) => carriesTerm(record, term, index.site)).map((record) => {
      const lines = record.frontMatterLines ?? { start: 0, end: 0 };
      return new vscode.Location(toUri(record.path, document.uri), new vscode.Range(lines.start, 0, lines.end, 0));
    });
  }
  const bodyLinks = index.site.generator.bodyLinks;
  if (!bodyLinks) return undefined;
  // On a link to a post, that post; anywhere else in a post, the post itself.
  const onLink = bodyLinks(text, path, index).find((link) => link.post && link.range.startOffset <= offset && offset <= link.range.endOffset);
  const target = onLink?.target ?? path;
  return linksTo(index, target, document.uri, token);
}

async function linksTo(index: SiteIndex, target: string, like: vscode.Uri, token: vscode.CancellationToken): Promise<vscode.Location[]> {
  const bodyLinks = index.site.generator.bodyLinks!;
  const found: vscode.Location[] = [];
  await forEachPostText(index, like, (uri, path, text) => {
    for (const link of bodyLinks(text, path, index)) if (link.target === target && link.post) found.push(new vscode.Location(uri, toVsRange(link.range)));
  }, token);
  return found.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()) || a.range.start.compareTo(b.range.start));
}
