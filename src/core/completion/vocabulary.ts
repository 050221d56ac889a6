import type { SiteIndexView } from '../index/types';
import { categoryKey } from '../site/categoryPaths';
import type { CategoryCount, CategoryPath, PostRecord, TagCount } from '../site/types';
import { pinyinFilterText } from '../text/pinyinFilter';

/** A tag or category name ready to offer: its filter text is computed once per index change. */
export interface TagEntry {
  readonly name: string;
  readonly count: number;
  readonly filterText: string;
}

export interface CategoryEntry {
  readonly name: string;
  readonly path: CategoryPath;
  readonly count: number;
  readonly filterText: string;
}

export interface CategoryVocabulary {
  /** Children of each node (key `categoryKey(parent)`, '' for the top level), most used first. */
  readonly children: ReadonlyMap<string, readonly CategoryEntry[]>;
  /** Every name once, at its most used node, most used first. */
  readonly names: readonly CategoryEntry[];
}

/*
 * Caches keyed by the index's own sorted arrays: SiteIndex replaces `tagCounts()`/`categoryCounts()`
 * with a new array exactly when the counts change, so a request costs nothing proportional to the
 * number of posts, and a change costs one pass over a few hundred names.
 */
const tagCache = new WeakMap<readonly TagCount[], readonly TagEntry[]>();
const categoryCache = new WeakMap<readonly CategoryCount[], CategoryVocabulary>();

/** A taxonomy's terms with their filter texts, computed once per change of the counts (like the tags). */
export function termVocabulary(index: SiteIndexView, taxonomy: string): readonly TagEntry[] {
  const counts = index.termCounts?.(taxonomy) ?? [];
  let entries = tagCache.get(counts);
  if (!entries) {
    // Offered as the site writes them (`Go`), not as the generator keys them (`go`).
    const spellings = commonSpellings(index, taxonomy);
    entries = counts.map(({ name, count }) => {
      const shown = spellings.get(name) ?? name;
      return { name: shown, count, filterText: pinyinFilterText(shown) };
    });
    tagCache.set(counts, entries);
  }
  return entries;
}

/** Each term key's most written spelling across the site (`PostRecord.termSpellings` beside `terms`). */
function commonSpellings(index: SiteIndexView, taxonomy: string): Map<string, string> {
  const uses = new Map<string, Map<string, number>>();
  for (const record of index.posts()) {
    const keys = record.terms?.[taxonomy];
    const written = record.termSpellings?.[taxonomy];
    if (!keys || !written) continue;
    keys.forEach((key, i) => {
      const spelling = written[i];
      if (spelling === undefined) return;
      let counts = uses.get(key);
      if (!counts) uses.set(key, (counts = new Map()));
      counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    });
  }
  const common = new Map<string, string>();
  for (const [key, counts] of uses) common.set(key, [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0][0]);
  return common;
}

export function tagVocabulary(index: SiteIndexView): readonly TagEntry[] {
  const counts = index.tagCounts();
  let entries = tagCache.get(counts);
  if (!entries) {
    entries = counts.map(({ name, count }) => ({ name, count, filterText: pinyinFilterText(name) }));
    tagCache.set(counts, entries);
  }
  return entries;
}

/**
 * Tags that only unpublished posts use (drafts, `published: false`, future dates): Hexo does not
 * count them, but a writer tagging a new draft wants the tags of their other drafts. Built from the
 * posts once per taxonomy version of the index, most used first.
 */
const draftTagCache = new WeakMap<SiteIndexView, { version: number; entries: readonly DraftTagEntry[] }>();

export interface DraftTagEntry extends TagEntry {
  /** The posts using it, to leave the one being edited out. */
  readonly paths: readonly string[];
}

export function draftOnlyTagVocabulary(index: SiteIndexView, isCounted: (record: PostRecord) => boolean): readonly DraftTagEntry[] {
  const version = index.taxonomyVersion ?? (index as { version?: number }).version;
  const cached = draftTagCache.get(index);
  if (cached && version !== undefined && cached.version === version) return cached.entries;
  const counted = new Set(index.tagCounts().map((tag) => tag.name));
  const uses = new Map<string, string[]>();
  for (const record of index.posts()) {
    if (record.kind === 'page' || record.error || isCounted(record)) continue;
    for (const tag of new Set(record.tags)) {
      if (counted.has(tag) || tag.trim() === '') continue;
      const paths = uses.get(tag);
      if (paths) paths.push(record.path);
      else uses.set(tag, [record.path]);
    }
  }
  const entries = [...uses]
    .map(([name, paths]) => ({ name, count: paths.length, paths, filterText: pinyinFilterText(name) }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (version !== undefined) draftTagCache.set(index, { version, entries });
  return entries;
}

export function categoryVocabulary(index: SiteIndexView): CategoryVocabulary {
  const counts = index.categoryCounts();
  let vocabulary = categoryCache.get(counts);
  if (!vocabulary) {
    const children = new Map<string, CategoryEntry[]>();
    const names = new Map<string, CategoryEntry>();
    // `counts` is sorted by use, so every list built in this order is too.
    for (const { path, count } of counts) {
      if (path.length === 0) continue;
      const name = path[path.length - 1];
      const entry: CategoryEntry = { name, path, count, filterText: pinyinFilterText(name) };
      const parent = categoryKey(path.slice(0, -1));
      const siblings = children.get(parent);
      if (siblings) siblings.push(entry);
      else children.set(parent, [entry]);
      if (!names.has(name)) names.set(name, entry);
    }
    vocabulary = { children, names: [...names.values()] };
    categoryCache.set(counts, vocabulary);
  }
  return vocabulary;
}
