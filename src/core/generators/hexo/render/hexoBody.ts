import type { BodySyntax } from '../../generator';
import { collectIncludes, hexoTagsPlugin } from './hexoTags';

/** Hexo's body syntax for the preview: its tag plugins, and the files `include_code` pulls in. */
export const hexoBodySyntax: BodySyntax = { markdownPlugin: hexoTagsPlugin, collectIncludes };
