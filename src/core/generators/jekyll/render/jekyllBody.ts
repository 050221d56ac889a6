import type { BodySyntax } from '../../generator';

/**
 * A Jekyll post's body for the preview: plain Markdown for now. Liquid tags (`{% highlight %}`,
 * `{% include %}`, `{% link %}`) are shown as written until the preview learns them.
 */
export const jekyllBodySyntax: BodySyntax = {
  markdownPlugin: () => undefined,
  collectIncludes: () => [],
};
