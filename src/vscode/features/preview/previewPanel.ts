import * as vscode from 'vscode';
import { bodySyntaxOf, createNonce, eagerLinesAround, previewPageHtml, renderPost, type EagerLines, type FromWebview, type PreviewLabels, type RenderContext, type ToWebview } from '../../../core/render';
import { decodeText, DEFAULT_GENERATOR } from '../../../core/api';
import { toCorePath, toUri } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { Settings } from '../../constants';
import { Debouncer } from '../../services/debouncer';

/** What a preview's webview last reported after patching its DOM (its `rendered` message, as the protocol defines it). */
export type PreviewReport = Omit<Extract<FromWebview, { type: 'rendered' }>, 'type'>;

export interface PreviewDebugState {
  readonly resource: string;
  readonly locked: boolean;
  readonly visible: boolean;
  /** Renders sent to the webview. */
  readonly version: number;
  readonly rendered?: PreviewReport;
  /** From the edit that triggered the last render to the webview's patched DOM, in ms. */
  readonly lastEditToDomMs?: number;
  readonly lastRenderMs?: number;
  /** Code blocks and formulas the first render of this document left for its follow-up. */
  readonly deferredAtFirstPaint?: number;
}

/**
 * One preview panel: renders its document with the core renderer, sends the HTML to the webview
 * (which patches its DOM), and carries scroll, double-click and link messages back to the editor.
 */
export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private version = 0;
  private ready = false;
  private readonly renderTimer = new Debouncer<'render'>();
  private pendingEditAt: number | undefined;
  private sentEditAt = new Map<number, number>();
  private lastRenderMs = 0;
  private report: PreviewReport | undefined;
  private lastEditToDomMs: number | undefined;
  private revealedFromPreviewAt = 0;
  private documentChanged = true;
  private initialLine: number | undefined;
  /** The source line at the top of the preview, as it last reported when scrolled. */
  private previewLine = 0;
  private deferredAtFirstPaint: number | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private document: vscode.TextDocument,
    public locked: boolean,
    private readonly sites: SiteService,
    private readonly extensionUri: vscode.Uri,
    private readonly labels: PreviewLabels,
    initialLine?: number,
  ) {
    this.initialLine = initialLine;
    // Listen before the page exists: its 'ready' message is what starts the first render (also for a
    // panel revived by the serializer, whose webview starts loading as soon as it gets its HTML).
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.scheduleRender(0);
      }),
    );
    this.configureWebview();
    this.updateTitle();
  }

  get resource(): vscode.Uri {
    return this.document.uri;
  }

  /** Shows another document (the preview follows the active editor). */
  showDocument(document: vscode.TextDocument): void {
    if (document.uri.toString() === this.document.uri.toString()) return;
    this.document = document;
    this.documentChanged = true;
    this.initialLine = undefined;
    this.previewLine = 0;
    this.configureWebview();
    this.updateTitle();
    this.scheduleRender(0);
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
    this.post({ type: 'setLocked', locked });
  }

  /** The document changed: re-render after a pause that grows with the cost of a render. */
  documentEdited(): void {
    this.pendingEditAt ??= Date.now();
    this.scheduleRender(Math.min(300, Math.max(25, this.lastRenderMs * 1.5)));
  }

  refresh(): void {
    this.configureWebview();
    this.scheduleRender(0);
  }

  /** Rendering again (e.g. after the index changed: `post_link` titles). */
  rerender(): void {
    this.scheduleRender(50);
  }

  scrollToLine(line: number): void {
    // The editor scrolled because the preview asked it to: do not echo it back.
    if (Date.now() - this.revealedFromPreviewAt < 300) return;
    this.post({ type: 'scrollToLine', line });
  }

  debugState(): PreviewDebugState {
    return {
      resource: this.document.uri.toString(),
      locked: this.locked,
      visible: this.panel.visible,
      version: this.version,
      rendered: this.report,
      deferredAtFirstPaint: this.deferredAtFirstPaint,
      lastEditToDomMs: this.lastEditToDomMs,
      lastRenderMs: this.lastRenderMs,
    };
  }

  private updateTitle(): void {
    const name = this.document.uri.path.split('/').pop() ?? '';
    this.panel.title = this.locked ? vscode.l10n.t('[Locked] Preview {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  private localResourceRoots(): vscode.Uri[] {
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview')];
    const index = this.sites.siteFor(this.document.uri);
    if (index) roots.push(toUri(index.site.root, this.document.uri));
    else roots.push(vscode.Uri.joinPath(this.document.uri, '..'));
    // The writer's extra styles may live anywhere in the workspace folder of the post.
    const folder = vscode.workspace.getWorkspaceFolder(this.document.uri);
    if (folder && this.extraStyles().length) roots.push(folder.uri);
    return roots;
  }

  private extraStyles(): vscode.Uri[] {
    const configured = vscode.workspace.getConfiguration(Settings.section, this.document.uri).get<string[]>(Settings.previewStyles, []);
    const folder = vscode.workspace.getWorkspaceFolder(this.document.uri);
    const base = folder?.uri ?? vscode.Uri.joinPath(this.document.uri, '..');
    return (Array.isArray(configured) ? configured : [])
      .filter((entry) => typeof entry === 'string' && entry.trim() !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(entry))
      .map((entry) => (entry.startsWith('/') ? base.with({ path: entry }) : vscode.Uri.joinPath(base, entry)));
  }

  private configureWebview(): void {
    const webview = this.panel.webview;
    // Always set again, also on a panel revived by the serializer: its options are whatever the
    // editor persisted (or, for `debugRestore`, whatever the panel was created with).
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: this.localResourceRoots() };
    const media = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    this.ready = false;
    webview.html = previewPageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: media('dist', 'preview', 'preview.js'),
      styleUris: [media('dist', 'preview', 'katex', 'katex.min.css'), media('media', 'preview', 'preview.css')],
      extraStyleUris: this.extraStyles().map((uri) => webview.asWebviewUri(uri).toString()),
      lang: vscode.env.language,
    });
    this.documentChanged = true;
  }

  /** `complete`: render every code block and formula, also those a windowed render left plain. */
  private scheduleRender(delay: number, complete = false): void {
    if (this.disposed) return;
    this.renderTimer.schedule('render', delay, () => void this.render(complete));
  }

  /**
   * The lines the reader sees first: the editor's visible range, or where the preview scrolled.
   * Code and math far from them may be highlighted in a follow-up render, so long posts show at once.
   */
  private eagerLines(newDocument: boolean): EagerLines {
    const visible = this.visibleRange();
    const top = (newDocument ? this.initialLine : undefined) ?? visible?.start.line ?? this.previewLine;
    return eagerLinesAround(top, visible ? visible.end.line - visible.start.line + 1 : undefined);
  }

  private async render(complete = false): Promise<void> {
    if (!this.ready) return; // the 'ready' message renders
    const document = this.document;
    const index = this.sites.siteFor(document.uri);
    // A post outside any site is previewed as the default generator reads one; its body syntax loads on first use.
    const generator = index?.site.generator ?? DEFAULT_GENERATOR;
    const syntax = await generator.loadBodySyntax();
    if (this.disposed || document !== this.document) return; // closed or switched while loading
    const text = document.getText();
    const webview = this.panel.webview;
    const speed = vscode.workspace.getConfiguration(Settings.section, document.uri);
    const context: RenderContext = {
      documentPath: toCorePath(document.uri),
      site: index?.site,
      generator,
      syntax,
      index,
      resourceUrl: (path) => webview.asWebviewUri(toUri(path, document.uri)).toString(),
      readingSpeed: {
        cjkPerMinute: speed.get<number>(Settings.readingSpeedCjk, 300),
        wordsPerMinute: speed.get<number>(Settings.readingSpeedWords, 200),
      },
      labels: this.labels,
    };
    const includes = await this.readIncludes(text, context);
    if (this.disposed || document !== this.document) return; // closed or switched while reading
    const started = Date.now();
    const eagerLines = complete ? undefined : this.eagerLines(this.documentChanged);
    const rendered = renderPost(text, { ...context, includes, eagerLines });
    // The typing debounce follows the renders typing causes, not the follow-ups that fill code in.
    if (!complete) this.lastRenderMs = Date.now() - started;
    const version = ++this.version;
    if (this.pendingEditAt !== undefined) {
      this.sentEditAt.set(version, this.pendingEditAt);
      this.pendingEditAt = undefined;
    }
    const newDocument = this.documentChanged;
    this.documentChanged = false;
    if (newDocument) this.deferredAtFirstPaint = rendered.deferred;
    this.post({
      type: 'update',
      resource: document.uri.toString(),
      headerHtml: rendered.headerHtml,
      bodyHtml: rendered.bodyHtml,
      title: rendered.header.title,
      locked: this.locked,
      version,
      newDocument,
      line: newDocument ? this.initialLine ?? this.visibleLine() : undefined,
    });
    if (rendered.deferred > 0) this.scheduleRender(0, true);
  }

  private async readIncludes(text: string, context: RenderContext): Promise<Map<string, string | undefined> | undefined> {
    const paths = bodySyntaxOf(context)?.collectIncludes(text, context) ?? [];
    if (paths.length === 0) return undefined;
    const includes = new Map<string, string | undefined>();
    for (const path of paths) {
      try {
        includes.set(path, decodeText(await vscode.workspace.fs.readFile(toUri(path, this.document.uri))));
      } catch {
        includes.set(path, undefined); // a missing file: the preview shows it as missing
      }
    }
    return includes;
  }

  private visibleRange(): vscode.Range | undefined {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === this.document);
    const ranges = editor?.visibleRanges;
    return ranges?.length ? new vscode.Range(ranges[0].start, ranges[ranges.length - 1].end) : undefined;
  }

  private visibleLine(): number | undefined {
    return this.visibleRange()?.start.line;
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private onMessage(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.documentChanged = true;
        this.scheduleRender(0);
        break;
      case 'rendered': {
        // Field by field: a webview message carries nothing else into the debug state.
        this.report = { version: message.version, title: message.title, headings: message.headings, patchMs: message.patchMs, images: message.images, pending: message.pending };
        const editAt = this.sentEditAt.get(message.version);
        if (editAt !== undefined) this.lastEditToDomMs = Date.now() - editAt;
        for (const version of this.sentEditAt.keys()) if (version <= message.version) this.sentEditAt.delete(version);
        break;
      }
      case 'revealLine':
        this.previewLine = message.line;
        this.revealLine(message.line);
        break;
      case 'openSource':
        void this.openSource(message.line);
        break;
      case 'openLink':
        void this.openLink(message.href, message.path);
        break;
    }
  }

  private revealLine(line: number): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== this.document.uri.toString()) continue;
      const target = Math.max(0, Math.min(this.document.lineCount - 1, Math.floor(line)));
      this.revealedFromPreviewAt = Date.now();
      editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  private async openSource(line: number): Promise<void> {
    const target = Math.max(0, Math.min(this.document.lineCount - 1, line));
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.document.uri.toString());
    const position = new vscode.Position(target, 0);
    await vscode.window.showTextDocument(this.document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
  }

  private async openLink(href: string, path: string | undefined): Promise<void> {
    if (path) {
      const uri = toUri(path, this.document.uri);
      // Only files of the workspace: a post cannot make the preview open anything else.
      if (!vscode.workspace.getWorkspaceFolder(uri)) return;
      const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.document.uri.toString());
      await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
      return;
    }
    if (/^(https?|mailto):/i.test(href)) await vscode.env.openExternal(vscode.Uri.parse(href, true));
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.renderTimer.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.panel.dispose();
  }
}
