import * as vscode from 'vscode';
import { checkPost, fixAllEdits, type Diagnostic as CoreDiagnostic } from '../../../core/rules';
import { DIAGNOSTIC_SOURCE, MARKDOWN_SELECTOR } from '../../constants';
import { toVsTextEdit } from '../../convert';
import type { DiagnosticsController } from './diagnostics';
import { localize } from './messages';

/** `source.fixAll.postcraft`: applied by "Fix All" and by `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postcraft');

/**
 * Quick fixes for Postcraft's diagnostics and a fix-all source action. Fixes are recomputed from the
 * document's current text (cheap for one post), so they always match what the author sees.
 */
export class ValidationCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsController) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const wantsQuickFixes = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
    const wantsFixAll = context.only !== undefined && context.only.contains(FIX_ALL_KIND);
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (!wantsFixAll && (!wantsQuickFixes || ours.length === 0)) return [];
    const target = await this.diagnostics.targetFor(document.uri);
    if (!target || token.isCancellationRequested) return [];
    const current = checkPost(document.getText(), target.context);
    const actions: vscode.CodeAction[] = [];
    if (wantsQuickFixes) {
      for (const shown of ours) {
        const match = current.find((candidate) => candidate.code === shown.code && sameRange(document, candidate, shown.range));
        if (!match) continue;
        for (const fix of match.fixes) {
          const action = new vscode.CodeAction(localize(fix.title), vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.set(document.uri, fix.edits.map(toVsTextEdit));
          action.diagnostics = [shown];
          action.isPreferred = fix.preferred;
          actions.push(action);
        }
      }
    }
    if (wantsFixAll) {
      const edits = fixAllEdits(current);
      if (edits.length > 0) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all Postcraft problems'), FIX_ALL_KIND);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(document.uri, edits.map(toVsTextEdit));
        actions.push(action);
      }
    }
    return actions;
  }
}

function sameRange(document: vscode.TextDocument, diagnostic: CoreDiagnostic, range: vscode.Range): boolean {
  return document.offsetAt(range.start) === diagnostic.range.startOffset && document.offsetAt(range.end) === diagnostic.range.endOffset;
}

export function registerCodeActions(diagnostics: DiagnosticsController): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(MARKDOWN_SELECTOR, new ValidationCodeActions(diagnostics), ValidationCodeActions.metadata);
}
