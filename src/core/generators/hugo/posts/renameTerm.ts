import type { TextEdit } from '../../../edits';
import type { FrontMatterNode, ScalarNode } from '../../../frontMatter';
import { yamlScalar } from '../../../frontMatter/yamlText';
import { deleteItems, toTextEdits, type OffsetEdit, type TaxonomyRename } from '../../../posts/renameTaxonomy';
import { HUGO_FRONT_MATTER } from '../frontMatter';
import { hugoTermKey } from '../terms';

/**
 * Renaming a term across a Hugo site, as Hugo files pages under terms: an item is the term when its
 * urlized key is the term's (renaming `Go` renames `go` and ` GO ` too, since Hugo made them one),
 * the taxonomy's key is found whatever its case, and a string value is one term. When the page is
 * already filed under the new name, the old items go (a merge). Written in the page's dialect (YAML,
 * TOML or JSON) and, where it can, in the quotes the replaced item used.
 */
export function hugoTermRenameEdits(text: string, rename: TaxonomyRename): TextEdit[] {
  const { taxonomy, from, to } = asTerm(rename);
  if (!to.trim() || hugoTermKey(from) === '' || from === to) return [];
  const parsed = HUGO_FRONT_MATTER.parse(text);
  const format = parsed.block?.format;
  if (!parsed.valid || !format) return [];
  const entry = parsed.entries.find((candidate) => candidate.key.toLowerCase() === taxonomy);
  if (!entry) return [];
  const fromKey = hugoTermKey(from);
  const toKey = hugoTermKey(to);
  const value = entry.value;
  if (value.kind === 'scalar') {
    return termOf(value) !== undefined && hugoTermKey(termOf(value)!) === fromKey && termOf(value) !== to
      ? toTextEdits(text, [{ start: value.range.startOffset, end: value.range.endOffset, text: written(format, value, to) }])
      : [];
  }
  if (value.kind !== 'sequence') return [];
  const matches = value.items.flatMap((item, index) => (termOf(item) !== undefined && hugoTermKey(termOf(item)!) === fromKey ? [index] : []));
  if (matches.length === 0) return [];
  // Another item already names the new term (a different key, or the same key spelled as asked): keep that one.
  const kept = value.items.findIndex((item, index) => !matches.includes(index) && termOf(item) !== undefined && hugoTermKey(termOf(item)!) === toKey);
  const spelledAsAsked = matches.find((index) => termOf(value.items[index]) === to);
  const keep = kept !== -1 ? undefined : spelledAsAsked ?? matches[0];
  const edits: OffsetEdit[] = deleteItems(text, value, matches.filter((index) => index !== keep));
  if (keep !== undefined && termOf(value.items[keep]) !== to) {
    const node = value.items[keep] as ScalarNode;
    edits.push({ start: node.range.startOffset, end: node.range.endOffset, text: written(format, node, to) });
  }
  return toTextEdits(text, edits);
}

/** Hugo's tags and categories are the taxonomies `tags` and `categories` (one level: a category path is one term). */
function asTerm(rename: TaxonomyRename): { taxonomy: string; from: string; to: string } {
  if (rename.kind === 'term') return { taxonomy: rename.taxonomy.toLowerCase(), from: rename.from, to: rename.to };
  if (rename.kind === 'tag') return { taxonomy: 'tags', from: rename.from, to: rename.to };
  return { taxonomy: 'categories', from: rename.from.join('/'), to: rename.to.join('/') };
}

/** The term a list item or a lone value names, as Hugo reads it (numbers and booleans as their text). */
function termOf(node: FrontMatterNode): string | undefined {
  if (node.kind !== 'scalar' || node.value === null || node.value === undefined || typeof node.value === 'object') return undefined;
  const term = String(node.value);
  return term === '' ? undefined : term;
}

/** `term` as a string in the block's dialect, in the replaced item's quotes where they can hold it. */
function written(format: 'yaml' | 'toml' | 'json', like: ScalarNode, term: string): string {
  if (format === 'json') return JSON.stringify(term);
  if (format === 'toml') {
    // A TOML literal string ('...') has no escapes: it cannot hold a quote or a line break.
    return like.style === 'single' && !/['\r\n\u0000-\u001f\u007f]/.test(term) ? `'${term}'` : JSON.stringify(term);
  }
  if (like.style === 'double') return JSON.stringify(term);
  if (like.style === 'single') return /[\u0000-\u001f\u007f]/.test(term) ? JSON.stringify(term) : `'${term.replace(/'/g, "''")}'`;
  // go-yaml v2 reads YAML 1.1: `y` and `n` are booleans there too.
  return /^[yn]$/i.test(term) ? JSON.stringify(term) : yamlScalar(term, '"');
}
