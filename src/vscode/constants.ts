/**
 * Every identifier Postcraft shares with its manifest (package.json) or with the editor: the
 * extension, commands, settings, views, tree items, status bar items, the diagnostics' source.
 * One module, so that a unit test can hold it and the manifest equal, and the tests and the bench
 * name things as the code does.
 */

/** `publisher.name` of package.json. */
export const EXTENSION_ID = 'postcraft.postcraft';

export const Commands = {
  showSiteSummary: 'postcraft.showSiteSummary',
  checkAll: 'postcraft.checkAll',
  newPost: 'postcraft.newPost',
  newDraft: 'postcraft.newDraft',
  newPage: 'postcraft.newPage',
  publishDraft: 'postcraft.publishDraft',
  unpublishPost: 'postcraft.unpublishPost',
  deploy: 'postcraft.deploy',
  renameTag: 'postcraft.renameTag',
  renameCategory: 'postcraft.renameCategory',
  renameTerm: 'postcraft.renameTerm',
  updateTimestamp: 'postcraft.updateTimestamp',
  refreshPostsView: 'postcraft.refreshPostsView',
  openPreview: 'postcraft.openPreview',
  openPreviewToSide: 'postcraft.openPreviewToSide',
  togglePreviewLock: 'postcraft.preview.toggleLock',
} as const;

/** Commands registered for tests only (not in the manifest, not in the palette). */
export const InternalCommands = {
  /** What each preview's webview last reported. */
  previewDebugState: 'postcraft.preview.debugState',
  /** Runs the serializer's restore path on a fresh panel. */
  previewDebugRestore: 'postcraft.preview.debugRestore',
  /**
   * Answers a question to the test API (`PostcraftApi`) with plain JSON: the tests of the browser build
   * run in the Node extension host, which cannot see the web worker host's `exports`.
   */
  testApi: 'postcraft.test.api',
  /** The Posts view as the editor gets it from the live provider, as plain JSON (`PostsViewItem[]`). */
  postsViewDebugTree: 'postcraft.posts.debugTree',
} as const;

/** Setting names under `Settings.section`. */
export const Settings = {
  section: 'postcraft',
  wordCountEnabled: 'wordCount.enabled',
  readingSpeedCjk: 'wordCount.cjkCharactersPerMinute',
  readingSpeedWords: 'wordCount.wordsPerMinute',
  indexDebounceMs: 'index.debounceMs',
  siteSearchDepth: 'sites.searchDepth',
  slug: 'slug',
  assetsFolder: 'assets.folder',
  deployCommand: 'deploy.command',
  updateTimestampOnSave: 'updateTimestampOnSave',
  previewStyles: 'preview.styles',
  validationEnabled: 'validation.enabled',
  validationDebounceMs: 'validation.debounceMs',
  validationRules: 'validation.rules',
  validationRequiredKeys: 'validation.requiredKeys',
  validationTitleMaxLength: 'validation.seo.titleMaxLength',
  validationExcerptMaxLength: 'validation.seo.excerptMaxLength',
  validationCustomTags: 'validation.customTags',
} as const;

/** A change under this section changes what the rules report. */
export const VALIDATION_SECTION = `${Settings.section}.validation`;


export const Views = {
  /** The Posts view in the Explorer. */
  posts: 'postcraft.posts',
  /** The preview's webview panel type (its serializer restores panels of this type). */
  preview: 'postcraft.preview',
} as const;

/** `contextValue`s of the Posts view's items, which the manifest's menus match (`viewItem == ...`). */
export const TreeItemKinds = {
  tag: 'postcraft.tag',
  category: 'postcraft.category',
  draft: 'postcraft.draft',
  term: 'postcraft.term',
  post: 'postcraft.post',
} as const;

/** `contextValue`s of the Posts view's group items, by group. */
export const TreeGroupKinds = {
  tags: 'postcraft.group.tags',
  categories: 'postcraft.group.categories',
  drafts: 'postcraft.group.drafts',
  unlisted: 'postcraft.group.unlisted',
} as const;

/** Context keys Postcraft sets, which the manifest's `when` clauses read. */
export const ContextKeys = {
  /** 'draft' or 'post' for the active editor's file, as its site reads it (unset otherwise). */
  activePost: 'postcraft.activePost',
} as const;

/** Status bar items (the user hides or shows each by this id). */
export const StatusBarItems = {
  indexing: 'postcraft.indexing',
  wordCount: 'postcraft.wordCount',
} as const;

/** The `source` of Postcraft's diagnostics. */
export const DIAGNOSTIC_SOURCE = 'postcraft';

export const MARKDOWN_SELECTOR = [{ language: 'markdown' }];
