import type { TextEdit } from '../../../edits';
import { basename, dirname, extname, relativeInside } from '../../../path';
import { LineMap } from '../../../text/lineMap';
import type { Site } from '../../generator';
import { splitHugoFrontMatter } from '../frontMatterSplit';
import { scanShortcodes } from '../shortcodes';
import { joinRelative } from '../refs';

/**
 * The edits in the page at `path` that keep its `ref`/`relref` to the page moving from `from` to `to`
 * working, each written in the form it had: from the content root (`/posts/a.md`), relative to the
 * linking page's folder (`a.md`, `../posts/a`), or by file name alone (`a`), with or without the
 * extension, the `#anchor` kept. A bundle moved as a folder is renamed by its folder elsewhere; its
 * `index.md` here keeps its folder's name. Hugo runs shortcodes inside code blocks too, so those follow.
 */
export function hugoRenamedPageEdits(text: string, from: string, to: string, site: Site, path?: string): TextEdit[] {
  const oldPage = relativeInside(site.sourceRoot, from);
  const newPage = relativeInside(site.sourceRoot, to);
  if (oldPage === undefined || newPage === undefined || oldPage === newPage) return [];
  const linkingFolder = path !== undefined ? relativeInside(site.sourceRoot, dirname(path)) ?? '' : '';
  const lines = new LineMap(text);
  const edits: TextEdit[] = [];
  for (const token of scanShortcodes(text, splitHugoFrontMatter(text).bodyOffset).tokens) {
    if ((token.name !== 'ref' && token.name !== 'relref') || token.closing || token.args.length === 0) continue;
    const written = token.args[0];
    const [target, anchor] = splitAnchor(written);
    const rewritten = rewrite(target, oldPage, newPage, linkingFolder);
    if (rewritten === undefined) continue;
    const source = text.slice(token.start, token.end);
    const at = source.indexOf(written, source.indexOf(token.name) + token.name.length);
    if (at === -1) continue;
    edits.push({ range: lines.range(token.start + at, token.start + at + written.length), newText: rewritten + anchor });
  }
  return edits;
}

function splitAnchor(target: string): [string, string] {
  const hash = target.indexOf('#');
  return hash === -1 ? [target, ''] : [target.slice(0, hash), target.slice(hash)];
}

/** The new target in the form of the old, or undefined when the old one does not name the moved page. */
function rewrite(target: string, oldPage: string, newPage: string, linkingFolder: string): string | undefined {
  if (target === '') return undefined;
  const withExtension = extname(target) !== '';
  const form = (page: string) => (withExtension ? page : page.slice(0, page.length - extname(page).length));
  if (target.startsWith('/')) return target.slice(1).replace(/\/+$/, '') === form(oldPage) ? `/${form(newPage)}` : undefined;
  if (target.includes('/') || target.startsWith('.')) {
    if (joinRelative(linkingFolder, target) === form(oldPage)) return relativeTo(linkingFolder, form(newPage));
    // Hugo tries the path from the content root too.
    return joinRelative('', target) === form(oldPage) ? form(newPage) : undefined;
  }
  // A file name: relative to the linking page's folder, or the logical name of a single page.
  if (joinRelative(linkingFolder, target) === form(oldPage)) return relativeTo(linkingFolder, form(newPage));
  return target === form(basename(oldPage)) ? form(basename(newPage)) : undefined;
}

/** `page` (content-relative) as a path from `folder` (content-relative). */
function relativeTo(folder: string, page: string): string {
  const from = folder === '' ? [] : folder.split('/');
  const to = page.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
