import * as vscode from 'vscode';
import { Commands, Settings } from '../../constants';
import type { SiteService } from '../../services/siteService';
import { pickSite, siteHolding, siteRootUri } from './sitePicker';

/**
 * Why deploying is refused, or undefined when it may run. A workspace's settings choose the command,
 * so in Restricted Mode it must not run (the manifest also marks the setting restricted).
 */
export function deployRefusal(isTrusted: boolean): string | undefined {
  return isTrusted ? undefined : vscode.l10n.t('Deploying runs a command from this workspace\'s settings, so Postcraft does not do it in Restricted Mode. Trust the workspace to deploy.');
}

export function registerDeployCommand(service: SiteService): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.deploy, async (argument?: unknown): Promise<vscode.Terminal | undefined> => {
    const refusal = deployRefusal(vscode.workspace.isTrusted);
    if (refusal) {
      void vscode.window.showWarningMessage(refusal);
      return undefined;
    }
    const index = argument instanceof vscode.Uri ? await siteHolding(service, argument) : await pickSite(service);
    if (!index) return undefined;
    const root = siteRootUri(index);
    if (root.scheme !== 'file') {
      // A virtual folder (a GitHub repository opened remotely) has no disk a terminal could run in.
      void vscode.window.showInformationMessage(vscode.l10n.t('Deploying runs a command in a terminal in the site\'s folder, which this workspace does not have on disk. Deploy from a local clone, or from your site\'s CI.'));
      return undefined;
    }
    // The writer's command, else the one of the site's generator.
    const command = vscode.workspace.getConfiguration(Settings.section, root).get<string>(Settings.deployCommand, '').trim() || index.site.generator.deployCommand;
    const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('{0} deploy', index.site.generator.displayName), cwd: root });
    terminal.show();
    terminal.sendText(command);
    return terminal;
  });
}
