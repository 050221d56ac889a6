import * as vscode from 'vscode';
import type { Position, SourceRange, TextEdit } from '../core/api';

/**
 * The one place where editor types meet core types. The core sees absolute `/` paths; the scheme and
 * authority of each workspace folder are kept to turn paths back into URIs (virtual workspaces too).
 */
export function toCorePath(uri: vscode.Uri): string {
  return uri.path;
}

export function toUri(path: string, like: vscode.Uri): vscode.Uri {
  return like.with({ path, query: '', fragment: '' });
}

export function toVsPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toVsRange(range: SourceRange): vscode.Range {
  return new vscode.Range(toVsPosition(range.start), toVsPosition(range.end));
}

export function toVsTextEdit(edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toVsRange(edit.range), edit.newText);
}
