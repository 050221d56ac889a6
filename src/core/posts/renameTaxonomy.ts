import { lineStartOf, nextLineStart } from '../text/lines';
import { yamlScalar } from '../frontMatter/yamlText';
import type { FileOperation, TextEdit } from '../edits';
import { parseFrontMatter, type FrontMatterEntry, type FrontMatterNode, type ParsedFrontMatter, type ScalarNode, type SequenceNode } from '../frontMatter';
import type { Site } from '../generators/generator';
import type { CategoryPath, PostKind } from '../site/types';
import { LineMap } from '../text/lineMap';

/**
 * Renaming or merging a tag or a category across posts as the smallest edits: only the items that
 * change are touched, in the author's quoting and flow/block style; comments and everything else stay.
 */

/** An edit by offsets into the post's text (turned into line/character edits once all are known). */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The entry Hexo reads: `tags` (`categories`), or the singular alias when the plural is empty. */
function taxonomyEntry(parsed: ParsedFrontMatter, plural: string, singular: string): FrontMatterEntry | undefined {
  const pick = parsed.data[singular] && !parsed.data[plural] ? singular : plural;
  return parsed.entries.find((entry) => entry.key === pick);
}

function nameOf(node: FrontMatterNode): string | undefined {
  if (node.kind !== 'scalar' || node.value === null || node.value === undefined || node.value === '') return undefined;
  return `${node.value as string}`;
}

/** `value` written like `like`: same quotes when it can, plain only when YAML reads it back unchanged. */
function scalarLike(like: ScalarNode, value: string): string {
  switch (like.style) {
    case 'json': return JSON.stringify(value);
    case 'single': return /[\u0000-\u001f\u007f]/.test(value) ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
    case 'double': return JSON.stringify(value);
    default: return yamlScalar(value, '"');
  }
}

/** Removes items `indexes` (ascending) of a sequence, with their separators or their lines. */
export function deleteItems(text: string, sequence: SequenceNode, indexes: readonly number[]): OffsetEdit[] {
  const items = sequence.items;
  const edits: OffsetEdit[] = [];
  if (sequence.style === 'block') {
    for (const index of indexes) {
      const start = lineStartOf(text, items[index].range.startOffset, 0);
      edits.push({ start, end: nextLineStart(text, items[index].range.endOffset, text.length), text: '' });
    }
    return edits;
  }
  // Flow (and JSON): runs of removed items go with the separator after them, or before the last one.
  let run = 0;
  while (run < indexes.length) {
    let last = run;
    while (last + 1 < indexes.length && indexes[last + 1] === indexes[last] + 1) last++;
    const first = indexes[run];
    const end = indexes[last];
    if (end < items.length - 1) edits.push({ start: items[first].range.startOffset, end: items[end + 1].range.startOffset, text: '' });
    else if (first > 0) edits.push({ start: items[first - 1].range.endOffset, end: items[end].range.endOffset, text: '' });
    run = last + 1;
  }
  return edits;
}

/** The separator between items of `sequence` as the author writes it. */
function separatorOf(text: string, sequence: SequenceNode, firstItem: FrontMatterNode): string {
  if (sequence.style === 'block') {
    const start = lineStartOf(text, firstItem.range.startOffset, 0);
    const prefix = text.slice(start, firstItem.range.startOffset);
    const eol = text[nextLineStart(text, firstItem.range.endOffset, text.length) - 2] === '\r' ? '\r\n' : '\n';
    return eol + prefix;
  }
  const items = sequence.items;
  if (items.length > 1) return text.slice(items[0].range.endOffset, items[1].range.startOffset);
  return ', ';
}

function editsForTag(text: string, parsed: ParsedFrontMatter, from: string, to: string): OffsetEdit[] {
  const entry = taxonomyEntry(parsed, 'tags', 'tag');
  if (!entry) return [];
  const value = entry.value;
  if (value.kind === 'scalar') {
    return nameOf(value) === from ? [{ start: value.range.startOffset, end: value.range.endOffset, text: scalarLike(value, to) }] : [];
  }
  if (value.kind !== 'sequence') return [];
  const matches = value.items.map((item, index) => (nameOf(item) === from ? index : -1)).filter((index) => index >= 0);
  if (matches.length === 0) return [];
  const hasTarget = value.items.some((item) => nameOf(item) === to);
  const [first, ...rest] = matches;
  const edits = deleteItems(text, value, hasTarget ? matches : rest);
  if (!hasTarget) {
    const node = value.items[first] as ScalarNode;
    edits.push({ start: node.range.startOffset, end: node.range.endOffset, text: scalarLike(node, to) });
  }
  return edits;
}

interface Hierarchy {
  /** The nodes naming each level, top first. */
  readonly nodes: readonly ScalarNode[];
  /** The list holding them, or undefined for a lone scalar. */
  readonly container?: SequenceNode;
}

function hierarchiesOf(value: FrontMatterNode): Hierarchy[] {
  if (value.kind === 'scalar') return nameOf(value) === undefined ? [] : [{ nodes: [value] }];
  if (value.kind !== 'sequence') return [];
  const named = (items: readonly FrontMatterNode[]): ScalarNode[] => items.filter((item): item is ScalarNode => nameOf(item) !== undefined);
  if (!value.items.some((item) => item.kind === 'sequence')) return [{ nodes: named(value.items), container: value }];
  return value.items.flatMap((item): Hierarchy[] => {
    if (item.kind === 'sequence') return [{ nodes: named(item.items), container: item }];
    return nameOf(item) === undefined ? [] : [{ nodes: [item as ScalarNode] }];
  });
}

function flowList(names: readonly string[], like: ScalarNode | undefined): string {
  return `[${names.map((name) => (like ? scalarLike(like, name) : yamlScalar(name, '"'))).join(', ')}]`;
}

function editsForCategory(text: string, parsed: ParsedFrontMatter, from: CategoryPath, to: CategoryPath): OffsetEdit[] {
  const entry = taxonomyEntry(parsed, 'categories', 'category');
  if (!entry) return [];
  const edits: OffsetEdit[] = [];
  for (const { nodes, container } of hierarchiesOf(entry.value)) {
    if (nodes.length < from.length || !from.every((name, index) => nameOf(nodes[index]) === name)) continue;
    if (!container) {
      // A lone scalar: one level stays a scalar, several become a flow list (still one hierarchy).
      const names = [...to, ...nodes.slice(from.length).map((node) => nameOf(node)!)];
      const node = nodes[0];
      const replacement = names.length === 1 ? scalarLike(node, names[0]) : flowList(names, node.style === 'plain' ? undefined : node);
      edits.push({ start: node.range.startOffset, end: node.range.endOffset, text: replacement });
      continue;
    }
    if (from.length === to.length) {
      from.forEach((name, index) => {
        if (name !== to[index]) edits.push({ start: nodes[index].range.startOffset, end: nodes[index].range.endOffset, text: scalarLike(nodes[index], to[index]) });
      });
      continue;
    }
    // The prefix changes length: rewrite the span of its items in the list's own style.
    const first = nodes[0];
    const last = nodes[from.length - 1];
    const separator = separatorOf(text, container, first);
    edits.push({ start: first.range.startOffset, end: last.range.endOffset, text: to.map((name) => scalarLike(first, name)).join(separator) });
  }
  return edits;
}

/** Offset edits as the line/character edits plans carry, in order. */
export function toTextEdits(text: string, edits: readonly OffsetEdit[]): TextEdit[] {
  if (edits.length === 0) return [];
  const lines = new LineMap(text);
  return [...edits]
    .sort((a, b) => a.start - b.start)
    .map((edit) => ({ range: lines.range(edit.start, edit.end), newText: edit.text }));
}

/** Edits renaming tag `from` to `to` in one post; when the post already has `to`, `from` is removed (a merge). */
export function renameTagEdits(text: string, from: string, to: string): TextEdit[] {
  if (from === to || !to) return [];
  const parsed = parseFrontMatter(text);
  return parsed.valid ? toTextEdits(text, editsForTag(text, parsed, from, to)) : [];
}

/**
 * Edits moving category `from` (a path from the top) to `to` in one post: every hierarchy starting with
 * `from` starts with `to` instead, its deeper levels kept (`[Tech, Web]` → `[Code]` turns
 * `Tech > Web > Vue` into `Code > Vue`). Renaming onto an existing category merges the two.
 */
export function renameCategoryEdits(text: string, from: CategoryPath, to: CategoryPath): TextEdit[] {
  if (from.length === 0 || to.length === 0 || (from.length === to.length && from.every((name, index) => name === to[index]))) return [];
  const parsed = parseFrontMatter(text);
  return parsed.valid ? toTextEdits(text, editsForCategory(text, parsed, from, to)) : [];
}

export interface PostText {
  readonly path: string;
  readonly text: string;
}

export type TaxonomyRename =
  | { readonly kind: 'tag'; readonly from: string; readonly to: string }
  | { readonly kind: 'category'; readonly from: CategoryPath; readonly to: CategoryPath }
  /** A term of a taxonomy by its plural name, for generators whose sites configure taxonomies (Hugo's `series`). */
  | { readonly kind: 'term'; readonly taxonomy: string; readonly from: string; readonly to: string };

/** The edits a rename makes in one post, in a generator's reading (`Generator.termRenameEdits`). */
export type TermRenameEdits = (text: string, rename: TaxonomyRename) => TextEdit[];

/** Tags and categories as Hexo reads them (the `tag`/`category` aliases): the edits of `planTaxonomyRename` by default. */
export function renameEdits(text: string, rename: TaxonomyRename): TextEdit[] {
  if (rename.kind === 'tag') return renameTagEdits(text, rename.from, rename.to);
  if (rename.kind === 'category') return renameCategoryEdits(text, rename.from, rename.to);
  return rename.taxonomy === 'tags' ? renameTagEdits(text, rename.from, rename.to) : rename.taxonomy === 'categories' ? renameCategoryEdits(text, [rename.from], [rename.to]) : [];
}

/** One `edit` operation per post that changes, with `editsOf` (the site's generator's reading). */
export function planTaxonomyRename(posts: Iterable<PostText>, rename: TaxonomyRename, editsOf: TermRenameEdits = renameEdits): FileOperation[] {
  const operations: FileOperation[] = [];
  for (const post of posts) {
    const edits = editsOf(post.text, rename);
    if (edits.length > 0) operations.push({ kind: 'edit', path: post.path, edits });
  }
  return operations;
}

/**
 * The posts that keep a renamed category from where their file is (`Site.folderCategories`: Jekyll's
 * folders above `_posts`), which no front-matter edit changes: the rename reports them rather than
 * moving files. Paths, in the order given.
 */
export function postsKeepingFolderCategory(site: Site, posts: Iterable<{ readonly path: string; readonly kind: PostKind }>, rename: TaxonomyRename): string[] {
  const name = rename.kind === 'category' ? (rename.from.length === 1 ? rename.from[0] : undefined) : rename.kind === 'term' && rename.taxonomy === 'categories' ? rename.from : undefined;
  if (name === undefined || !site.folderCategories) return [];
  const kept: string[] = [];
  for (const post of posts) if (post.kind !== 'page' && site.folderCategories(post.path, post.kind).includes(name)) kept.push(post.path);
  return kept;
}
