/** Command IDs, setting names and view IDs of the posts features (used by the manifest and tests). */
export const PostCommands = {
  newPost: 'postcraft.newPost',
  newDraft: 'postcraft.newDraft',
  newPage: 'postcraft.newPage',
  publishDraft: 'postcraft.publishDraft',
  unpublishPost: 'postcraft.unpublishPost',
  deploy: 'postcraft.deploy',
  renameTag: 'postcraft.renameTag',
  renameCategory: 'postcraft.renameCategory',
  updateTimestamp: 'postcraft.updateTimestamp',
  refreshPostsView: 'postcraft.refreshPostsView',
} as const;

export const PostSettings = {
  slug: 'slug',
  deployCommand: 'deploy.command',
  updateTimestampOnSave: 'updateTimestampOnSave',
} as const;

export const DEFAULT_DEPLOY_COMMAND = 'npx hexo generate --deploy';

export const POSTS_VIEW_ID = 'postcraft.posts';
