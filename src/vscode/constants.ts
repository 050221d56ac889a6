/** Command IDs, setting names and other identifiers shared by the manifest, the code and the tests. */
export const Commands = {
  showSiteSummary: 'postcraft.showSiteSummary',
  reindex: 'postcraft.reindex',
} as const;

export const Settings = {
  section: 'postcraft',
  wordCountEnabled: 'wordCount.enabled',
  readingSpeedCjk: 'wordCount.cjkCharactersPerMinute',
  readingSpeedWords: 'wordCount.wordsPerMinute',
  indexDebounceMs: 'index.debounceMs',
  siteSearchDepth: 'sites.searchDepth',
} as const;

export const MARKDOWN_SELECTOR = [{ language: 'markdown' }];
