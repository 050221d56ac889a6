import type { CompletionItem } from '../../completion/types';
import type { SiteIndexView } from '../../index/types';
import { LineMap } from '../../text/lineMap';
import { pinyinFilterText } from '../../text/pinyinFilter';
import { HEXO_TAG_PLUGINS } from '../../rules/tagPlugins';
import { Messages } from '../../completion/messages';
import { linkablePosts } from './bodyLinks';

/** The tag plugins offered after `{% `, with Nunjucks' `raw`, which posts use to show template syntax. */
const OFFERED_TAGS: ReadonlyArray<readonly [string, boolean]> = [...HEXO_TAG_PLUGINS, ['raw', true]];

/**
 * Completion inside a Hexo post's body: after `{% `, the tag plugins (a snippet with the end tag for
 * those that take a body); in the first argument of `post_link`/`post_path`, the posts that tag finds
 * (by the slug Hexo gives them, which is what the rules check), labelled by slug with the title, date
 * and tags beside, matched by title and its pinyin too.
 */
export function completeHexoBody(text: string, offset: number, index: SiteIndexView | undefined): CompletionItem[] {
  const tag = openTagAt(text, offset);
  if (!tag) return [];
  const lines = new LineMap(text);
  if (tag.argument === undefined) {
    const range = lines.range(tag.nameStart, offset);
    // Completing the name of a tag already closed on its line (`{% po| x %}`) adds no second closer.
    const lineEnd = text.indexOf('\n', offset);
    const closed = text.slice(offset, lineEnd === -1 ? text.length : lineEnd).includes('%}');
    // Right after `{%`, the name comes after a space, as posts write it.
    const space = tag.spaced ? '' : ' ';
    return OFFERED_TAGS.map(([name, takesBody], order): CompletionItem => ({
      label: name,
      kind: 'snippet',
      insertText: space + (closed ? name : takesBody ? `${name} $1 %}\n$0\n{% end${name} %}` : `${name} $1 %}$0`),
      isSnippet: true,
      filterText: name,
      sortText: String(order).padStart(5, '0'),
      range,
    }));
  }
  if ((tag.name !== 'post_link' && tag.name !== 'post_path') || tag.argument.index !== 0 || !index) return [];
  const range = lines.range(tag.argument.start, offset);
  const items: Array<CompletionItem & { time: number }> = [];
  for (const record of linkablePosts(index)) {
    const slug = index.site.postFileName(record.path).slug;
    if (!slug) continue;
    const date = record.date ? record.date.toISOString().slice(0, 10) : '';
    items.push({
      label: slug,
      kind: 'post',
      // Arguments split on white space: a slug with spaces is one argument only in quotes.
      insertText: /\s/.test(slug) ? `"${slug}"` : slug,
      isSnippet: false,
      filterText: `${slug} ${pinyinFilterText(record.title)}`,
      detail: { message: Messages.linkTarget, args: [record.title || slug] },
      documentation: { message: Messages.linkTargetDetails, args: [date || '—', record.tags.join(', ') || '—'] },
      sortText: '',
      range,
      time: record.date?.getTime() ?? 0,
    });
  }
  // Newest first, as a blog lists them.
  return items.sort((a, b) => b.time - a.time).map(({ time: _time, ...item }, order) => ({ ...item, sortText: String(order).padStart(5, '0') }));
}

/** The `{%` tag the cursor is in on its line: its name, and the argument the cursor is in (by index). */
function openTagAt(text: string, offset: number): { name: string; nameStart: number; spaced: boolean; argument?: { index: number; start: number } } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const open = before.lastIndexOf('{%');
  if (open === -1 || before.indexOf('%}', open) !== -1) return undefined;
  const inside = before.slice(open + 2);
  const match = /^(-?\s*)([A-Za-z_][\w-]*)?/.exec(inside)!;
  const nameStart = lineStart + open + 2 + match[1].length;
  const name = match[2] ?? '';
  const spaced = /\s/.test(match[1]);
  const rest = inside.slice(match[0].length);
  if (rest === '') return { name, nameStart, spaced };
  if (!/^\s/.test(rest)) return undefined;
  // Arguments as Hexo splits them: white space outside quotes.
  const args = Array.from(rest.matchAll(/"[^"]*"?|'[^']*'?|\S+/g));
  const last = args[args.length - 1];
  const typingLast = last !== undefined && last.index! + last[0].length === rest.length;
  const restStart = lineStart + open + 2 + match[0].length;
  if (typingLast) return { name, nameStart, spaced, argument: { index: args.length - 1, start: restStart + last.index! } };
  return { name, nameStart, spaced, argument: { index: args.length, start: offset } };
}
