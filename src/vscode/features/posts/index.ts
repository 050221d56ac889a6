import * as vscode from 'vscode';
import type { SiteService } from '../../services/siteService';
import { registerActivePostContext } from './activePostContext';
import { registerPostRenameParticipant } from './renameParticipant';
import { assetFolders } from './applyPlan';
import { registerDeployCommand } from './deployCommand';
import { registerNewPostCommands } from './newPostCommands';
import { registerPostsTree } from './postsTree';
import { registerPublishCommands } from './publishCommands';
import { registerRenameTaxonomyCommands } from './renameTaxonomyCommands';
import { registerUpdateTimestamp } from './updateTimestamp';

/** Create, publish and organize posts: the commands, the Posts view and update-on-save. */
export function registerPostFeatures(service: SiteService): vscode.Disposable {
  return vscode.Disposable.from(
    registerNewPostCommands(service),
    registerPublishCommands(service),
    registerDeployCommand(service),
    registerRenameTaxonomyCommands(service),
    registerUpdateTimestamp(service),
    registerPostsTree(service),
    registerActivePostContext(service),
    registerPostRenameParticipant(service),
    assetFolders.listen(service.fileEvents),
  );
}
