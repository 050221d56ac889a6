import * as vscode from 'vscode';
import type { PreviewWebviewState } from '../../../core/render';
import type { SiteService } from '../../services/siteService';
import { localizedLabels } from './previewLabels';
import type { PreviewDebugState, PreviewPanel } from './previewPanel';
import { Commands, InternalCommands, Settings, Views } from '../../constants';

/**
 * The panel and the renderer behind it (markdown-it, highlight.js, KaTeX, the sanitizer) load with
 * the first preview, not at activation: a writer who never opens one never pays for them (the bundle
 * evaluates a dynamically imported module on first use).
 */
const loadPanel = () => import('./previewPanel.js');

/** A preview panel's options (the webview's own options are set by `PreviewPanel`). */
const PANEL_OPTIONS = { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false } as const satisfies vscode.WebviewPanelOptions & vscode.WebviewOptions;

function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}

/**
 * The previews: "Open Preview" and "Open Preview to the Side", the one unlocked preview that follows
 * the active Markdown editor, locked previews that stay on their post, live updates while typing,
 * editor → preview scroll sync, and restoring previews after a window reload.
 */
export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer<PreviewWebviewState> {
  private readonly panels = new Set<PreviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly labels = localizedLabels();

  constructor(private readonly extensionUri: vscode.Uri, private readonly sites: SiteService) {
    this.disposables.push(
      vscode.commands.registerCommand(Commands.openPreview, (uri?: vscode.Uri) => this.open(uri, false)),
      vscode.commands.registerCommand(Commands.openPreviewToSide, (uri?: vscode.Uri) => this.open(uri, true)),
      vscode.commands.registerCommand(Commands.togglePreviewLock, () => this.toggleLock()),
      vscode.commands.registerCommand(InternalCommands.previewDebugState, (): PreviewDebugState[] => [...this.panels].map((panel) => panel.debugState())),
      vscode.commands.registerCommand(InternalCommands.previewDebugRestore, (state: PreviewWebviewState) => this.debugRestore(state)),
      vscode.window.registerWebviewPanelSerializer(Views.preview, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        for (const panel of this.panelsFor(event.document)) panel.documentEdited();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        const line = event.visibleRanges[0]?.start.line;
        if (line === undefined) return;
        for (const panel of this.panelsFor(event.textEditor.document)) panel.scrollToLine(line);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(`${Settings.section}.preview`) && !event.affectsConfiguration(`${Settings.section}.wordCount`)) return;
        for (const panel of this.panels) panel.refresh();
      }),
      // Another post's title changed, or the index finished: post_link titles may have changed.
      sites.onDidChange(() => {
        for (const panel of this.panels) panel.rerender();
      }),
    );
  }

  private panelsFor(document: vscode.TextDocument): PreviewPanel[] {
    const key = document.uri.toString();
    return [...this.panels].filter((panel) => panel.resource.toString() === key);
  }

  private async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const document = uri instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown post to preview it.'));
      return;
    }
    // Before looking for a panel to reuse: no other open() can slip in between the look and the use.
    const { PreviewPanel } = await loadPanel();
    const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
    const existing = [...this.panels].find((panel) => !panel.locked) ?? this.panelsFor(document)[0];
    if (existing) {
      existing.showDocument(document);
      existing.panel.reveal(toSide ? undefined : column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(Views.preview, vscode.l10n.t('Preview'), { viewColumn: column, preserveFocus: toSide }, PANEL_OPTIONS);
    this.adopt(new PreviewPanel(panel, document, false, this.sites, this.extensionUri, this.labels));
  }

  private adopt(panel: PreviewPanel): PreviewPanel {
    this.panels.add(panel);
    panel.onDidDispose(() => this.panels.delete(panel));
    return panel;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isMarkdown(editor.document)) return;
    for (const panel of this.panels) if (!panel.locked) panel.showDocument(editor.document);
  }

  private toggleLock(): void {
    const active = [...this.panels].find((panel) => panel.panel.active) ?? [...this.panels][0];
    active?.setLocked(!active.locked);
  }

  /** Restores a preview after a window reload, from what its webview saved with setState. */
  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: PreviewWebviewState | undefined): Promise<void> {
    const resource = state?.resource ? vscode.Uri.parse(state.resource) : vscode.window.activeTextEditor?.document.uri;
    let document: vscode.TextDocument | undefined;
    try {
      document = resource ? await vscode.workspace.openTextDocument(resource) : undefined;
    } catch {
      document = undefined; // the post was deleted or moved before the reload: no preview to restore
    }
    if (!document) {
      webviewPanel.dispose();
      return;
    }
    const { PreviewPanel } = await loadPanel();
    this.adopt(new PreviewPanel(webviewPanel, document, state?.locked === true, this.sites, this.extensionUri, this.labels, state?.line));
  }

  /**
   * The serializer's path on a fresh panel, for tests (a real window reload ends the test run). The
   * panel gets the options a revived preview has (the editor persists them); `deserializeWebviewPanel`
   * sets the webview's options (scripts, resource roots) again anyway.
   */
  private async debugRestore(state: PreviewWebviewState): Promise<PreviewDebugState | undefined> {
    const panel = vscode.window.createWebviewPanel(Views.preview, vscode.l10n.t('Preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, PANEL_OPTIONS);
    await this.deserializeWebviewPanel(panel, state);
    return [...this.panels].find((candidate) => candidate.panel === panel)?.debugState();
  }

  dispose(): void {
    for (const panel of [...this.panels]) panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

export function registerPreview(context: vscode.ExtensionContext, sites: SiteService): vscode.Disposable {
  return new PreviewManager(context.extensionUri, sites);
}
