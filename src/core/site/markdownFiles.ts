/**
 * The Markdown file extensions every generator renders (Hexo's hexo-renderer-marked list; Hugo and
 * Jekyll read a subset of it): one list for the index, the preview's links and the link rule.
 */
export const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.mkd', '.mkdn', '.mdwn', '.mdtxt', '.mdtext']);

/** Whether a path (or URL path) names a Markdown file, whatever the case of its extension. */
export function isMarkdownPath(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && MARKDOWN_EXTENSIONS.has(path.slice(dot).toLowerCase());
}
