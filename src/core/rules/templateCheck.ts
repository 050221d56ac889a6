import * as filters from 'nunjucks/src/filters';
import { TOKEN_BLOCK_END } from 'nunjucks/src/lexer';
import * as nodes from 'nunjucks/src/nodes';
import { parse } from 'nunjucks/src/parser';
import { indexAtOrAfter } from '../text/positions';
import { HIDDEN_CODE, HIDDEN_COMMENT, inSpans, type Span } from './bodyScan';
import type { PostDocument } from './postDocument';
import { HEXO_TAG_PLUGINS } from './tagPlugins';

export { HEXO_TAG_PLUGINS };

/**
 * What Nunjucks makes of a post's body when Hexo renders it (hexo `lib/hexo/post.ts` `render`, then
 * `Tag#render` in `lib/extend/tag.ts`), read with Nunjucks' own parser, the version Hexo resolves:
 * - fenced code (a fence never closed runs to the end, as Markdown reads it), and inline code, HTML
 *   comments, indented code and `<code>` outside block tags are hidden (Hexo escapes them or Markdown
 *   puts them in `<code>`, whose braces `Tag#render` escapes unless it holds a `{% raw %}`); inside
 *   `{% name %}...{% endname %}` Hexo hides nothing, so Nunjucks reads inline code and comments there,
 *   nor does Markdown make code of backticks in an HTML block;
 * - Hexo's tag plugins are registered as Hexo registers them (block or not); a tag only a theme or
 *   plugin knows is registered too, so that it stays PC508's warning instead of a parse error.
 * The view keeps every offset (hidden text becomes spaces, line breaks stay), so Nunjucks' line and
 * column are the file's.
 */
export type TemplateVerdict =
  | { readonly kind: 'notRendered' }
  | { readonly kind: 'ok'; readonly renderFailures: readonly RenderFailure[] }
  | { readonly kind: 'syntax'; readonly message: string; /** -1 when Nunjucks gives no position. */ readonly offset: number }
  | { readonly kind: 'unchecked'; readonly reason: 'size' | 'tags' | 'depth' };

export interface RenderFailure extends Span {
  readonly name: string;
  /** An unknown filter, or a call of an undefined name. */
  readonly kind: 'filter' | 'call';
}

/** Names Nunjucks' parser reads itself (`Parser#parseStatement`), and the ones that only close or split those. */
export const NUNJUCKS_OWN: ReadonlySet<string> = new Set(['raw', 'verbatim', 'if', 'ifAsync', 'for', 'asyncEach', 'asyncAll', 'block', 'extends', 'include', 'set',
  'macro', 'call', 'import', 'from', 'filter', 'switch', 'elif', 'elseif', 'else', 'case', 'default']);

/**
 * Bounds that keep the check within a fraction of a second: Nunjucks' lexer reads about 7 MB/s here,
 * and looks each tag name up in a list of extensions. Bodies beyond them are not parsed (PC511 says so).
 */
export const MAX_CHECKED_BODY = 2_000_000;
export const MAX_CHECKED_TEMPLATE_TAGS = 50_000;
export const MAX_EXTENSION_NAMES = 200;

const VERDICTS = new WeakMap<PostDocument, Map<string, TemplateVerdict>>();

/** The verdict for `doc` with the site's custom tags, computed once per document and settings. */
export function templateVerdict(doc: PostDocument, customTags: readonly string[]): TemplateVerdict {
  let byTags = VERDICTS.get(doc);
  if (!byTags) {
    byTags = new Map();
    VERDICTS.set(doc, byTags);
  }
  const key = customTags.join('\n');
  let verdict = byTags.get(key);
  if (!verdict) {
    verdict = computeVerdict(doc, customTags);
    byTags.set(key, verdict);
  }
  return verdict;
}

function computeVerdict(doc: PostDocument, customTags: readonly string[]): TemplateVerdict {
  const body = doc.body;
  // Hexo runs Nunjucks only when the post allows it and holds a complete tag (`rSwigTag`).
  if (doc.data.disableNunjucks === true || !body.hasTemplateSyntax) return { kind: 'notRendered' };
  if (doc.text.length - body.bodyOffset > MAX_CHECKED_BODY) return { kind: 'unchecked', reason: 'size' };
  if (body.templateTokens > MAX_CHECKED_TEMPLATE_TAGS) return { kind: 'unchecked', reason: 'tags' };
  const extensions = tagExtensions(doc, customTags);
  if (!extensions) return { kind: 'unchecked', reason: 'tags' };
  const view = templateView(doc);
  let root: nodes.Node;
  try {
    root = parse(view, extensions, {});
  } catch (error) {
    if (error instanceof RangeError) return { kind: 'unchecked', reason: 'depth' };
    // Nunjucks throws TemplateErrors and, from its lexer, plain Errors; anything else is a fault of
    // this check, and no reason to tell the author the post fails.
    if (error instanceof TypeError || error instanceof ReferenceError) return { kind: 'ok', renderFailures: [] };
    const { lineno, colno, message } = error as { lineno?: number; colno?: number; message?: string };
    const offset = typeof lineno === 'number' && typeof colno === 'number' ? doc.lineMap.lineStart(lineno - 1) + colno - 1 : -1;
    return { kind: 'syntax', message: nunjucksMessage(String(message ?? error)), offset };
  }
  return { kind: 'ok', renderFailures: renderFailures(doc, root) };
}

/** Nunjucks' own words: "(unknown path) [Line 1, Column 6]\n  expected variable end" gives "expected variable end". */
function nunjucksMessage(message: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^\(unknown path\)/.test(line));
  return lines.join(' ') || message;
}

/**
 * Extensions for every tag name Nunjucks does not know itself (Hexo's tag plugins, the custom tags of
 * the settings, and any other name the post uses), parsing as Hexo's `NunjucksTag`/`NunjucksBlock`
 * do: the arguments are raw tokens up to `%}`; a block parses its body up to `end<name>`. Names not
 * Hexo's are blocks when the post writes their end. Undefined beyond MAX_EXTENSION_NAMES names
 * (Nunjucks searches the list for every tag).
 */
function tagExtensions(doc: PostDocument, customTags: readonly string[]): unknown[] | undefined {
  const written = new Set(doc.body.tags.map((tag) => tag.name));
  const names = new Set<string>();
  for (const [name] of HEXO_TAG_PLUGINS) names.add(name);
  for (const name of customTags) names.add(name);
  for (const name of written) if (name !== '' && !name.startsWith('end') && !NUNJUCKS_OWN.has(name)) names.add(name);
  if (names.size > MAX_EXTENSION_NAMES) return undefined;
  const blocks = [...names].filter((name) => HEXO_TAG_PLUGINS.get(name) ?? written.has(`end${name}`));
  const inline = [...names].filter((name) => !blocks.includes(name));
  return [hexoTag(inline, false), hexoTag(blocks, true)];
}

interface Parser {
  nextToken(withWhitespace?: boolean): { type: string; lineno: number; colno: number; value: string } | null;
  parseUntilBlocks(...names: string[]): nodes.Node;
  advanceAfterBlockEnd(): void;
}

function hexoTag(tags: string[], ends: boolean): object {
  return {
    tags,
    parse(parser: Parser): nodes.Node {
      const tag = parser.nextToken();
      const node = new nodes.NodeList(tag?.lineno ?? 0, tag?.colno ?? 0);
      for (let token = parser.nextToken(true); token; token = parser.nextToken(true)) if (token.type === TOKEN_BLOCK_END) break;
      if (ends && tag) {
        node.children = [parser.parseUntilBlocks(`end${tag.value}`)];
        parser.advanceAfterBlockEnd();
      }
      return node;
    },
  };
}

/** The text Nunjucks reads, offsets kept: see the module comment. */
export function templateView(doc: PostDocument): string {
  const { text } = doc;
  const body = doc.body;
  const blocks = blockRegions(doc);
  const rawOpens = rawOpenOffsets(text, body.bodyOffset);
  // Hexo's `Tag#render` leaves a `<code>` holding `{% raw %}` unescaped.
  const holdsRaw = (span: Span): boolean => {
    const at = firstAtOrAfter(rawOpens, span.start);
    return at !== -1 && at < span.end;
  };
  const hidden: Span[] = [{ start: 0, end: body.bodyOffset }, ...body.fencedCode];
  // A fence that never closes: Markdown makes the rest code, whose braces `Tag#render` escapes.
  if (body.unclosedFence !== -1 && !holdsRaw({ start: body.unclosedFence, end: text.length })) hidden.push({ start: body.unclosedFence, end: text.length });
  const spans = body.hiddenFromTemplate;
  for (let index = 0; index < spans.length; index++) {
    const span = { start: spans.start(index), end: spans.end(index) };
    // In an HTML block Markdown leaves backticks as they are: no `<code>`, nothing escaped.
    if (spans.kind(index) === HIDDEN_CODE && inSpans(body.htmlBlocks, span.start)) continue;
    // Comments are Hexo's placeholders, whatever they hold; code is escaped by `Tag#render` unless it holds a raw.
    if (!inSpans(blocks, span.start) && (spans.kind(index) === HIDDEN_COMMENT || !holdsRaw(span))) hidden.push(span);
  }
  for (const span of body.indentedCode) {
    if (!inSpans(blocks, span.start) && !holdsRaw(span)) hidden.push(span);
  }
  for (const span of backslashed(doc, blocks)) hidden.push(span);
  hidden.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const span of hidden) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    parts.push(text.slice(at, start), text.slice(start, span.end).replace(/[^\n]/g, ' '));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Tags and variables right after a backslash: Hexo swaps each for an HTML comment placeholder, the
 * backslash escapes its `<` for Markdown, and the placeholder is never restored (the post shows
 * `<!–swig￼0–>`), so Nunjucks never reads it, nor the block it opens. Not in an HTML block, where
 * Markdown leaves backslashes alone; an even run of backslashes escapes only itself.
 */
function backslashed(doc: PostDocument, blocks: readonly Span[]): Span[] {
  const { text } = doc;
  const body = doc.body;
  const escaped = (start: number): boolean => {
    let count = 0;
    while (start - count - 1 >= body.bodyOffset && text.charCodeAt(start - count - 1) === 0x5c) count++;
    return count % 2 === 1 && !inSpans(body.htmlBlocks, start) && !inSpans(blocks, start);
  };
  const spans: Span[] = [];
  for (const variable of body.variables) if (escaped(variable.start)) spans.push({ start: variable.start, end: variable.end });
  const starts = blocks.map((region) => region.start);
  for (const tag of body.tags) {
    if (!escaped(tag.start)) continue;
    // The block it opens, if any: a region starting right after it (regions are merged, so unique).
    const index = indexAtOrAfter(starts, tag.end);
    const block = index !== -1 && starts[index] === tag.end ? blocks[index] : undefined;
    spans.push({ start: tag.start, end: block ? block.end : tag.end });
  }
  return spans;
}

/**
 * `{% name %}...{% endname %}` spans, which Hexo escapes whole (STATE_SWIG_FULL_TAG): Markdown never
 * sees what is inside, so nothing there is hidden from Nunjucks. Sorted and merged.
 */
function blockRegions(doc: PostDocument): Span[] {
  const ends = new Map<string, number[]>();
  for (const tag of doc.body.tags) {
    if (!tag.name.startsWith('end')) continue;
    const list = ends.get(tag.name);
    if (list) list.push(tag.end);
    else ends.set(tag.name, [tag.end]);
  }
  const regions: Span[] = [];
  for (const tag of doc.body.tags) {
    const end = firstAtOrAfter(ends.get(`end${tag.name}`) ?? [], tag.end);
    if (end !== -1) regions.push({ start: tag.end, end });
  }
  regions.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const region of regions) {
    const last = merged[merged.length - 1];
    if (last && region.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, region.end) };
    else merged.push(region);
  }
  return merged;
}

function rawOpenOffsets(text: string, from: number): number[] {
  const offsets: number[] = [];
  const pattern = /\{% *raw *%\}/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) offsets.push(match.index);
  return offsets;
}

function firstAtOrAfter(sorted: readonly number[], offset: number): number {
  const index = indexAtOrAfter(sorted, offset);
  return index === -1 ? -1 : sorted[index];
}

/** What Hexo passes to Nunjucks as the context: the post's own fields (hexo `models/post.ts`). */
export const POST_FIELDS: ReadonlySet<string> = new Set(['title', 'date', 'updated', 'comments', 'layout', 'content', 'excerpt', 'more',
  'source', 'full_source', 'path', 'permalink', 'photos', 'link', 'raw', 'published', 'slug', 'tags', 'categories', 'asset_dir', 'lang',
  'page', 'config']);

/** Nunjucks' globals (`globals.js`) and the names it binds in loops and macros. */
const NUNJUCKS_NAMES = new Set(['range', 'cycler', 'joiner', 'loop', 'caller']);

/** Fields of the nodes that bind names (`{% set %}`, `{% for %}`, `{% macro %}`, imports). */
const BINDING_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Set', ['targets']], ['For', ['name']], ['AsyncEach', ['name']], ['AsyncAll', ['name']], ['Macro', ['name', 'args']],
  ['Caller', ['args']], ['Import', ['target']], ['FromImport', ['names']],
]);

/**
 * What fails when Hexo renders the post, known from the parse alone: a filter Hexo's environment does
 * not have (it adds none to Nunjucks' built-ins; "filter not found"), and a call of a name that is
 * neither a field of the post, nor a Nunjucks global, nor bound in the post ("Unable to call `x`").
 */
function renderFailures(doc: PostDocument, root: nodes.Node): RenderFailure[] {
  const all = allNodes(root);
  const bound = new Set<string>();
  for (const node of all) {
    for (const field of BINDING_FIELDS.get(node.typename) ?? []) {
      for (const inner of allNodes(node[field])) if (inner instanceof nodes.Symbol) bound.add(inner.value);
    }
  }
  const known = (name: string): boolean => POST_FIELDS.has(name) || NUNJUCKS_NAMES.has(name) || bound.has(name)
    || Object.prototype.hasOwnProperty.call(doc.data, name);
  const found: RenderFailure[] = [];
  for (const node of all) {
    if (node instanceof nodes.Filter) {
      const name = node.name.value;
      if (!Object.prototype.hasOwnProperty.call(filters, name)) found.push(failureAt(doc, node.name, name, 'filter'));
    } else if (node instanceof nodes.FunCall) {
      let callee: unknown = node.name;
      while (callee instanceof nodes.LookupVal) callee = callee.target;
      if (callee instanceof nodes.Symbol && !known(callee.value)) found.push(failureAt(doc, callee, callee.value, 'call'));
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function failureAt(doc: PostDocument, node: nodes.Node, name: string, kind: RenderFailure['kind']): RenderFailure {
  const start = doc.lineMap.lineStart(node.lineno) + node.colno;
  return { start, end: start + name.length, name, kind };
}

/** Every node under `root` (arrays and node fields), without recursion: templates can nest deeply. */
function allNodes(root: unknown): nodes.Node[] {
  const found: nodes.Node[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node as unknown[]) stack.push(child);
    } else if (node instanceof nodes.Node) {
      found.push(node);
      for (const field of node.fields) stack.push(node[field]);
    }
  }
  return found;
}
