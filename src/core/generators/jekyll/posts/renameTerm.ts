import type { TextEdit } from '../../../edits';
import type { FrontMatterNode, ScalarNode, SequenceNode } from '../../../frontMatter';
import { deleteItems, toTextEdits, type OffsetEdit, type TaxonomyRename } from '../../../posts/renameTaxonomy';
import { parseJekyllFrontMatter } from '../frontMatter';
import { jekyllCategories, jekyllTags, rubySplit, rubyToS } from '../terms';
import { jekyllScalar } from './yamlFields';

/**
 * Renaming a tag or a category across a Jekyll site, in every spelling Jekyll reads (Document#populate_tags
 * and #populate_categories): `tag`/`tags` and `category`/`categories`, as a list (nested lists too) or
 * as one value — `tag`/`category` whole, `tags`/`categories` split on whitespace, where only the word
 * is replaced (`tags: ruby web` → `tags: rails web`). Names are compared as written (Jekyll is
 * case-sensitive). When the post already has the new name, the old one goes (a merge). The folders
 * above `_posts` are categories too, which no front-matter edit changes: `Site.folderCategories`
 * lets the command say which posts keep the old name that way.
 */
export function jekyllTermRenameEdits(text: string, rename: TaxonomyRename): TextEdit[] {
  const term = asTerm(rename);
  if (!term || term.from === term.to || !term.to.trim()) return [];
  const parsed = parseJekyllFrontMatter(text);
  if (!parsed.valid || !parsed.block) return [];
  const [singular, plural] = term.taxonomy === 'tags' ? ['tag', 'tags'] : ['category', 'categories'];
  const names = term.taxonomy === 'tags' ? jekyllTags(parsed.data) : jekyllCategories({ ...parsed.data, categories: splitIfString(parsed.data.categories) });
  const merging = names.includes(term.to);
  const edits: OffsetEdit[] = [];
  for (const entry of parsed.entries) {
    if (entry.key === singular) edits.push(...valueEdits(text, entry.value, term.from, term.to, merging, false));
    else if (entry.key === plural) edits.push(...valueEdits(text, entry.value, term.from, term.to, merging, true));
  }
  return toTextEdits(text, edits);
}

function splitIfString(value: unknown): unknown {
  return typeof value === 'string' ? rubySplit(value) : value;
}

/** Tags and categories (Jekyll's are flat: a path typed with levels is one name, as on Hugo sites); other taxonomies Jekyll does not have. */
function asTerm(rename: TaxonomyRename): { taxonomy: 'tags' | 'categories'; from: string; to: string } | undefined {
  if (rename.kind === 'tag') return { taxonomy: 'tags', from: rename.from, to: rename.to };
  if (rename.kind === 'category') return { taxonomy: 'categories', from: rename.from.join('/'), to: rename.to.join('/') };
  return rename.taxonomy === 'tags' || rename.taxonomy === 'categories' ? { taxonomy: rename.taxonomy, from: rename.from, to: rename.to } : undefined;
}

function nameOf(node: FrontMatterNode): string | undefined {
  if (node.kind !== 'scalar' || node.value === null || node.value === undefined || (typeof node.value === 'object' && !(node.value instanceof Date))) return undefined;
  return rubyToS(node.value);
}

/** `value` written in `like`'s quotes where they can hold it, plain where Psych reads it back the same. */
function writtenLike(like: ScalarNode, value: string): string {
  if (like.style === 'double' || (like.style === 'single' && /[\u0000-\u001f\u007f]/.test(value))) return JSON.stringify(value);
  if (like.style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return jekyllScalar(value);
}

function valueEdits(text: string, value: FrontMatterNode, from: string, to: string, merging: boolean, splits: boolean): OffsetEdit[] {
  if (value.kind === 'sequence') return sequenceEdits(text, value, from, to, merging);
  if (value.kind !== 'scalar') return [];
  if (splits && typeof value.value === 'string') return wordEdits(value, from, to, merging);
  // A lone `tag:`/`category:` is one name, never split.
  return nameOf(value) === from ? [{ start: value.range.startOffset, end: value.range.endOffset, text: writtenLike(value, to) }] : [];
}

/** List items naming `from` renamed (or removed when the post has `to`), nested lists included. */
function sequenceEdits(text: string, sequence: SequenceNode, from: string, to: string, merging: boolean): OffsetEdit[] {
  const matches: number[] = [];
  const edits: OffsetEdit[] = [];
  sequence.items.forEach((item, index) => {
    if (item.kind === 'sequence') edits.push(...sequenceEdits(text, item, from, to, merging));
    else if (nameOf(item) === from) matches.push(index);
  });
  if (matches.length === 0) return edits;
  const [first, ...rest] = matches;
  edits.push(...deleteItems(text, sequence, merging ? matches : rest));
  if (!merging) {
    const node = sequence.items[first] as ScalarNode;
    edits.push({ start: node.range.startOffset, end: node.range.endOffset, text: writtenLike(node, to) });
  }
  return edits;
}

const WHITESPACE = /^[ \t\n\v\f\r]+$/;

/**
 * A whitespace-split string (`tags: ruby web`): the first word `from` becomes `to` and any repeat
 * goes with the whitespace before it (all of them go when the post has `to` already). In a plain
 * value only those words are edited; a quoted one is written again in its quotes. A new name with
 * whitespace in it cannot be one word: the value then becomes a list of its names.
 */
function wordEdits(node: ScalarNode, from: string, to: string, merging: boolean): OffsetEdit[] {
  const value = node.value as string;
  const words = rubySplit(value);
  if (!words.includes(from)) return [];
  const whole = (text: string): OffsetEdit[] => [{ start: node.range.startOffset, end: node.range.endOffset, text }];
  if (/[ \t\n\v\f\r]/.test(to)) {
    const names = [...new Set(words.map((word) => (word === from ? to : word)))];
    return whole(`[${names.map((name) => jekyllScalar(name)).join(', ')}]`);
  }
  // Tokens with their offsets in the value; each `from` either renamed or dropped with a neighbouring space.
  const tokens = Array.from(value.matchAll(/[ \t\n\v\f\r]+|[^ \t\n\v\f\r]+/g), (match) => ({ text: match[0], at: match.index ?? 0 }));
  const changes: Array<{ start: number; end: number; text: string }> = [];
  let renamed = merging;
  tokens.forEach((token, i) => {
    if (token.text !== from) return;
    if (!renamed) {
      changes.push({ start: token.at, end: token.at + token.text.length, text: to });
      renamed = true;
      return;
    }
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (before && WHITESPACE.test(before.text) && i - 1 > 0) changes.push({ start: before.at, end: token.at + token.text.length, text: '' });
    else if (after && WHITESPACE.test(after.text)) changes.push({ start: token.at, end: after.at + after.text.length, text: '' });
    else changes.push({ start: token.at, end: token.at + token.text.length, text: '' });
  });
  let result = value;
  for (const change of [...changes].reverse()) result = result.slice(0, change.start) + change.text + result.slice(change.end);
  if (rubySplit(result).length === 0) return whole('""');
  // A plain value that is its own source keeps every other character: only the changed words are edited.
  if (node.style === 'plain' && node.source === value && jekyllScalar(result) === result) {
    return changes.map((change) => ({ start: node.range.startOffset + change.start, end: node.range.startOffset + change.end, text: change.text }));
  }
  return whole(writtenLike(node, result));
}
