import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { registerDeployCommand as NodeVariant } from './deployCommand';

/**
 * The browser build's deploy command (scripts/build.mjs takes a `*.web.ts` over its sibling). Deploying
 * runs the generator in a terminal, a process the browser cannot start; the command stays in the
 * palette, so it says why it does nothing instead of failing as an unknown command.
 */
export const registerDeployCommand: typeof NodeVariant = () =>
  vscode.commands.registerCommand(Commands.deploy, (): undefined => {
    void vscode.window.showInformationMessage(vscode.l10n.t('Deploying runs a command in a terminal, which Postcraft cannot do in the browser. Deploy from VS Code on your computer, or from your site\'s CI.'));
    return undefined;
  });
