import { canonicalKey, type Site } from '../generators/generator';
import type { FrontMatterNode } from '../frontMatter';
import type { PostRecord } from './types';

/** A taxonomy term written in a post's front matter: its taxonomy (plural name) and the term as written. */
export interface TermAt {
  readonly taxonomy: string;
  readonly term: string;
}

/**
 * The term whose front-matter item holds `offset` (`tags: [a, |b]`, `categories:\n  - x`), read in the
 * site's dialect; the taxonomy by the key the generator reads it as (Hexo's `tag` is `tags`).
 */
export function termAt(text: string, offset: number, site: Site): TermAt | undefined {
  const { generator } = site;
  const parsed = generator.frontMatter.parse(text);
  if (!parsed.valid) return undefined;
  const taxonomies = site.taxonomies ?? ['tags', 'categories'];
  for (const entry of parsed.entries) {
    const taxonomy = canonicalKey(generator.fields, entry.key);
    if (!taxonomies.includes(taxonomy)) continue;
    const term = scalarAt(entry.value, offset);
    if (term !== undefined) return { taxonomy, term };
  }
  return undefined;
}

function scalarAt(node: FrontMatterNode, offset: number): string | undefined {
  if (offset < node.range.startOffset || offset > node.range.endOffset) return undefined;
  if (node.kind === 'scalar') return node.value === null || node.value === undefined || node.value === '' ? undefined : String(node.value);
  if (node.kind === 'sequence') for (const item of node.items) {
    const found = scalarAt(item, offset);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether the post is filed under `term` of `taxonomy`, as its generator keys terms. */
export function carriesTerm(record: PostRecord, at: TermAt, site: Site): boolean {
  const key = site.generator.termKey?.(at.term) ?? at.term;
  const terms = record.terms?.[at.taxonomy] ?? (at.taxonomy === 'tags' ? record.tags : at.taxonomy === 'categories' ? record.categories.flat() : []);
  return terms.includes(key);
}
