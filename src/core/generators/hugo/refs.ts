import type { SiteIndexView } from '../../index/types';
import { dirname, extname, relativeInside } from '../../path';
import type { HugoSite } from './hugoSite';

/**
 * Whether a `ref`/`relref` target names a page of the site, looked up as Hugo 0.111 does: an anchor
 * alone is the page itself; a path from the content root (`/posts/a.md`), or relative to the page's
 * folder; with or without the extension; a bundle or section by its folder (a section needs no
 * `_index.md`); else a file name that only one page has.
 */
export function resolveRef(site: HugoSite, index: SiteIndexView, fromPath: string, target: string): boolean {
  return refTarget(site, index, fromPath, target) !== undefined;
}

/**
 * The content-relative path a ref names (a page's file, or a section or bundle folder), '' for the
 * page itself (an anchor alone), undefined for no page.
 */
export function refTarget(site: HugoSite, index: SiteIndexView, fromPath: string, target: string): string | undefined {
  const path = target.split('#')[0].replace(/\/+$/, '');
  if (path === '' || path === '.') return '';
  const pages = [...index.posts()].map((record) => relativeInside(site.sourceRoot, record.path)).filter((relative): relative is string => relative !== undefined);
  const names = new Set<string>();
  for (const page of pages) {
    names.add(page);
    names.add(page.slice(0, page.length - extname(page).length));
    // A bundle (`x/index.md`), a section (`x/_index.md`), and every folder above a page is a section.
    for (let folder = dirname(page); folder !== '.' && folder !== '' && folder !== '/'; folder = dirname(folder)) names.add(folder);
  }
  const fromFolder = relativeInside(site.sourceRoot, dirname(fromPath)) ?? '';
  const candidates = path.startsWith('/') ? [path.slice(1)] : [joinRelative(fromFolder, path), path];
  const named = candidates.find((candidate) => names.has(candidate));
  if (named !== undefined) return pages.find((page) => page === named || page.slice(0, page.length - extname(page).length) === named) ?? named;
  // A logical name: the file name of exactly one page.
  const base = path.split('/').pop() as string;
  const matches = pages.filter((page) => {
    const name = page.split('/').pop() as string;
    return name === base || name.slice(0, name.length - extname(name).length) === base;
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** A `/` path relative to a content folder, `..` and `.` resolved. */
export function joinRelative(folder: string, path: string): string {
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
