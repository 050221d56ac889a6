import type { LineMap } from '../text/lineMap';
import type { CompletionItem } from './types';

/**
 * The items for a template tag's name after `{%` (Hexo's Nunjucks tags, Liquid's): a snippet with the
 * end tag for a tag that takes a body, in the order given. `tags`: name → whether it takes a body.
 */
export function templateTagNameItems(text: string, offset: number, tag: { nameStart: number; spaced: boolean }, tags: Iterable<readonly [string, boolean]>, lines: LineMap): CompletionItem[] {
  // Completing the name of a tag already closed on its line (`{% po| x %}`) adds no second closer.
  const lineEnd = text.indexOf('\n', offset);
  const closed = text.slice(offset, lineEnd === -1 ? text.length : lineEnd).includes('%}');
  // Right after `{%`, the name comes after a space, as posts write it.
  const space = tag.spaced ? '' : ' ';
  const range = lines.range(tag.nameStart, offset);
  return [...tags].map(([name, takesBody], order): CompletionItem => ({
    label: name,
    kind: 'snippet',
    insertText: space + (closed ? name : takesBody ? `${name} $1 %}\n$0\n{% end${name} %}` : `${name} $1 %}$0`),
    isSnippet: true,
    filterText: name,
    sortText: String(order).padStart(5, '0'),
    range,
  }));
}
