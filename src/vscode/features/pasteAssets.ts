import * as vscode from 'vscode';
import { basename, extname, safeFileName, unusedFileName } from '../../core/api';
import { MARKDOWN_SELECTOR, Settings } from '../constants';
import { toCorePath, toUri } from '../convert';
import type { SiteService } from '../services/siteService';

/** The kind of Postcraft's paste and drop edits (the editor's widget switches to its plain Markdown one). */
export const ASSET_EDIT_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'image', 'postcraft');

/**
 * Pasting an image (a screenshot) or dropping files into a post copies them where the post's site
 * serves them (`Generator.placeAsset`: Hexo's asset folder, Hugo's page bundle, else the
 * `postcraft.assets.folder`), never over a file, and inserts what the site uses to show them. Text and
 * files are one edit, one undo.
 */
export function registerPasteAssets(service: SiteService): vscode.Disposable {
  const provider = new AssetPasteProvider(service);
  return vscode.Disposable.from(
    vscode.languages.registerDocumentPasteEditProvider(MARKDOWN_SELECTOR, provider, { providedPasteEditKinds: [ASSET_EDIT_KIND], pasteMimeTypes: ['image/*', 'files'] }),
    vscode.languages.registerDocumentDropEditProvider(MARKDOWN_SELECTOR, provider, { providedDropEditKinds: [ASSET_EDIT_KIND], dropMimeTypes: ['image/*', 'files'] }),
  );
}

export class AssetPasteProvider implements vscode.DocumentPasteEditProvider, vscode.DocumentDropEditProvider {
  constructor(private readonly service: SiteService) {}

  async provideDocumentPasteEdits(document: vscode.TextDocument, _ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const planned = await this.plan(document, dataTransfer, true);
    if (!planned) return undefined;
    const edit = new vscode.DocumentPasteEdit(planned.text, vscode.l10n.t('Copy into the site and insert (Postcraft)'), ASSET_EDIT_KIND);
    edit.additionalEdit = planned.files;
    return [edit];
  }

  async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, dataTransfer: vscode.DataTransfer): Promise<vscode.DocumentDropEdit | undefined> {
    const planned = await this.plan(document, dataTransfer, false);
    if (!planned) return undefined;
    const edit = new vscode.DocumentDropEdit(planned.text, vscode.l10n.t('Copy into the site and insert (Postcraft)'), ASSET_EDIT_KIND);
    edit.additionalEdit = planned.files;
    return edit;
  }

  /** The files to write and the text to insert, or undefined when this is no post of a site or no file came. */
  async plan(document: vscode.TextDocument, dataTransfer: vscode.DataTransfer, pasted: boolean): Promise<{ text: string; files: vscode.WorkspaceEdit } | undefined> {
    const index = this.service.siteFor(document.uri);
    const path = toCorePath(document.uri);
    const place = index?.site.generator.placeAsset;
    if (!index || !place || !index.site.classify(path)) return undefined;
    const incoming: Array<{ name: string; data: Uint8Array }> = [];
    for (const [mime, item] of dataTransfer) {
      const file = item.asFile();
      if (!file || (pasted && !mime.startsWith('image/'))) continue;
      incoming.push({ name: file.name, data: await file.data() });
    }
    if (incoming.length === 0) return undefined;
    const fallback = vscode.workspace.getConfiguration(Settings.section, document.uri).get<string>(Settings.assetsFolder, '').trim().replace(/^\/+|\/+$/g, '');
    const placement = place(index.site, path, fallback);
    const folder = toUri(placement.folder, document.uri);
    const taken = new Set(await namesIn(folder));
    const files = new vscode.WorkspaceEdit();
    const references: string[] = [];
    for (const { name, data } of incoming) {
      // A screenshot is named after the post (`my-post.png`); a dropped file keeps its name.
      const wanted = pasted ? `${postStem(path)}${extname(name).toLowerCase() || '.png'}` : safeFileName(name);
      const chosen = unusedFileName(wanted, taken);
      taken.add(chosen);
      files.createFile(vscode.Uri.joinPath(folder, chosen), { contents: data, overwrite: false, ignoreIfExists: false });
      references.push(placement.reference(chosen));
    }
    return { text: references.join('\n'), files };
  }
}

/** The post's name for its files: the file's stem, or a bundle's folder name for its `index.md`. */
function postStem(path: string): string {
  const stem = basename(path).slice(0, -extname(path).length || undefined);
  return safeFileName(/^_?index$/.test(stem) ? basename(path.slice(0, -basename(path).length - 1)) : stem);
}

async function namesIn(folder: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return []; // no folder yet: the first file makes it
  }
}
