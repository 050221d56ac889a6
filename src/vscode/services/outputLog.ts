import * as vscode from 'vscode';
import { exceptionText, setLogPort } from '../../core/api';

/**
 * The core's log port in the editor: the "Postcraft" output channel (a log channel, so each line has
 * its time and level, and the user's log level applies). Exceptions the core or the adapters caught
 * to keep working land here, where a user can copy them into an issue.
 */
export function installOutputLog(): vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Postcraft', { log: true });
  installed = channel;
  const restore = setLogPort({
    exception: (where, error) => channel.error(`${where}: ${exceptionText(error)}`),
  });
  return vscode.Disposable.from({ dispose: restore }, channel, { dispose: () => (installed = undefined) });
}

let installed: vscode.LogOutputChannel | undefined;

/** Tells the user, in the same channel, something Postcraft chose not to do (no exception). */
export function logInfo(message: string): void {
  installed?.info(message);
}
