/** Identifiers of the preview, shared by the manifest (package.json), the code and the tests. */
export const PreviewCommands = {
  open: 'postcraft.openPreview',
  openToSide: 'postcraft.openPreviewToSide',
  toggleLock: 'postcraft.preview.toggleLock',
  /** Internal (not in the palette): what each preview's webview last reported, for tests. */
  debugState: 'postcraft.preview.debugState',
  /** Internal: runs the serializer's restore path on a fresh panel, for tests. */
  debugRestore: 'postcraft.preview.debugRestore',
} as const;

export const PREVIEW_VIEW_TYPE = 'postcraft.preview';

export const PreviewSettings = {
  section: 'postcraft',
  styles: 'preview.styles',
  readingSpeedCjk: 'wordCount.cjkCharactersPerMinute',
  readingSpeedWords: 'wordCount.wordsPerMinute',
} as const;
