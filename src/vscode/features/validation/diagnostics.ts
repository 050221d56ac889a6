import * as vscode from 'vscode';
import { checkedKind, checkPost, fileTimesOf, needsFileTimes, type Diagnostic as CoreDiagnostic, type RuleContext, type Severity } from '../../../core/rules';
import { logException, type PostKind, type SiteIndex } from '../../../core/api';
import { DIAGNOSTIC_SOURCE, VALIDATION_SECTION } from '../../constants';
import { toCorePath, toVsRange } from '../../convert';
import type { SiteService } from '../../services/siteService';
import { createVscodeFileSystem } from '../../services/vscodeFileSystem';
import { localize } from './messages';
import { readValidationSettings } from './settings';
import type { SiteFileSets } from '../../services/siteFileSets';
import { Debouncer } from '../../services/debouncer';

/** The key of the wait before all open posts are checked again (no document URI has it). */
const REFRESH_OPEN = 'refresh open posts';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A post the rules can check: its site, kind and the context the core needs. */
export interface CheckTarget {
  readonly index: SiteIndex;
  readonly kind: PostKind;
  readonly context: RuleContext;
}

/**
 * Keeps Postcraft's diagnostics for open posts current: on open, while typing (debounced), when the
 * site's index or files change (a tag used elsewhere, an image added) and when settings change.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Debouncer<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly sites: SiteService, private readonly files: SiteFileSets) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(VALIDATION_SECTION)) this.refreshOpen();
      }),
      // Other posts' tags, titles and keys count in the rules; an open post's own edits are checked above.
      sites.onDidChangeTaxonomy(() => this.refreshOpen()),
      files.onDidChange(() => this.refreshOpen()),
    );
    this.refreshOpen();
  }

  /** The root of the site whose post, draft or page `uri` is, found without reading anything. */
  siteRootOf(uri: vscode.Uri): string | undefined {
    const index = this.sites.siteFor(uri);
    return index && checkedKind(index.site, toCorePath(uri)) ? index.site.root : undefined;
  }


  /** The site, kind and rule context for a document, or undefined when it is no post of a site. */
  async targetFor(uri: vscode.Uri, now = new Date()): Promise<CheckTarget | undefined> {
    const index = this.sites.siteFor(uri);
    if (!index) return undefined;
    const path = toCorePath(uri);
    const kind = checkedKind(index.site, path);
    if (!kind) return undefined;
    const { enabled, settings } = readValidationSettings(uri);
    if (!enabled) return undefined;
    // Every check of the site's posts goes through here: its generator's rules are loaded first.
    await index.site.generator.loadRules?.();
    // Hexo dates a post that writes no date by its file: a fix writes that date down (a stat only then).
    const fileTimes = needsFileTimes(index.post(path), kind, settings) ? fileTimesOf(await createVscodeFileSystem(uri).stat(path)) : undefined;
    const context: RuleContext = {
      path, kind, site: index.site, index, now, settings,
      ...(fileTimes ? { fileTimes } : {}),
      ...(await this.files.lookupFor(index, uri)),
    };
    return { index, kind, context };
  }

  /** Checks a document now and publishes the result; resolves to the core's diagnostics. */
  async validate(document: vscode.TextDocument): Promise<CoreDiagnostic[]> {
    if (document.isClosed) return [];
    const version = document.version;
    // Not against a half-read site: the rules compare each post with all the others (a tag used
    // elsewhere would look new), and each check while the index grows rebuilt the site's vocabulary
    // (measured: an eighth of the time to the first completion on 10,000 posts, as the writer types).
    await this.sites.whenIndexed().catch(() => undefined);
    const target = await this.targetFor(document.uri);
    if (!target) {
      this.collection.delete(document.uri);
      return [];
    }
    if (document.isClosed || document.version !== version) return [];
    const diagnostics = checkPost(document.getText(), target.context);
    this.collection.set(document.uri, diagnostics.map(toVsDiagnostic));
    return diagnostics;
  }

  /** Publishes diagnostics computed elsewhere (Check All Posts). */
  publish(uri: vscode.Uri, diagnostics: readonly CoreDiagnostic[]): void {
    this.collection.set(uri, diagnostics.map(toVsDiagnostic));
  }

  private schedule(document: vscode.TextDocument, delay?: number): void {
    if (document.languageId !== 'markdown' || !this.sites.siteFor(document.uri)) return;
    const key = document.uri.toString();
    const wait = delay ?? readValidationSettings(document.uri).debounceMs;
    this.timers.schedule(key, wait, () => void this.validate(document).catch((error: unknown) => logException(`checking ${document.uri.toString()}`, error)));
  }

  private refreshOpen(): void {
    // Keyed apart from the documents' own paths: one wait for every open post.
    this.timers.schedule(REFRESH_OPEN, 100, () => {
      for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
    });
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.timers.cancel(key);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    this.timers.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function toVsDiagnostic(diagnostic: CoreDiagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toVsRange(diagnostic.range), localize(diagnostic.message), SEVERITY[diagnostic.severity]);
  result.source = DIAGNOSTIC_SOURCE;
  result.code = diagnostic.code;
  return result;
}
