import { yamlScalar } from '../frontMatter/yamlText';
import type { FrontMatterEntry, FrontMatterNode, SequenceNode } from '../frontMatter';
import { removeEntry, removeSequenceItem, replaceScalar, writtenText } from './frontMatterEdits';
import type { PostDocument } from './postDocument';
import { message, POSTS_AND_DRAFTS, type Rule } from './rule';
import { collisionKey, isNearDuplicate } from './similarity';
import type { PostRecord } from '../site/types';
import type { Generator as SiteGenerator } from '../generators/generator';
import { siteVocabulary } from './siteVocabulary';
import type { Finding, Fix, RuleContext } from './types';

/**
 * Tags and categories as Hexo reads them (hexo `processor/post.ts`, `models/post.ts` `setTags` and
 * `setCategories`), with the node each name is written in.
 */
type Taxonomy = 'tags' | 'categories';

interface NamedItem {
  readonly node: FrontMatterNode;
  /** The list holding it, for removal fixes (absent for a scalar `tags: x`). */
  readonly list?: SequenceNode;
  readonly index: number;
  /** Hexo's name for it; undefined for an empty item. */
  readonly name?: string;
  /** Category names above it in its hierarchy. */
  readonly parents: readonly string[];
}

/** The entry Hexo reads: the alias (`tag`, `category`) only when the plural key is falsy. */
function taxonomyEntry(doc: PostDocument, taxonomy: Taxonomy): FrontMatterEntry | undefined {
  const alias = taxonomy === 'tags' ? 'tag' : 'category';
  const key = doc.data[alias] && !doc.data[taxonomy] ? alias : taxonomy;
  return doc.entry(key);
}

function nameOf(node: FrontMatterNode): string | undefined {
  if (node.kind !== 'scalar') return undefined;
  const value = node.value;
  if (value === null || value === undefined || value === '') return undefined;
  return `${value as string}`;
}

function items(doc: PostDocument, taxonomy: Taxonomy): NamedItem[] {
  const entry = taxonomyEntry(doc, taxonomy);
  if (!entry) return [];
  const value = entry.value;
  if (value.kind === 'scalar') return nameOf(value) === undefined ? [] : [{ node: value, index: 0, name: nameOf(value), parents: [] }];
  if (value.kind !== 'sequence') return [];
  const hierarchical = taxonomy === 'categories' && value.items.some((item) => item.kind === 'sequence');
  const result: NamedItem[] = [];
  const flatParents: string[] = [];
  value.items.forEach((item, index) => {
    if (hierarchical && item.kind === 'sequence') {
      const parents: string[] = [];
      item.items.forEach((inner, innerIndex) => {
        const name = nameOf(inner);
        result.push({ node: inner, list: item, index: innerIndex, name, parents: [...parents] });
        if (name !== undefined) parents.push(name);
      });
      return;
    }
    const name = nameOf(item);
    result.push({ node: item, list: value, index, name, parents: hierarchical || taxonomy === 'tags' ? [] : [...flatParents] });
    if (name !== undefined && !hierarchical) flatParents.push(name);
  });
  return result;
}

/** PC401: a map where a name belongs: Hexo names the tag or category `[object Object]`. */
export const taxonomyMap: Rule = {
  code: 'PC401', id: 'taxonomy-map', defaultSeverity: 'error', kinds: POSTS_AND_DRAFTS,
  check(doc) {
    if (!doc.parsed.valid) return [];
    const findings: Finding[] = [];
    for (const taxonomy of ['tags', 'categories'] as const) {
      const entry = taxonomyEntry(doc, taxonomy);
      if (!entry) continue;
      const id = taxonomy === 'tags' ? 'tagIsMap' : 'categoryIsMap';
      if (entry.value.kind === 'mapping') {
        findings.push({ range: entry.value.range, message: message(id, writtenText(doc, entry.value)) });
        continue;
      }
      if (entry.value.kind !== 'sequence') continue;
      for (const item of entry.value.items) {
        for (const node of item.kind === 'sequence' ? item.items : [item]) {
          if (node.kind === 'mapping') findings.push({ range: node.range, message: message(id, writtenText(doc, node)) });
        }
      }
    }
    return findings;
  },
};

/** PC402: an empty list item (`- ` or `null`): Hexo skips it, so what is written is not what is read. */
export const taxonomyEmptyItem: Rule = {
  code: 'PC402', id: 'taxonomy-empty-item', defaultSeverity: 'warning', kinds: POSTS_AND_DRAFTS,
  check(doc) {
    if (!doc.parsed.valid) return [];
    const findings: Finding[] = [];
    for (const taxonomy of ['tags', 'categories'] as const) {
      for (const item of items(doc, taxonomy)) {
        if (item.name !== undefined || !item.list || item.node.kind === 'mapping' || item.node.kind === 'sequence') continue;
        const range = item.node.range.startOffset === item.node.range.endOffset ? doc.range(doc.lineStartOf(item.node.range.startOffset), doc.lineMap.lineEnd(item.node.range.start.line)) : item.node.range;
        findings.push({
          range,
          message: message(taxonomy === 'tags' ? 'emptyTag' : 'emptyCategory'),
          fixes: [{ title: message('fixRemoveItem'), edits: [removeSequenceItem(doc, item.list, item.index)], preferred: true, safe: true }],
        });
      }
    }
    return findings;
  },
};

/** PC403: a tag written twice; Hexo 8.1.2 links the post to it twice and counts it twice. */
export const duplicateTag: Rule = {
  code: 'PC403', id: 'duplicate-tag', defaultSeverity: 'warning', kinds: POSTS_AND_DRAFTS,
  check(doc) {
    if (!doc.parsed.valid) return [];
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const item of items(doc, 'tags')) {
      if (item.name === undefined) continue;
      if (!seen.has(item.name)) {
        seen.add(item.name);
        continue;
      }
      const fixes: Fix[] = item.list ? [{ title: message('fixRemoveDuplicate', item.name), edits: [removeSequenceItem(doc, item.list, item.index)], preferred: true, safe: true }] : [];
      findings.push({ range: item.node.range, message: message('duplicateTag', item.name), fixes });
    }
    return findings;
  },
};

/**
 * The names the rest of the site uses in one scope (the tags, or the categories under one parent),
 * with how many other posts use each: this post's own use is left out. A view over the site's
 * vocabulary, not a copy: the rules ask it for every name of every post, so it allocates nothing.
 */
class OtherPostsNames {
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    /** The post's record as the index holds it (counted in `counts`, as posts and drafts are). */
    private readonly own: PostRecord | undefined,
    private readonly taxonomy: Taxonomy,
    private readonly parents: readonly string[],
  ) {}

  count(name: string): number {
    const count = this.counts.get(name) ?? 0;
    return count > 0 && this.ownUses(name) ? count - 1 : count;
  }

  /** Names in use, in the vocabulary's order, with their counts. */
  *entries(): Generator<[string, number]> {
    for (const name of this.counts.keys()) {
      const count = this.count(name);
      if (count > 0) yield [name, count];
    }
  }

  /** Names with this collision key (whatever their count). */
  withCollisionKey(key: string): readonly string[] {
    let byKey = collisionIndexes.get(this.counts);
    if (!byKey) {
      byKey = new Map();
      for (const name of this.counts.keys()) {
        const nameKey = collisionKey(name);
        const names = byKey.get(nameKey);
        if (names) names.push(name);
        else byKey.set(nameKey, [name]);
      }
      collisionIndexes.set(this.counts, byKey);
    }
    return byKey.get(key) ?? [];
  }

  /** Whether the post itself is one of the uses `counts` holds (a category: under the same parents). */
  private ownUses(name: string): boolean {
    const own = this.own;
    if (!own) return false;
    if (this.taxonomy === 'tags') return own.tags.includes(name);
    const depth = this.parents.length;
    return own.categories.some((hierarchy) => hierarchy[depth] === name && this.parents.every((parent, i) => hierarchy[i] === parent));
  }
}

/** Per vocabulary scope (a map the vocabulary keeps for its index version): its names by collision key. */
const collisionIndexes = new WeakMap<ReadonlyMap<string, number>, Map<string, string[]>>();
const NO_NAMES: ReadonlyMap<string, number> = new Map();

function otherPostsNames(context: RuleContext, taxonomy: Taxonomy, parents: readonly string[]): OtherPostsNames {
  if (!context.index) return new OtherPostsNames(NO_NAMES, undefined, taxonomy, parents);
  const vocabulary = siteVocabulary(context.index);
  const counts = taxonomy === 'tags' ? vocabulary.tags : vocabulary.categories.get(parents.join('\u0000'));
  return new OtherPostsNames(counts ?? NO_NAMES, context.index.post(context.path), taxonomy, parents);
}

/** The post's names as its generator reads them now (for own-earlier comparisons). */
function ownNamesRead(doc: PostDocument, taxonomy: Taxonomy, generator: SiteGenerator): string[] {
  return taxonomy === 'tags' ? generator.tagsOf(doc.data) : generator.categoriesOf(doc.data).flat();
}

/**
 * PC404: a name that differs from one the site uses only by case, full/half width or spacing and
 * punctuation: hexo-util `slugize` gives them the same URL, or URLs that differ only in case.
 */
export const taxonomyCollision: Rule = {
  code: 'PC404', id: 'taxonomy-case-collision', defaultSeverity: 'warning', kinds: POSTS_AND_DRAFTS,
  check(doc, context) {
    if (!doc.parsed.valid) return [];
    const findings: Finding[] = [];
    for (const taxonomy of ['tags', 'categories'] as const) {
      if (ownNamesRead(doc, taxonomy, context.site.generator).length === 0) continue;
      const earlier = new Map<string, string>();
      for (const item of items(doc, taxonomy)) {
        const name = item.name;
        if (name === undefined) continue;
        const key = collisionKey(name);
        const others = otherPostsNames(context, taxonomy, item.parents);
        const mine = others.count(name);
        let best: string | undefined;
        let bestCount = 0;
        for (const other of others.withCollisionKey(key)) {
          const count = others.count(other);
          if (other !== name && count > bestCount && count > mine) {
            best = other;
            bestCount = count;
          }
        }
        const sameParentKey = `${item.parents.join('\u0000')}\u0001${key}`;
        if (!best && taxonomy === 'tags') {
          const before = earlier.get(sameParentKey);
          if (before !== undefined && before !== name) best = before;
        }
        if (!earlier.has(sameParentKey)) earlier.set(sameParentKey, name);
        if (!best || key === '') continue;
        // Not safe: Hexo's names are case-sensitive, so the re-cased name is another tag or category.
        const fixes: Fix[] = item.node.kind === 'scalar'
          ? [{ title: message('fixReplaceWith', best), edits: [replaceScalar(item.node, best)], preferred: true, safe: false }] : [];
        findings.push({ range: item.node.range, message: message(taxonomy === 'tags' ? 'tagCollision' : 'categoryCollision', name, best), fixes });
      }
    }
    return findings;
  },
};

/** PC405: a name no other post uses, very close to one the site does (a typo, a pinyin homophone). */
export const taxonomyNearDuplicate: Rule = {
  code: 'PC405', id: 'taxonomy-near-duplicate', defaultSeverity: 'info', kinds: POSTS_AND_DRAFTS,
  check(doc, context) {
    if (!doc.parsed.valid || !context.index) return [];
    const findings: Finding[] = [];
    for (const taxonomy of ['tags', 'categories'] as const) {
      for (const item of items(doc, taxonomy)) {
        const name = item.name;
        if (name === undefined || item.node.kind !== 'scalar') continue;
        const others = otherPostsNames(context, taxonomy, item.parents);
        if (others.count(name) > 0) continue;
        if (others.withCollisionKey(collisionKey(name)).some((other) => others.count(other) > 0)) continue; // PC404's case
        let best: string | undefined;
        let bestCount = 0;
        for (const [other, count] of others.entries()) {
          if (count > bestCount && isNearDuplicate(name, other)) {
            best = other;
            bestCount = count;
          }
        }
        if (!best) continue;
        findings.push({
          range: item.node.range,
          message: message(taxonomy === 'tags' ? 'tagNearDuplicate' : 'categoryNearDuplicate', name, best, bestCount),
          fixes: [{ title: message('fixReplaceWith', best), edits: [replaceScalar(item.node, best)], preferred: true, safe: false }],
        });
      }
    }
    return findings;
  },
};

/**
 * What people type between names when they mean a list: the ASCII comma, and the full-width comma
 * and enumeration comma of Chinese input methods.
 */
const NAME_SEPARATORS = /[,，、]/;

/**
 * PC406: `tags: a, b` — a plain string, which Hexo turns into ONE tag named "a, b" (hexo
 * `processor/post.ts`: a non-array value becomes `[value]`; verified with Hexo 8.1.2). Quoted strings
 * are left alone: quotes say the name is meant as written.
 */
export const taxonomyCommaString: Rule = {
  code: 'PC406', id: 'taxonomy-comma-string', defaultSeverity: 'warning', kinds: POSTS_AND_DRAFTS,
  check(doc) {
    if (!doc.parsed.valid || doc.parsed.format !== 'yaml') return [];
    const findings: Finding[] = [];
    for (const taxonomy of ['tags', 'categories'] as const) {
      const node = taxonomyEntry(doc, taxonomy)?.value;
      if (node?.kind !== 'scalar' || node.style !== 'plain' || typeof node.value !== 'string' || !NAME_SEPARATORS.test(node.value)) continue;
      const names = node.value.split(NAME_SEPARATORS).map((name) => name.trim()).filter((name) => name !== '');
      if (names.length < 2) continue;
      const list = `[${names.map((name) => yamlScalar(name, '"')).join(', ')}]`;
      findings.push({
        range: node.range,
        message: taxonomy === 'tags'
          ? message('tagCommaString', node.value, list, names.length)
          : message('categoryCommaString', node.value, list, names.join(' > ')),
        // Preferred, but not fix-all: it changes which tags Hexo builds pages for, which the author should see.
        fixes: [{ title: message('fixWriteAsList', list), edits: [{ range: node.range, newText: list }], preferred: true, safe: false }],
      });
    }
    return findings;
  },
};

const TAXONOMY_KEYS = ['tags', 'tag', 'categories', 'category'];

/**
 * PC407: tags or categories on a page. Hexo's page processor keeps them as plain data and never links
 * a page to a tag or category (hexo `models/page.ts` has neither), so the page is listed nowhere.
 */
export const taxonomyOnPage: Rule = {
  code: 'PC407', id: 'taxonomy-on-page', defaultSeverity: 'warning', kinds: ['page'],
  check(doc) {
    if (!doc.parsed.valid) return [];
    const findings: Finding[] = [];
    for (const entry of doc.parsed.entries) {
      if (!TAXONOMY_KEYS.includes(entry.key) || isBlank(entry.value)) continue;
      const remove = removeEntry(doc, entry);
      findings.push({
        range: entry.keyRange,
        message: message('taxonomyOnPage', entry.key),
        // Not fix-all: it deletes what the author wrote (a theme may still show it).
        fixes: remove ? [{ title: message('fixRemoveKey', entry.key), edits: [remove], preferred: true, safe: false }] : [],
      });
    }
    return findings;
  },
};

/** `tags:`, `tags: []` or `tags: null`: nothing that could be listed anywhere. */
function isBlank(node: FrontMatterNode): boolean {
  if (node.kind === 'empty') return true;
  if (node.kind === 'scalar') return node.value === null || node.value === undefined || node.value === '';
  if (node.kind === 'sequence') return node.items.every(isBlank);
  return false;
}
