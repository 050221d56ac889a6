import { scanLiquid, type LiquidTag, type LiquidToken } from '../liquid';
import { evaluateCondition, evaluateExpression, evaluateOutput, liquidToS, type LiquidScope } from './liquidValues';

/**
 * Jekyll runs Liquid over a post before kramdown reads it: this pass does the same for the preview,
 * turning the body into the Markdown kramdown would be given. Values (`{{ page.title }}`), the URLs
 * of `link` and `post_url`, and `raw` bodies become text in place; what the preview draws itself
 * (a `highlight` block, an `include`, a link to nothing, a tag it cannot run) becomes a placeholder
 * the Markdown rules render (`LiquidPiece`). Every line keeps its line number (a removed comment
 * leaves its line breaks), so scroll sync holds; for the same reason `{%-` trims spaces but no line break.
 *
 * `if`, `unless` and `case` take the branches Liquid would take, and `for` runs, on what the preview
 * knows (the configuration, the front matter with `defaults`, the site's posts, assignments). `assign` and `capture` set variables that later output reads; `comment` renders as
 * nothing.
 */
type PieceBody =
  | { readonly kind: 'highlight'; readonly language: string; readonly lineNumbers: boolean; readonly code: string }
  | { readonly kind: 'include'; readonly file: string; readonly path: string; readonly params: Readonly<Record<string, unknown>> }
  | { readonly kind: 'broken'; readonly message: { readonly label: 'postNotFound' | 'fileNotFound'; readonly value: string } }
  | { readonly kind: 'tag'; readonly name: string; readonly markup: string; readonly failed?: boolean }
  /** Markdown Liquid already ran over (a `for` loop's iterations), rendered where the loop stood. */
  | { readonly kind: 'markdown'; readonly text: string };
/** A piece, with the Liquid it stands for as written (shown where Markdown keeps text as it is: code). */
export type LiquidPiece = PieceBody & { readonly source: string };

/** What the pass asks of the site. */
export interface LiquidResolver {
  /** The URL `{% post_url name %}` gives, or undefined when Jekyll finds no such post. */
  postUrl(name: string): string | undefined;
  /** The URL `{% link path %}` gives, or undefined when the file does not exist. */
  link(path: string): string | undefined;
  /** The absolute path an include names (`_includes/…`, or beside the post for `include_relative`). */
  includePath(file: string, relative: boolean): string | undefined;
}

export interface LiquidPassResult {
  readonly source: string;
  readonly pieces: readonly LiquidPiece[];
}

/**
 * A placeholder is `{\uE000 n\uE001}`: it starts with `{` so that markdown-it's text rule stops at it
 * (private-use characters are not among its terminators), and holds a space so that, written where a
 * link's target goes (`[x]({% post_url nothing %})`), it is no target: the failure shows as written.
 * Private-use characters are removed from the post first, so a post cannot forge one.
 */
export const PIECE_OPEN = '{\uE000 ';
export const PIECE_CLOSE = '\uE001}';
/** Every placeholder in a text, its index captured. */
export const PIECE_PATTERN = /\{\uE000 (\d+)\uE001\}/g;
const PLACEHOLDER_CHARS = /[\uE000\uE001]/g;
const PLACEHOLDERS = /\{\uE000 \d+\uE001\}/g;
/** Blocks nested deeper than this are left out: a post of thousands of nested blocks must not exhaust the stack. */
const MAX_DEPTH = 100;

/** Tags that only steer rendering: they leave nothing of themselves. */
const CONTROL_TAGS = new Set([
  'if', 'elsif', 'else', 'endif', 'unless', 'endunless', 'case', 'when', 'endcase', 'for', 'endfor', 'break', 'continue',
  'tablerow', 'endtablerow', 'ifchanged', 'endifchanged', 'cycle', 'increment', 'decrement', 'endcapture', 'endhighlight',
]);

/** Loop iterations one render may run (nested loops multiply): a hostile post must not hang the preview. */
const MAX_ITERATIONS = 10_000;
const iterationsLeft = new WeakMap<LiquidScope, { left: number }>();

export function runLiquid(source: string, scope: LiquidScope, resolver: LiquidResolver): LiquidPassResult {
  const pieces: LiquidPiece[] = [];
  iterationsLeft.set(scope, { left: MAX_ITERATIONS });
  const text = source.replace(PLACEHOLDER_CHARS, '');
  return { source: renderRange(text, scanLiquid(text), 0, text.length, scope, resolver, pieces), pieces };
}

function placeholder(pieces: LiquidPiece[], piece: PieceBody, source: string): string {
  pieces.push({ ...piece, source });
  return `${PIECE_OPEN}${pieces.length - 1}${PIECE_CLOSE}`;
}

/** The line breaks of a span, which replace it so the lines after keep their numbers. */
function lineBreaks(text: string): string {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return '\n'.repeat(count);
}

/** Output is written on one line: a value's own line breaks would move the lines after it. */
function inline(value: string): string {
  return value.replace(PLACEHOLDER_CHARS, '').replace(/\r?\n/g, ' ');
}

function renderRange(text: string, tokens: readonly LiquidToken[], from: number, to: number, scope: LiquidScope, resolver: LiquidResolver, pieces: LiquidPiece[], depth = 0): string {
  let out = '';
  let at = from;
  for (let i = firstTokenAt(tokens, from); i < tokens.length; i++) {
    const token = tokens[i];
    if (token.start >= to) break;
    if (token.start < at) continue;
    out += text.slice(at, token.start);
    // `{%-` and `-%}` trim whitespace; only within the line here, so that the lines keep their numbers.
    if (token.kind !== 'unterminated' && token.trimLeft) out = out.replace(/[ \t]+$/, '');
    at = Math.min(token.end, to);
    if (token.kind !== 'unterminated') at = skipTrimmed(text, token, to);
    const written = text.slice(token.start, token.end);
    switch (token.kind) {
      case 'output':
        out += inline(liquidToS(evaluateOutput(token.markup, scope), scope.timeZone));
        break;
      case 'raw':
        out += text.slice(token.bodyStart, Math.min(token.bodyEnd, to));
        break;
      case 'comment':
        out += lineBreaks(written);
        break;
      case 'unterminated':
        out += written;
        break;
      case 'tag': {
        const paired = token.pair !== undefined && token.pair > i ? tokens[token.pair] as LiquidTag : undefined;
        // Jekyll's highlight takes a language of `[\w.+#-]` only: anything else is a syntax error.
        if (paired && (token.name === 'capture' || (token.name === 'highlight' && /^[\w.+#-]+(?:\s|$)/.test(token.markup)))) {
          const body = depth < MAX_DEPTH ? renderRange(text, tokens, token.end, paired.start, scope, resolver, [], depth + 1).replace(PLACEHOLDERS, '') : '';
          at = skipTrimmed(text, paired, to);
          i = token.pair!;
          const whole = text.slice(token.start, at);
          if (token.name === 'capture') {
            const name = /^[\w-]+/.exec(token.markup)?.[0];
            if (name) scope.variables.set(name, body);
            out += lineBreaks(whole);
          } else {
            out += highlight(token, body, whole, pieces);
          }
          break;
        }
        if (paired && token.name === 'for') {
          out += depth < MAX_DEPTH ? renderLoop(text, tokens, i, scope, resolver, pieces, depth + 1) : lineBreaks(text.slice(token.start, paired.end));
          at = skipTrimmed(text, paired, to);
          i = token.pair!;
          break;
        }
        if (paired && (token.name === 'if' || token.name === 'unless' || token.name === 'case')) {
          out += depth < MAX_DEPTH ? renderCondition(text, tokens, i, scope, resolver, pieces, depth + 1) : lineBreaks(text.slice(token.start, paired.end));
          at = skipTrimmed(text, paired, to);
          i = token.pair!;
          break;
        }
        out += renderTag(token, written, scope, resolver, pieces);
      }
    }
  }
  return out + text.slice(at, to);
}

/**
 * `{% if %}` / `{% unless %}` with its `elsif` and `else` branches, or `{% case %}` with its `when`s:
 * the branches Liquid takes, evaluated on what the preview knows (the configuration, the front
 * matter, assignments); the others leave their line breaks only. As Liquid 5 does, every `when` that
 * matches is rendered, and `else` when none before it did.
 */
function renderCondition(text: string, tokens: readonly LiquidToken[], open: number, scope: LiquidScope, resolver: LiquidResolver, pieces: LiquidPiece[], depth: number): string {
  const opening = tokens[open] as LiquidTag;
  const close = opening.pair!;
  const isCase = opening.name === 'case';
  const branchNames = isCase ? ['when', 'else'] : ['elsif', 'else'];
  const branches: Array<{ tag: LiquidTag; next?: LiquidTag }> = [{ tag: opening }];
  for (let j = open + 1; j < close; j++) {
    const token = tokens[j];
    if (token.kind !== 'tag') continue;
    // A nested block is skipped whole: its branches are its own.
    if (token.pair !== undefined && token.pair > j) {
      j = token.pair;
      continue;
    }
    if (branchNames.includes(token.name)) {
      branches[branches.length - 1].next = token;
      branches.push({ tag: token });
    }
  }
  const subject = isCase ? evaluateExpression(opening.markup, scope) : undefined;
  let matched = false;
  const takes = (tag: LiquidTag): boolean => {
    if (tag.name === 'else') return !matched;
    const taken = tag.name === 'when' ? whenMatches(tag.markup, subject, scope)
      : tag.name === 'case' ? false
        : evaluateCondition(tag.markup, scope) !== (tag.name === 'unless');
    // An if takes its first true branch only; a case every matching when.
    if (taken) matched = true;
    return taken;
  };
  const closing = tokens[close] as LiquidTag;
  let out = '';
  for (const branch of branches) {
    const end = (branch.next ?? closing).start;
    out += lineBreaks(text.slice(branch.tag.start, branch.tag.end));
    if ((!isCase && matched) || !takes(branch.tag)) {
      out += lineBreaks(text.slice(branch.tag.end, end));
      continue;
    }
    let body = renderRange(text, tokens, skipTrimmed(text, branch.tag, end), end, scope, resolver, pieces, depth);
    if ((branch.next ?? closing).trimLeft) body = body.replace(/[ \t]+$/, '');
    out += body;
  }
  return out + lineBreaks(text.slice(closing.start, closing.end));
}

const FOR = /^([\w-]+)\s+in\s+(\([^)]*\)|\S+)([\s\S]*)$/;

/**
 * `{% for x in list %}…{% else %}…{% endfor %}` over what the preview knows (`reversed`, `limit:`,
 * `offset:`, a range `(1..n)`, `forloop.index` and its kin). A loop written on lines of its own is
 * rendered as a block where it stands (its iterations may hold more lines than its source, and the
 * lines after it keep their numbers); one inside a line writes its iterations on that line.
 */
function renderLoop(text: string, tokens: readonly LiquidToken[], open: number, scope: LiquidScope, resolver: LiquidResolver, pieces: LiquidPiece[], depth: number): string {
  const opening = tokens[open] as LiquidTag;
  const closing = tokens[opening.pair!] as LiquidTag;
  let elseTag: LiquidTag | undefined;
  for (let j = open + 1; j < opening.pair!; j++) {
    const token = tokens[j];
    if (token.kind !== 'tag') continue;
    if (token.pair !== undefined && token.pair > j) j = token.pair;
    else if (token.name === 'else') {
      elseTag = token;
      break;
    }
  }
  const whole = text.slice(opening.start, closing.end);
  const match = FOR.exec(opening.markup);
  const items = match ? loopItems(match[2], match[3], scope) : [];
  const bodyEnd = (elseTag ?? closing).start;
  const parts: string[] = [];
  if (items.length === 0) {
    if (elseTag) parts.push(renderRange(text, tokens, skipTrimmed(text, elseTag, closing.start), closing.start, scope, resolver, pieces, depth));
  } else {
    const name = match![1];
    const saved = [scope.variables.get(name), scope.variables.get('forloop')];
    const budget = iterationsLeft.get(scope) ?? { left: 0 };
    items.forEach((item, index) => {
      if (budget.left-- <= 0) return;
      scope.variables.set(name, item);
      scope.variables.set('forloop', {
        index: index + 1, index0: index, rindex: items.length - index, rindex0: items.length - index - 1,
        first: index === 0, last: index === items.length - 1, length: items.length,
      });
      parts.push(renderRange(text, tokens, skipTrimmed(text, opening, bodyEnd), bodyEnd, scope, resolver, pieces, depth));
    });
    scope.variables.set(name, saved[0]);
    scope.variables.set('forloop', saved[1]);
  }
  const output = parts.join('');
  const lineStart = text.lastIndexOf('\n', opening.start - 1) + 1;
  const ownLines = /^[ \t]*$/.test(text.slice(lineStart, opening.start)) && /^[ \t]*(?:\n|$)/.test(text.slice(closing.end, closing.end + 200));
  if (ownLines && whole.includes('\n')) return placeholder(pieces, { kind: 'markdown', text: output }, whole) + lineBreaks(whole);
  return output.replace(/\n/g, ' ') + lineBreaks(whole);
}

/** The items a loop runs over: a list (a mapping's pairs, a string as one item), or a range; `reversed`, `offset:` and `limit:` applied as Liquid applies them. */
function loopItems(collection: string, options: string, scope: LiquidScope): unknown[] {
  let items: unknown[];
  const range = /^\(\s*(\S+?)\s*\.\.\s*(\S+?)\s*\)$/.exec(collection);
  if (range) {
    const [from, to] = [Number(evaluateExpression(range[1], scope)), Number(evaluateExpression(range[2], scope))];
    items = Number.isInteger(from) && Number.isInteger(to) && to - from < 10_000 ? Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i) : [];
  } else {
    const value = evaluateExpression(collection, scope);
    items = Array.isArray(value) ? [...value]
      : typeof value === 'object' && value !== null && !(value instanceof Date) ? Object.entries(value)
        : typeof value === 'string' && value !== '' ? [value] : [];
  }
  const offset = Number(evaluateExpression(/offset:\s*(\S+)/.exec(options)?.[1] ?? '0', scope)) || 0;
  const limit = /limit:\s*(\S+)/.exec(options);
  items = items.slice(offset, limit ? offset + (Number(evaluateExpression(limit[1], scope)) || 0) : undefined);
  return /\breversed\b/.test(options) ? items.reverse() : items;
}

/** `when a, b` / `when a or b`: whether one of the values equals the case's. */
function whenMatches(markup: string, subject: unknown, scope: LiquidScope): boolean {
  return markup.split(/\s*,\s*|\s+or\s+/).some((value) => {
    const candidate = evaluateExpression(value.trim(), scope);
    return candidate instanceof Date && subject instanceof Date ? candidate.getTime() === subject.getTime() : (candidate ?? null) === (subject ?? null);
  });
}

/** The index of the first token that starts at or after `offset` (tokens are in source order). */
function firstTokenAt(tokens: readonly LiquidToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Past a token, and past the spaces after it when it ends with `-%}` or `-}}`. */
function skipTrimmed(text: string, token: { readonly end: number; readonly trimRight: boolean }, to: number): number {
  let at = Math.min(token.end, to);
  if (token.trimRight) while (at < to && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

function highlight(tag: LiquidTag, body: string, whole: string, pieces: LiquidPiece[]): string {
  const [language = '', ...options] = tag.markup.split(/\s+/);
  // Jekyll's highlight block drops the line breaks around the code (`gsub(/\A(\n|\r)+|(\n|\r)+\z/, "")`).
  const code = body.replace(/^[\r\n]+|[\r\n]+$/g, '');
  const lineNumbers = options.some((option) => /^linenos\b/.test(option));
  return placeholder(pieces, { kind: 'highlight', language, lineNumbers, code }, whole) + lineBreaks(whole);
}

function renderTag(tag: LiquidTag, written: string, scope: LiquidScope, resolver: LiquidResolver, pieces: LiquidPiece[]): string {
  const { name, markup } = tag;
  if (CONTROL_TAGS.has(name)) return lineBreaks(written);
  // Liquid 5 (Debian's Jekyll 4.3 runs 5.4): `{% # note %}` is a comment, `{% echo x %}` an output,
  // `{% liquid … %}` a block of tags (assignments and control flow: nothing shown).
  if (name === '' && markup.startsWith('#')) return lineBreaks(written);
  if (name === 'liquid') return lineBreaks(written);
  if (name === 'echo') return inline(liquidToS(evaluateOutput(markup, scope), scope.timeZone));
  switch (name) {
    case 'assign': {
      const match = /^([\w-]+)\s*=\s*([\s\S]*)$/.exec(markup);
      if (match) scope.variables.set(match[1], evaluateOutput(match[2], scope));
      return lineBreaks(written);
    }
    case 'post_url': {
      const target = markup.trim();
      const url = resolver.postUrl(target);
      return url ?? placeholder(pieces, { kind: 'broken', message: { label: 'postNotFound', value: target } }, written);
    }
    case 'link': {
      const target = linkTarget(markup, scope);
      const url = resolver.link(target);
      return url ?? placeholder(pieces, { kind: 'broken', message: { label: 'fileNotFound', value: target } }, written);
    }
    case 'include':
    case 'include_relative': {
      const call = parseInclude(markup, scope);
      const path = call ? resolver.includePath(call.file, name === 'include_relative') : undefined;
      if (!call || !path) return placeholder(pieces, { kind: 'tag', name, markup, failed: true }, written);
      return placeholder(pieces, { kind: 'include', file: call.file, path, params: call.params }, written);
    }
    case 'highlight':
      // Without its end tag Liquid stops the build ("highlight tag was never closed").
      return placeholder(pieces, { kind: 'tag', name, markup, failed: true }, written);
    default:
      return placeholder(pieces, { kind: 'tag', name, markup, failed: tag.unmatched && name.startsWith('end') ? true : undefined }, written);
  }
}

/** `{% link {{ page.x }} %}` reads its argument through Liquid first; a plain path stays as written. */
function linkTarget(markup: string, scope: LiquidScope): string {
  return markup.trim().replace(/\{\{\s*([\s\S]*?)\s*\}\}/g, (_whole, expression: string) => liquidToS(evaluateOutput(expression, scope), scope.timeZone));
}

/** `file.html key="value" other=page.x`: the file and its parameters, evaluated where the include is written. */
function parseInclude(markup: string, scope: LiquidScope): { file: string; params: Record<string, unknown> } | undefined {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(markup.trim());
  if (!match) return undefined;
  const file = linkTarget(match[1], scope);
  if (file === '' || file.split('/').includes('..')) return undefined;
  const params: Record<string, unknown> = {};
  for (const param of match[2].matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s]+)/g)) params[param[1]] = evaluateExpression(param[2], scope);
  return { file, params };
}
