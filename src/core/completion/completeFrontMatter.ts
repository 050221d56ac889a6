import { splitFrontMatter } from '../frontMatter';
import type { SiteIndexView } from '../index/types';
import { basename, extname } from '../path';
import { categoryKey, categoryNodesOf } from '../site/categoryPaths';
import type { PostRecord } from '../site/types';
import type { Position, SourceRange } from '../text/sourceRange';
import { analyzeCompletionContext, type KeyContext, type NewFrontMatterContext, type Span, type ValueContext, type ValueItem } from './completionContext';
import type { ScalarItem, ValueSlot } from './contextTypes';
import { formatMomentDate } from '../site/dateFormat';
import { canonicalKey, fieldOf, type FrontMatterField, type FrontMatterFields } from '../generators/generator';
import { Messages, postsMessage } from './messages';
import type { CompletionItem, CompletionItemKind, CompletionOptions, CompletionResult, TextEdit } from './types';
import { categoryVocabulary, draftOnlyTagVocabulary, tagVocabulary, termVocabulary, type CategoryEntry } from './vocabulary';
import { escapeDoubleQuoted, escapeInQuotes, escapeSnippet, yamlScalar } from '../frontMatter/yamlText';

/** Hexo's built-in post scaffold, used when the site has none (hexo `lib/hexo/scaffold.ts`). */
const DEFAULT_SCAFFOLD = '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n';

/**
 * Completion in a post's front matter: keys, then values from the whole site (tags by use,
 * categories by hierarchy, layouts, dates). Pure: text and offset in, items with ranges out.
 * Costs no work proportional to the number of posts: the index keeps the counts, and what is derived
 * from them (filter texts, the category tree) is cached until they change.
 */
export function completeFrontMatter(text: string, offset: number, index: SiteIndexView | undefined, options: CompletionOptions): CompletionResult {
  const context = analyzeCompletionContext(text, offset, (index?.site.generator ?? options.generator)?.frontMatter.split);
  const ranges = new RangeMaker(text);
  switch (context.kind) {
    case 'none':
      return { items: [] };
    case 'newFrontMatter':
      return { items: [frontMatterItem(context, index, options, ranges)] };
    case 'key':
      return { items: keyItems(context, index, options, ranges) };
    case 'value':
      return { items: valueItems(wordContext(context, text, offset, index, options), index, options, ranges) };
  }
}

/** The current date and time as the site writes them (`date_format` + `time_format` in `timezone`). */
export function formatSiteDate(index: SiteIndexView | undefined, now: Date): string {
  return formatMomentDate(now, siteDateFormat(index), index?.site.config.timezone ?? '');
}

function siteDateFormat(index: SiteIndexView | undefined): string {
  const config = index?.site.config;
  return config?.writtenDateFormat ?? `${config?.dateFormat ?? 'YYYY-MM-DD'} ${config?.timeFormat ?? 'HH:mm:ss'}`;
}

// ---------------------------------------------------------------------------------------------------
// Keys

/** The fields of the post's generator: its site's, else the one the caller names; none outside both. */
function fieldsOf(index: SiteIndexView | undefined, options: CompletionOptions): FrontMatterFields {
  return (index?.site.generator ?? options.generator)?.fields ?? NO_FIELDS;
}

const NO_FIELDS: FrontMatterFields = { list: [], byKey: new Map() };

function keyItems(context: KeyContext, index: SiteIndexView | undefined, options: CompletionOptions, ranges: RangeMaker): CompletionItem[] {
  const fields = fieldsOf(index, options);
  const present = new Set([...context.presentKeys].map((key) => canonicalKey(fields, key)));
  const fieldFor = (key: string) => fieldOf(fields, key);
  const own = ownEntries(index, options.path);
  const counts = index?.keyCounts() ?? new Map<string, number>();
  const candidates = new Map<string, { field?: FrontMatterField; count: number; order: number }>();
  fields.list.forEach((field, order) => {
    if (field.postsOnly && options.kind === 'page') return;
    candidates.set(field.key, { field, count: 0, order });
  });
  // Keys the site's scaffolds (Hugo's archetypes) write: the writer's own fields, before anyone used them.
  for (const key of scaffoldKeys(index)) {
    // A known field keeps its own place (and stays off pages when it is for posts only).
    if (!fieldFor(key) && !candidates.has(key)) candidates.set(key, { count: 0, order: fields.list.length });
  }
  // Keys the site's defaults give this file (Jekyll's `defaults`): written here, they override them.
  const defaults = options.path !== undefined ? index?.site.defaultsFor?.(options.path, options.kind ?? 'post') ?? {} : {};
  for (const key of Object.keys(defaults)) {
    if (!fieldFor(key) && !candidates.has(key)) candidates.set(key, { count: 0, order: fields.list.length });
  }
  for (const [key, count] of counts) {
    const known = candidates.get(fieldFor(key)?.key ?? key);
    if (known) {
      known.count += count;
    } else if (!fieldFor(key) && key.trim() !== '' && !(own.keys.has(key) && count <= 1)) {
      // A key only this post has is the one being typed (the index already saw the keystroke).
      candidates.set(key, { count, order: fields.list.length });
    }
  }
  const range = ranges.range(context.replace);
  const quotedKey = context.format === 'json' && ranges.text[context.replace.start] === '"';
  const sorted = [...candidates]
    .filter(([key]) => !present.has(canonicalKey(fields, key)))
    .sort(([a, x], [b, y]) => y.count - x.count || x.order - y.order || compare(a, b));
  return sorted.map(([key, { field, count }], rank) => {
    const insert = keyInsertText(key, field, context, index, options);
    const given = Object.prototype.hasOwnProperty.call(defaults, key) ? { message: Messages.fromDefaults, args: [`${key}: ${JSON.stringify(defaults[key])}`] } : undefined;
    const usage = given ?? (count > 0 ? postsMessage(count, Messages.keyPosts, Messages.keyOnePost) : undefined);
    const additionalEdits: TextEdit[] = [];
    if (context.commaBefore !== undefined) additionalEdits.push({ range: ranges.range({ start: context.commaBefore, end: context.commaBefore }), newText: ',' });
    return {
      label: key,
      kind: 'key' as const,
      insertText: insert.text,
      isSnippet: insert.snippet,
      filterText: quotedKey ? `"${key}` : key,
      detail: field ? { message: field.description } : usage,
      documentation: field ? usage : undefined,
      sortText: sortText(rank),
      range,
      additionalEdits: additionalEdits.length > 0 ? additionalEdits : undefined,
      retrigger: insert.retrigger,
    };
  });
}

/** Top-level keys written in the site's scaffolds (`key:` or `key =` at a line's start), cached per site. */
const scaffoldKeyCache = new WeakMap<object, readonly string[]>();
function scaffoldKeys(index: SiteIndexView | undefined): readonly string[] {
  const site = index?.site;
  if (!site) return [];
  let keys = scaffoldKeyCache.get(site);
  if (!keys) {
    const found = new Set<string>();
    for (const scaffold of site.scaffolds.values()) {
      const split = site.generator.frontMatter.split(scaffold);
      const content = split.content ? scaffold.slice(split.content.start, split.content.end) : '';
      for (const match of content.matchAll(/^([A-Za-z_][\w-]*)[ \t]*[:=]/gm)) found.add(match[1]);
    }
    keys = [...found];
    scaffoldKeyCache.set(site, keys);
  }
  return keys;
}

function keyInsertText(
  key: string, field: FrontMatterField | undefined, context: KeyContext, index: SiteIndexView | undefined, options: CompletionOptions,
): { text: string; snippet: boolean; retrigger: boolean } {
  const json = context.format === 'json';
  const toml = context.format === 'toml';
  const name = json ? `"${escapeDoubleQuoted(key)}"` : toml ? (/^[\w-]+$/.test(key) ? key : `"${escapeDoubleQuoted(key)}"`) : yamlScalar(key, '"');
  if (context.hasColon) return { text: name, snippet: false, retrigger: false };
  // A taxonomy of the site (Hugo's `series`) is a list, like tags.
  const value = index?.site.taxonomies?.includes(key.toLowerCase()) ? 'list' : field?.value;
  // TOML strings are quoted and its dates are literals: a value is written as JSON would, a date bare.
  const quoted = json || toml;
  let template: string;
  let retrigger = false;
  switch (value) {
    case 'list':
      template = '[$0]';
      retrigger = true;
      break;
    case 'date': {
      const now = escapeSnippet(formatSiteDate(index, options.now));
      template = json ? `"\${1:${now}}"` : `\${1:${now}}`;
      break;
    }
    case 'boolean':
      template = field?.firstChoice ? '${1|true,false|}' : '${1|false,true|}';
      break;
    case 'layout':
      template = quoted ? '"$1"' : '$0';
      retrigger = !quoted;
      break;
    case 'language': {
      const languages = siteLanguages(index).filter((language) => /^[\w-]+$/.test(language));
      const choice = languages.length > 1 ? `\${1|${languages.join(',')}|}` : `\${1:${escapeSnippet(languages[0] ?? 'en')}}`;
      template = quoted ? `"${choice}"` : choice;
      break;
    }
    default:
      template = quoted && value === 'text' ? '"$1"' : '$0';
  }
  const comma = json && context.commaAfter ? ',' : '';
  return { text: `${escapeSnippet(name)}${toml ? ' = ' : ': '}${template}${comma}`, snippet: true, retrigger };
}

// ---------------------------------------------------------------------------------------------------
// Values

function valueItems(context: ValueContext, index: SiteIndexView | undefined, options: CompletionOptions, ranges: RangeMaker): CompletionItem[] {
  const range = ranges.range(context.slot.replace);
  const item = (label: string, kind: CompletionItemKind, insertText: string, rank: number, extra: Partial<CompletionItem> = {}): CompletionItem => ({
    label, kind, insertText, isSnippet: false, filterText: label, sortText: sortText(rank), range, ...extra,
  });
  const word = context.slot.word;
  if (word) {
    const first = context.slot.replace.start === (context.slot.token?.start ?? -1);
    return valueItems({ ...context, slot: { ...context.slot, word: undefined } }, index, options, ranges)
      .filter((entry) => fitsWord(entry.label, word, first) && !context.items.some((other) => other.kind === 'scalar' && other.value === entry.label))
      .map((entry) => ({ ...entry, insertText: `${context.slot.before}${entry.label}` }));
  }
  const fields = fieldsOf(index, options);
  const key = canonicalKey(fields, context.key);
  // A site that configures its taxonomies (Hugo): every one of them offers its terms, flat.
  const taxonomies = index?.site.taxonomies;
  if (index && taxonomies) {
    const taxonomy = taxonomies.find((plural) => plural === context.key.toLowerCase());
    return taxonomy ? termItems(context, index, taxonomy, item) : generalValueItems(context, index, options, item, fieldOf(fields, context.key));
  }
  switch (key) {
    case 'tags':
      return index ? tagItems(context, index, options, item) : [];
    case 'categories':
      return index ? categoryItems(context, index, options, item) : [];
    case 'layout':
      return layoutItems(context, index, options, item);
    case 'comments':
    case 'published':
    case 'disableNunjucks':
      return ['true', 'false'].map((value, rank) => item(value, 'value', writeValue(value, context, true), rank));
    case 'date':
    case 'updated': {
      const now = formatSiteDate(index, options.now);
      return [item(now, 'date', writeValue(now, context, context.format === 'yaml'), 0, { detail: { message: Messages.now, args: [siteDateFormat(index)] } })];
    }
    case 'lang':
      return siteLanguages(index).map((language, rank) => item(language, 'value', writeValue(language, context), rank, { detail: { message: Messages.language } }));
    default:
      return generalValueItems(context, index, options, item, fieldOf(fields, context.key));
  }
}

/**
 * The layouts a post may name: the site's layout files where its generator renders with them (Jekyll),
 * else its scaffolds (Hexo); the one the site's defaults already give first, then the no-layout value.
 */
function layoutItems(context: ValueContext, index: SiteIndexView | undefined, options: CompletionOptions, item: ItemMaker): CompletionItem[] {
  const site = index?.site;
  const files = site?.layouts;
  const given = options.path !== undefined ? site?.defaultsFor?.(options.path, options.kind ?? 'post').layout : undefined;
  const first = typeof given === 'string' ? given : site?.config.defaultLayout;
  const names = [...(files ?? site?.scaffolds ?? new Map<string, string>()).keys()]
    .sort((a, b) => (a === first ? -1 : b === first ? 1 : compare(a, b)));
  const items = names.map((layout, rank) => item(layout, 'value', writeValue(layout, context), rank, {
    detail: files ? { message: Messages.layoutFile, args: [files.get(layout) ?? layout] } : { message: Messages.scaffold, args: [`scaffolds/${layout}`] },
    ...(layout === given ? { documentation: { message: Messages.fromDefaults, args: [`layout: ${layout}`] } } : {}),
  }));
  const generator = site?.generator ?? options.generator;
  const none = generator?.noLayoutValue?.(options.kind ?? 'post') ?? 'false';
  items.push(item(none, 'value', writeValue(none, context, true), names.length, { detail: { message: generator?.noLayoutValue ? Messages.layoutNone : Messages.layoutFalse } }));
  return items;
}

/**
 * In a string the generator splits on whitespace (Jekyll's `tags: a b`), the slot is the word at the
 * cursor: an item replaces that word only, and the other words count as already written.
 */
function wordContext(context: ValueContext, text: string, cursor: number, index: SiteIndexView | undefined, options: CompletionOptions): ValueContext {
  const { slot } = context;
  if (context.format !== 'yaml' || slot.container !== 'scalar' || !fieldOf(fieldsOf(index, options), context.key)?.words) return context;
  const token = slot.token ?? slot.replace;
  const inner = slot.quote ? { start: token.start + 1, end: Math.max(token.start + 1, token.end - 1) } : { start: token.start, end: Math.max(token.end, cursor) };
  let start = cursor;
  while (start > inner.start && !/\s/.test(text[start - 1])) start--;
  let end = cursor;
  while (end < inner.end && !/\s/.test(text[end])) end++;
  const words: ScalarItem[] = [];
  for (const match of text.slice(inner.start, inner.end).matchAll(/\S+/g)) {
    const at = inner.start + (match.index ?? 0);
    if (at !== start) words.push({ kind: 'scalar', value: match[0], span: { start: at, end: at + match[0].length } });
  }
  return {
    ...context,
    items: words,
    slot: { replace: { start, end }, typed: text.slice(start, cursor), container: 'scalar', before: start === slot.replace.start ? slot.before : '', path: [0], word: slot.quote ?? 'plain', ...(start === inner.start && !slot.quote ? { token: { start, end } } : {}) },
  };
}

/** Whether a term can be written as one word of a whitespace-split string (plain, or inside the quotes). */
function fitsWord(value: string, word: NonNullable<ValueSlot['word']>, first: boolean): boolean {
  if (value === '' || /\s/.test(value)) return false;
  if (word !== 'plain') return !value.includes(word) && !value.includes('\\');
  return !/#|:$|: /.test(value) && !(first && /^[-?:,[\]{}#&*!|>'"%@`]/.test(value));
}

/** What any generator's field of a kind offers: booleans, and now for dates. */
function generalValueItems(context: ValueContext, index: SiteIndexView | undefined, options: CompletionOptions, item: ItemMaker, field: FrontMatterField | undefined): CompletionItem[] {
  if (field?.value === 'boolean') {
    const values = field.firstChoice === false ? ['false', 'true'] : ['true', 'false'];
    return values.map((value, rank) => item(value, 'value', writeValue(value, context, true), rank));
  }
  if (field?.value === 'date') {
    const now = formatSiteDate(index, options.now);
    // A TOML date is a literal, written bare; in YAML a bare date reads as written.
    return [item(now, 'date', writeValue(now, context, context.format !== 'json'), 0, { detail: { message: Messages.now, args: [siteDateFormat(index)] } })];
  }
  return [];
}

/** The terms of one taxonomy by use (as the generator keys them), those already written left out. */
function termItems(context: ValueContext, index: SiteIndexView, taxonomy: string, item: ItemMaker): CompletionItem[] {
  const present = new Set(otherValues(context).map((scalar) => scalar.value.toLowerCase()));
  const items: CompletionItem[] = [];
  for (const term of termVocabulary(index, taxonomy)) {
    if (present.has(term.name.toLowerCase())) continue;
    items.push(item(term.name, 'tag', writeValue(term.name, context), items.length, {
      filterText: term.filterText,
      detail: postsMessage(term.count, Messages.tagPosts, Messages.tagOnePost),
    }));
  }
  return items;
}

type ItemMaker = (label: string, kind: CompletionItemKind, insertText: string, rank: number, extra?: Partial<CompletionItem>) => CompletionItem;

function tagItems(context: ValueContext, index: SiteIndexView, options: CompletionOptions, item: ItemMaker): CompletionItem[] {
  const present = new Set(otherValues(context).map((scalar) => scalar.value));
  const own = ownEntries(index, options.path);
  const items: CompletionItem[] = [];
  for (const tag of tagVocabulary(index)) {
    if (present.has(tag.name)) continue;
    // Counted only because of this post: a partial word the index picked up while the writer types.
    if (own.tags.has(tag.name) && tag.count <= 1) continue;
    items.push(item(tag.name, 'tag', writeValue(tag.name, context), items.length, {
      filterText: tag.filterText,
      detail: postsMessage(tag.count, Messages.tagPosts, Messages.tagOnePost),
    }));
  }
  // Then the tags of unpublished posts, after every published one.
  for (const tag of draftOnlyTagVocabulary(index, (record) => isCounted(index, record))) {
    if (present.has(tag.name) || tag.paths.every((path) => path === options.path)) continue;
    items.push(item(tag.name, 'tag', writeValue(tag.name, context), items.length, {
      filterText: tag.filterText,
      detail: postsMessage(tag.count, Messages.tagDrafts, Messages.tagOneDraft),
    }));
  }
  return items;
}

/**
 * Categories by hierarchy, as Hexo reads them (`setCategories` in hexo `lib/models/post.ts`): in a
 * flat list every item is the child of the one before, so `[技术, |]` offers 技术's children first;
 * once any item is a list, each top-level item starts a hierarchy of its own.
 */
function categoryItems(context: ValueContext, index: SiteIndexView, options: CompletionOptions, item: ItemMaker): CompletionItem[] {
  const prefix = hierarchyBefore(context);
  const vocabulary = categoryVocabulary(index);
  const own = ownEntries(index, options.path);
  const ownOnly = (path: readonly string[], count: number): boolean => count <= (own.categories.get(categoryKey(path)) ?? 0);
  const offered = new Set(prefix);
  const items: CompletionItem[] = [];
  /** Each name once, children of the prefix first; `elsewhere`: the name lives under another parent. */
  const offer = (entry: CategoryEntry, elsewhere: boolean): void => {
    if (offered.has(entry.name) || ownOnly(entry.path, entry.count)) return;
    offered.add(entry.name);
    items.push(item(entry.name, 'category', writeValue(entry.name, context), items.length, {
      filterText: entry.filterText,
      detail: postsMessage(entry.count, Messages.categoryPosts, Messages.categoryOnePost, entry.path.join(' > ')),
      ...(elsewhere ? { documentation: { message: Messages.categoryBecomes, args: [[...prefix, entry.name].join(' > ')] } } : {}),
    }));
  };
  for (const child of vocabulary.children.get(categoryKey(prefix)) ?? []) offer(child, false);
  for (const other of vocabulary.names) offer(other, true);
  return items;
}

/** The category path the cursor's item would extend. */
function hierarchyBefore(context: ValueContext): string[] {
  const { slot, items } = context;
  let before: readonly ValueItem[];
  if (slot.path.length >= 2) {
    const list = items[slot.path[0]];
    before = list?.kind === 'list' ? list.items.slice(0, slot.path[1]) : [];
  } else if (slot.container === 'scalar' || items.some((entry) => entry.kind === 'list')) {
    before = [];
  } else {
    before = items.slice(0, slot.path[0]);
  }
  return before.flatMap((entry) => (entry.kind === 'scalar' && entry.value !== '' ? [entry.value] : []));
}

/** Every scalar of the value except the token being typed. */
function otherValues(context: ValueContext): Array<{ value: string; span: Span }> {
  const token = context.slot.token;
  return context.items
    .flatMap((entry) => (entry.kind === 'list' ? entry.items : [entry]))
    .filter((scalar) => !(token && scalar.span.start === token.start && scalar.span.end === token.end));
}

/** A value as it must be written in the slot: inside the author's quotes, quoted when YAML needs it, or raw. */
function writeValue(value: string, context: ValueContext, raw = false): string {
  const { slot } = context;
  const after = slot.after ?? '';
  if (slot.quote) return `${slot.before}${escapeInQuotes(value, slot.quote)}${slot.quote}${after}`;
  if (raw) return `${slot.before}${value}${after}`;
  if (context.format === 'json' || context.format === 'toml') return `${slot.before}"${escapeDoubleQuoted(value)}"${after}`;
  return `${slot.before}${yamlScalar(value, context.preferredQuote)}${after}`;
}

function siteLanguages(index: SiteIndexView | undefined): string[] {
  return (index?.site.config.language ?? ['en']).filter((language) => language !== 'default');
}

// ---------------------------------------------------------------------------------------------------
// A whole front matter

function frontMatterItem(context: NewFrontMatterContext, index: SiteIndexView | undefined, options: CompletionOptions, ranges: RangeMaker): CompletionItem {
  const scaffolds = index?.site.scaffolds;
  const layout = options.kind === 'draft' && scaffolds?.has('draft') ? 'draft' : options.kind === 'page' && scaffolds?.has('page') ? 'page' : 'post';
  const scaffold = scaffolds?.get(layout) ?? DEFAULT_SCAFFOLD;
  const split = splitFrontMatter(scaffold);
  const body = (split.content ? scaffold.slice(split.content.start, split.content.end) : scaffold.trim()).split(/\r?\n/);
  const fence = split.separator ?? '---';
  const path = options.path ?? '';
  const title = yamlScalar(basename(path).slice(0, basename(path).length - extname(path).length) || 'untitled', '"');
  const date = formatSiteDate(index, options.now);
  const render = (line: string, snippet: boolean): string => {
    let result = '';
    let last = 0;
    for (const match of line.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      const before = line.slice(last, match.index);
      result += snippet ? escapeSnippet(before) : before;
      const name = match[1];
      const value = name === 'title' ? title : name === 'date' ? date : name === 'layout' ? layout : '';
      result += snippet ? (name === 'title' ? `\${1:${escapeSnippet(value)}}` : escapeSnippet(value)) : value;
      last = match.index + match[0].length;
    }
    const rest = line.slice(last);
    return result + (snippet ? escapeSnippet(rest) : rest);
  };
  const eol = context.eol;
  const tail = context.lineBreakFollows ? '' : eol;
  const snippet = [fence, ...body.map((line) => render(line, true)), fence].join(eol) + tail + '$0';
  const preview = [fence, ...body.map((line) => render(line, false)), fence].join('\n');
  return {
    label: fence,
    kind: 'frontMatter',
    insertText: snippet,
    isSnippet: true,
    filterText: fence,
    detail: { message: Messages.frontMatter, args: [layout] },
    preview,
    sortText: sortText(0),
    range: ranges.range(context.replace),
  };
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/** What this post itself contributes to the index's counts, so that its own keystrokes are not suggested back. */
function ownEntries(index: SiteIndexView | undefined, path: string | undefined): { tags: Set<string>; keys: Set<string>; categories: Map<string, number> } {
  const record = path ? index?.post(path) : undefined;
  const empty = { tags: new Set<string>(), keys: new Set<string>(), categories: new Map<string, number>() };
  if (!record || !index) return empty;
  const counted = isCounted(index, record);
  const categories = new Map<string, number>();
  if (counted) for (const node of categoryNodesOf(record.categories)) categories.set(categoryKey(node), (categories.get(categoryKey(node)) ?? 0) + 1);
  return { tags: new Set(counted ? record.tags : []), keys: new Set(record.keys), categories };
}

function isCounted(index: SiteIndexView, record: PostRecord): boolean {
  const own = (index as { isCounted?: (record: PostRecord) => boolean }).isCounted;
  return own ? own.call(index, record) : record.kind === 'post' && record.published && !record.error;
}

function sortText(rank: number): string {
  return String(rank).padStart(5, '0');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Offsets to positions, counting lines only up to the offsets asked for (the front matter, near the top). */
class RangeMaker {
  private lineStarts = [0];

  constructor(readonly text: string) {}

  range(span: Span): SourceRange {
    return { start: this.position(span.start), end: this.position(span.end), startOffset: span.start, endOffset: span.end };
  }

  private position(offset: number): Position {
    const starts = this.lineStarts;
    for (let next = this.text.indexOf('\n', starts[starts.length - 1]); next !== -1 && next < offset; next = this.text.indexOf('\n', next + 1)) {
      starts.push(next + 1);
    }
    let line = starts.length - 1;
    while (line > 0 && starts[line] > offset) line--;
    return { line, character: offset - starts[line] };
  }
}
