/** The preview renderer: a post's text in, the reader's view out (HTML with source lines). No vscode, no fs. */
export { renderPost, DEFAULT_MAX_BODY_LENGTH, type RenderedPost } from './renderPost';
export { eagerLinesAround, bodySyntaxOf, generatorOf, type EagerLines, type RenderContext, type PreviewHeading } from './types';
export type { PostHeader, HeaderDate, HeaderProblem } from './header';
export { DEFAULT_LABELS, formatLabel, type PreviewLabels } from './labels';
export { sanitizeHtml, sanitizeStyle, urlScheme, type UrlPolicy } from './sanitize';
export type { ToWebview, FromWebview, PreviewWebviewState } from './previewMessages';
export { previewPageHtml, contentSecurityPolicy, createNonce, type PreviewPageOptions } from './previewPage';
