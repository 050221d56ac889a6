/**
 * A small Liquid tokenizer for Jekyll posts: what Liquid 4 (Jekyll 4.3's) reads as markup in a body,
 * with source offsets, and nothing of rendering. The preview renders from it; rules (unclosed blocks,
 * unknown tags, links to nothing) read the same tokens.
 *
 * As Liquid's tokenizer does (`/(\{%.*?%\}|\{\{.*?\}\}?)/m`), a tag runs from `{%` to the first `%}`
 * and an output from `{{` to the first `}}`, across lines; `{%-` / `-%}` trim whitespace. The body of
 * `{% raw %}` is text up to the first `{% endraw %}`; a `{% comment %}` runs to its matching
 * `{% endcomment %}` (comments nest). Other block tags are paired with their `end` tag: Liquid's own
 * blocks always, and any other name when an `end<name>` follows (a plugin's block).
 */
export type LiquidToken = LiquidOutput | LiquidTag | LiquidVerbatim | LiquidUnterminated;

interface TokenSpan {
  /** Offset of the opening `{{` or `{%`. */
  readonly start: number;
  /** Offset just past the closing `}}` or `%}` (for raw and comment blocks, past their end tag). */
  readonly end: number;
  /** `{{-` or `{%-`: whitespace before the token is trimmed. */
  readonly trimLeft: boolean;
  /** `-}}` or `-%}`: whitespace after the token is trimmed. */
  readonly trimRight: boolean;
}

/** `{{ expression | filter: arg }}`. */
export interface LiquidOutput extends TokenSpan {
  readonly kind: 'output';
  /** The text between the delimiters, trimmed. */
  readonly markup: string;
  readonly markupStart: number;
}

/** `{% name arguments %}`, an `{% endname %}` included. */
export interface LiquidTag extends TokenSpan {
  readonly kind: 'tag';
  readonly name: string;
  /** The arguments after the name, trimmed. */
  readonly markup: string;
  readonly nameStart: number;
  readonly markupStart: number;
  /** For a block's opening or end tag: the index (in the scanned tokens) of its partner. */
  pair?: number;
  /** A block's opening tag without its end tag, or an end tag without its opening one. */
  unmatched?: boolean;
}

/** `{% raw %}…{% endraw %}` or `{% comment %}…{% endcomment %}`: one token, its body not read as Liquid. */
export interface LiquidVerbatim extends TokenSpan {
  readonly kind: 'raw' | 'comment';
  /** The body's range: from past the opening tag to the end tag (to the end of the text when unclosed). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly closed: boolean;
}

/** A `{{` or `{%` with no closing delimiter: Liquid stops with a syntax error. */
export interface LiquidUnterminated {
  readonly kind: 'unterminated';
  readonly start: number;
  readonly end: number;
  readonly opener: '{{' | '{%';
}

/** Liquid 4's block tags, and Jekyll's (`highlight`); each needs its `end` tag. */
export const LIQUID_BLOCK_TAGS: ReadonlySet<string> = new Set(['if', 'unless', 'case', 'for', 'tablerow', 'capture', 'ifchanged', 'highlight']);
/** Tags that belong to the block around them rather than opening one. */
export const LIQUID_BRANCH_TAGS: ReadonlySet<string> = new Set(['else', 'elsif', 'when']);

const TAG_BODY = /^\s*([A-Za-z_][\w-]*)?\s*([\s\S]*?)\s*$/;

/** Every Liquid token of `text`, in order, with block tags paired. */
export function scanLiquid(text: string): LiquidToken[] {
  const tokens: LiquidToken[] = [];
  let at = 0;
  for (;;) {
    const open = nextOpener(text, at);
    if (open === -1) break;
    const isTag = text[open + 1] === '%';
    const close = text.indexOf(isTag ? '%}' : '}}', open + 2);
    if (close === -1) {
      tokens.push({ kind: 'unterminated', start: open, end: text.length, opener: isTag ? '{%' : '{{' });
      break;
    }
    const innerStart = open + 2 + (text[open + 2] === '-' ? 1 : 0);
    const trimRight = close > innerStart && text[close - 1] === '-';
    const innerEnd = trimRight ? close - 1 : close;
    const span = { start: open, end: close + 2, trimLeft: innerStart > open + 2, trimRight };
    const inner = text.slice(innerStart, innerEnd);
    if (!isTag) {
      const lead = inner.length - inner.trimStart().length;
      tokens.push({ kind: 'output', ...span, markup: inner.trim(), markupStart: innerStart + lead });
      at = span.end;
      continue;
    }
    const match = TAG_BODY.exec(inner)!;
    const name = match[1] ?? '';
    const nameStart = innerStart + (inner.length - inner.trimStart().length);
    if (name === 'raw' || name === 'comment') {
      const verbatim = verbatimEnd(text, span.end, name);
      tokens.push({
        kind: name, ...span, end: verbatim.end, trimRight: verbatim.trimRight ?? span.trimRight,
        bodyStart: span.end, bodyEnd: verbatim.bodyEnd, closed: verbatim.closed,
      });
      at = verbatim.end;
      continue;
    }
    const markup = match[2];
    const afterName = text.slice(nameStart + name.length, innerEnd);
    const markupStart = nameStart + name.length + (afterName.length - afterName.trimStart().length);
    tokens.push({ kind: 'tag', ...span, name, markup, nameStart, markupStart });
    at = span.end;
  }
  pairBlocks(tokens);
  return tokens;
}

function nextOpener(text: string, from: number): number {
  for (let i = text.indexOf('{', from); i !== -1; i = text.indexOf('{', i + 1)) {
    const next = text[i + 1];
    if (next === '{' || next === '%') return i;
  }
  return -1;
}

const END_OF = (name: string): RegExp => new RegExp(`\\{%-?\\s*(end)?${name}\\b[^%]*?(-?)%\\}`, 'g');

/** Where a raw block (the first `endraw`) or a comment (its matching `endcomment`) ends. */
function verbatimEnd(text: string, from: number, name: 'raw' | 'comment'): { end: number; bodyEnd: number; closed: boolean; trimRight?: boolean } {
  const pattern = END_OF(name);
  pattern.lastIndex = from;
  let depth = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!match[1]) {
      if (name === 'comment') depth++;
      continue;
    }
    if (depth-- > 0) continue;
    return { end: match.index + match[0].length, bodyEnd: match.index, closed: true, trimRight: match[2] === '-' };
  }
  return { end: text.length, bodyEnd: text.length, closed: false };
}

/**
 * Pairs each block tag with its end tag, nesting counted; what finds no partner is `unmatched`. Linear:
 * each name keeps the places of its open tags on the stack, so an end tag finds its opening at once.
 */
function pairBlocks(tokens: LiquidToken[]): void {
  const endNames = new Set<string>();
  for (const token of tokens) if (token.kind === 'tag' && token.name.startsWith('end')) endNames.add(token.name.slice(3));
  const open: Array<{ tag: LiquidTag; index: number }> = [];
  const placesByName = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    if (token.kind !== 'tag' || token.name === '') return;
    if (token.name.startsWith('end') && !LIQUID_BLOCK_TAGS.has(token.name)) {
      const places = placesByName.get(token.name.slice(3));
      // Places above the stack's height were closed over by an outer block's end tag.
      while (places && places.length > 0 && (places[places.length - 1] >= open.length || open[places[places.length - 1]].tag.name !== token.name.slice(3))) places.pop();
      const at = places?.pop();
      if (at === undefined) {
        token.unmatched = true;
        return;
      }
      // Blocks opened inside this one and never closed are unmatched (Liquid: "'if' tag was never closed").
      for (let inner = at + 1; inner < open.length; inner++) open[inner].tag.unmatched = true;
      const opening = open[at];
      open.length = at;
      opening.tag.pair = index;
      token.pair = opening.index;
      return;
    }
    if (LIQUID_BLOCK_TAGS.has(token.name) || endNames.has(token.name)) {
      const places = placesByName.get(token.name) ?? [];
      places.push(open.length);
      placesByName.set(token.name, places);
      open.push({ tag: token, index });
    }
  });
  for (const { tag } of open) tag.unmatched = true;
}
