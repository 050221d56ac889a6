import { MARKDOWN_EXTENSIONS } from '../core/site/hexoSite';

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

/** Every file Hexo renders as a post (`.md`, `.markdown`, …), for file watchers. */
export const MARKDOWN_GLOB = `**/*.{${[...MARKDOWN_EXTENSIONS].map((extension) => extension.slice(1)).join(',')}}`;
