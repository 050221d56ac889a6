import { Messages } from '../../completion/messages';
import type { CompletionItem } from '../../completion/types';
import type { SiteIndexView } from '../../index/types';
import { basename, dirname, relativeInside } from '../../path';
import { LineMap } from '../../text/lineMap';
import { pinyinFilterText } from '../../text/pinyinFilter';
import type { BodyLink } from '../generator';
import { HugoSite } from './hugoSite';
import { refTarget } from './refs';
import { BUILT_IN_SHORTCODES, scanShortcodes } from './shortcodes';
import { splitHugoFrontMatter } from './frontMatterSplit';

/**
 * Completion inside a Hugo page's body: after `{{< ` or `{{% `, the shortcodes the site has (Hugo's
 * own and the site's and themes'), with the closing tag for those that use their inner content; in
 * the first argument of `ref`/`relref`, the site's pages by their path from the content folder (a
 * bundle by its folder), which `ref` finds wherever the linking page is.
 */
export function completeHugoBody(text: string, offset: number, index: SiteIndexView | undefined): CompletionItem[] {
  const call = openShortcodeAt(text, offset);
  if (!call || !index || !(index.site instanceof HugoSite)) return [];
  const site = index.site;
  const lines = new LineMap(text);
  if (call.argument === undefined) {
    const closer = call.delimiter === '<' ? '>}}' : '%}}';
    const closed = text.slice(offset, lineEndOf(text, offset)).includes(closer);
    const names = new Map<string, boolean>([...BUILT_IN_SHORTCODES].map(([name, { usesInner }]) => [name, usesInner]));
    for (const [name, template] of site.shortcodes) names.set(name, template.usesInner);
    const open = `{{${call.delimiter}`;
    return [...names].sort(([a], [b]) => a.localeCompare(b)).map(([name, usesInner], order): CompletionItem => ({
      label: name,
      kind: 'snippet',
      insertText: (call.spaced ? '' : ' ') + (closed ? name : usesInner ? `${name} $1 ${closer}\n$0\n${open} /${name} ${closer}` : `${name} $1 ${closer}$0`),
      isSnippet: true,
      filterText: name,
      sortText: String(order).padStart(5, '0'),
      range: lines.range(call.nameStart, offset),
    }));
  }
  if ((call.name !== 'ref' && call.name !== 'relref') || call.argument.index !== 0) return [];
  const range = lines.range(call.argument.start, offset);
  const items: Array<CompletionItem & { time: number }> = [];
  for (const record of index.posts()) {
    const relative = relativeInside(site.sourceRoot, record.path);
    if (relative === undefined) continue;
    // A bundle is named by its folder; a page by its file.
    const name = /^_?index\.[^.]+$/.test(basename(relative)) ? dirname(relative) : relative;
    if (name === '.' || name === '') continue;
    const target = `/${name}`;
    items.push({
      label: record.title || target,
      ...(record.title ? { labelDescription: target } : {}),
      kind: 'post',
      insertText: `"${target}"`,
      isSnippet: false,
      filterText: `${target} "${target} ${pinyinFilterText(record.title)}`,
      detail: { message: Messages.linkTargetDetails, args: [record.date ? record.date.toISOString().slice(0, 10) : '—', record.tags.join(', ') || '—'] },
      sortText: '',
      range,
      time: record.date?.getTime() ?? 0,
    });
  }
  return items.sort((a, b) => b.time - a.time).map(({ time: _time, ...item }, order) => ({ ...item, sortText: String(order).padStart(5, '0') }));
}

/** `ref`/`relref` targets as links to the page Hugo finds, for links, go-to and hover. */
export function hugoBodyLinks(text: string, path: string, index: SiteIndexView | undefined): BodyLink[] {
  if (!index || !(index.site instanceof HugoSite)) return [];
  const site = index.site;
  const split = splitHugoFrontMatter(text);
  const lines = new LineMap(text);
  const links: BodyLink[] = [];
  for (const token of scanShortcodes(text, split.bodyOffset).tokens) {
    if ((token.name !== 'ref' && token.name !== 'relref') || token.closing || token.args.length === 0) continue;
    const target = refTarget(site, index, path, token.args[0]);
    if (!target) continue;
    // A folder is its bundle's or section's index page.
    const post = [...index.posts()].find((record) => {
      const relative = relativeInside(site.sourceRoot, record.path);
      return relative === target || (relative !== undefined && dirname(relative) === target && /^_?index\.[^.]+$/.test(basename(relative)));
    });
    if (!post) continue;
    // The argument as written: the first quoted or bare word after the name.
    const written = text.slice(token.start, token.end);
    const at = written.indexOf(token.args[0], written.indexOf(token.name) + token.name.length);
    if (at === -1) continue;
    links.push({ range: lines.range(token.start + at, token.start + at + token.args[0].length), target: post.path, post });
  }
  return links;
}

function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** The shortcode call the cursor is in on its line: its delimiter, name, and the argument the cursor is in. */
function openShortcodeAt(text: string, offset: number): { delimiter: '<' | '%'; name: string; nameStart: number; spaced: boolean; argument?: { index: number; start: number } } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const open = Math.max(before.lastIndexOf('{{<'), before.lastIndexOf('{{%'));
  if (open === -1) return undefined;
  const delimiter = before.charAt(open + 2) as '<' | '%';
  if (before.indexOf(delimiter === '<' ? '>}}' : '%}}', open) !== -1) return undefined;
  const inside = before.slice(open + 3);
  const match = /^(\s*)([\w/.-]+)?/.exec(inside)!;
  const nameStart = lineStart + open + 3 + match[1].length;
  const name = match[2] ?? '';
  const spaced = match[1].length > 0;
  const rest = inside.slice(match[0].length);
  if (rest === '') return name.startsWith('/') ? undefined : { delimiter, name, nameStart, spaced };
  if (!/^\s/.test(rest)) return undefined;
  const args = Array.from(rest.matchAll(/"(?:[^"\\]|\\.)*"?|`[^`]*`?|\S+/g));
  const last = args[args.length - 1];
  const restStart = lineStart + open + 3 + match[0].length;
  if (last !== undefined && last.index! + last[0].length === rest.length) return { delimiter, name, nameStart, spaced, argument: { index: args.length - 1, start: restStart + last.index! } };
  return { delimiter, name, nameStart, spaced, argument: { index: args.length, start: offset } };
}
