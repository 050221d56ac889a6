import type { TextEdit } from '../../edits';
import type { SiteIndexView } from '../../index/types';
import { dirname, joinPath, normalizePath, relativeInside } from '../../path';
import { LineMap } from '../../text/lineMap';
import type { BodyLink, Site } from '../generator';
import { splitJekyllFrontMatter } from './frontMatterSplit';
import { JekyllSite } from './jekyllSite';
import { scanLiquid, type LiquidTag } from './liquid';

/** The tags whose first argument names a post or a file, with that argument's place in the text. */
function targetTags(text: string): Array<{ tag: LiquidTag; target: string; start: number }> {
  const bodyOffset = splitJekyllFrontMatter(text).bodyOffset;
  const found: Array<{ tag: LiquidTag; target: string; start: number }> = [];
  for (const token of scanLiquid(text.slice(bodyOffset))) {
    if (token.kind !== 'tag' || !['post_url', 'link', 'include', 'include_relative'].includes(token.name)) continue;
    if (token.markup.includes('{{') || token.markup.includes('{%')) continue;
    const match = /^(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(token.markup);
    if (!match) continue;
    const target = match[1] ?? match[2] ?? match[3];
    const quoted = match[3] === undefined ? 1 : 0;
    found.push({ tag: token, target, start: bodyOffset + token.markupStart + quoted });
  }
  return found;
}

/**
 * What a Jekyll post's Liquid links to, for links, go-to and hover: `post_url` the post it finds,
 * `link` the site file, `include` the `_includes` file (the site's, else the theme's) and
 * `include_relative` the file beside the post.
 */
export function jekyllBodyLinks(text: string, path: string, index: SiteIndexView | undefined): BodyLink[] {
  if (!index || !(index.site instanceof JekyllSite)) return [];
  const site = index.site;
  const lines = new LineMap(text);
  const links: BodyLink[] = [];
  for (const { tag, target, start } of targetTags(text)) {
    const range = lines.range(start, start + target.length);
    if (tag.name === 'post_url') {
      const post = [...index.posts()].find((record) => record.kind === 'post' && site.postUrlName(record.path) === target.replace(/^\//, ''));
      if (post) links.push({ range, target: post.path, post });
    } else if (tag.name === 'link') {
      const file = normalizePath(joinPath(site.sourceRoot, target));
      const post = index.post(file);
      links.push({ range, target: file, ...(post ? { post } : { ifExists: true }) });
    } else if (tag.name === 'include') {
      for (const file of site.includePaths(target)) links.push({ range, target: file, ifExists: true });
    } else {
      links.push({ range, target: normalizePath(joinPath(dirname(path), target)), ifExists: true });
    }
  }
  return links;
}

/**
 * The edits in one post that keep its `post_url` and `link` to the post moving from `from` to `to`
 * working: the name `post_url` matches (`2026-01-15-slug`, with its folder), the path `link` takes.
 */
export function jekyllRenamedPostEdits(text: string, from: string, to: string, site: Site): TextEdit[] {
  if (!(site instanceof JekyllSite)) return [];
  const oldName = site.postUrlName(from);
  const newName = site.postUrlName(to);
  const oldLink = relativeInside(site.sourceRoot, from);
  const newLink = relativeInside(site.sourceRoot, to);
  const lines = new LineMap(text);
  const edits: TextEdit[] = [];
  for (const { tag, target, start } of targetTags(text)) {
    let replacement: string | undefined;
    if (tag.name === 'post_url' && oldName !== undefined && newName !== undefined && target.replace(/^\//, '') === oldName) replacement = newName;
    else if (tag.name === 'link' && oldLink !== undefined && newLink !== undefined && target === oldLink) replacement = newLink;
    if (replacement !== undefined && replacement !== target) edits.push({ range: lines.range(start, start + target.length), newText: replacement });
  }
  return edits;
}
