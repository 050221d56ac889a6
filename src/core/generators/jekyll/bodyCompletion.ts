import { Messages } from '../../completion/messages';
import { templateTagNameItems } from '../../completion/templateTagItems';
import type { CompletionItem } from '../../completion/types';
import type { SiteIndexView } from '../../index/types';
import { relativeInside } from '../../path';
import type { PostRecord } from '../../site/types';
import { LineMap } from '../../text/lineMap';
import { pinyinFilterText } from '../../text/pinyinFilter';
import { openTagAt } from '../../text/templateTagAt';
import type { BodyCompletionContext } from '../generator';
import { JEKYLL_LIQUID_TAGS } from './liquidTags';
import { JekyllSite } from './jekyllSite';

/** Tags whose first argument names a file of the site (completed from the site's files). */
const FILE_TAGS = new Set(['link', 'include']);

/**
 * Completion inside a Jekyll post's body: after `{% `, Liquid's and Jekyll's tags and those the site's
 * plugins register (a block with its `end` tag); in `{% post_url |`, the site's posts by the name the
 * tag matches (`2026-01-15-slug`, with the category folder or the folder inside `_posts`); in
 * `{% link |`, the site's files by their path from the source; in `{% include |`, the `_includes`.
 */
export function completeJekyllBody(text: string, offset: number, index: SiteIndexView | undefined, context?: BodyCompletionContext): CompletionItem[] {
  const tag = openTagAt(text, offset);
  if (!tag) return [];
  const lines = new LineMap(text);
  if (tag.argument === undefined) {
    return templateTagNameItems(text, offset, tag, new Map([...JEKYLL_LIQUID_TAGS, ...(index?.site.registeredTags ?? [])]), lines);
  }
  if (tag.argument.index !== 0 || !index || !(index.site instanceof JekyllSite)) return [];
  const site = index.site;
  const range = lines.range(tag.argument.start, offset);
  if (tag.name === 'post_url') return postItems(site, index, range);
  if (!FILE_TAGS.has(tag.name) || !context?.siteFiles) return [];
  const folder = tag.name === 'include' ? `${site.sourceRoot}/_includes` : site.sourceRoot;
  const now = new Date();
  // `link` to a post or draft the build leaves out fails the build.
  const built = (file: string) => {
    const record = index.post(file);
    return !record || record.kind === 'page' || site.isListed(record, now);
  };
  const names = [...context.siteFiles]
    .filter((file) => tag.name === 'include' || built(file))
    .map((file) => relativeInside(folder, file))
    .filter((name): name is string => name !== undefined && name !== '' && (tag.name === 'include' || isLinkable(name)))
    .sort((a, b) => a.localeCompare(b));
  return names.map((name, order) => ({ label: name, kind: 'file', insertText: name, isSnippet: false, filterText: name, sortText: String(order).padStart(5, '0'), range }));
}

/** Whether completion at `offset` offers the site's files (the adapter gathers them first). */
export function jekyllBodyWantsFiles(text: string, offset: number): boolean {
  const tag = openTagAt(text, offset);
  return tag?.argument?.index === 0 && FILE_TAGS.has(tag.name);
}

/** What `{% link %}` can name: files Jekyll reads or copies (no `_site`, no `_config.yml`, no dot files; `_posts` and `_drafts` yes). */
function isLinkable(relative: string): boolean {
  const parts = relative.split('/');
  if (parts.some((part) => part.startsWith('.'))) return false;
  const top = parts[0];
  return !top.startsWith('_') || top === '_posts' || top === '_drafts' || (parts.length > 1 && parts.includes('_posts'));
}

/**
 * The posts by the name `post_url` matches, newest first, with the title, date and tags beside. Only
 * those the build keeps: `post_url` to an unpublished or future post fails the build.
 */
function postItems(site: JekyllSite, index: SiteIndexView, range: CompletionItem['range']): CompletionItem[] {
  const posts: Array<{ record: PostRecord; name: string }> = [];
  const now = new Date();
  for (const record of index.posts()) {
    if (record.kind !== 'post' || !site.isListed(record, now)) continue;
    const name = site.postUrlName(record.path);
    if (name !== undefined) posts.push({ record, name });
  }
  posts.sort((a, b) => (b.record.date?.getTime() ?? 0) - (a.record.date?.getTime() ?? 0));
  return posts.map(({ record, name }, order) => ({
    label: record.title || name,
    ...(record.title ? { labelDescription: name } : {}),
    kind: 'post',
    insertText: name,
    isSnippet: false,
    filterText: `${name} ${pinyinFilterText(record.title)}`,
    detail: { message: Messages.linkTargetDetails, args: [record.date ? record.date.toISOString().slice(0, 10) : '—', record.tags.join(', ') || '—'] },
    sortText: String(order).padStart(5, '0'),
    range,
  }));
}
