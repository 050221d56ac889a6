import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
type Nesting = Token['nesting'];

/**
 * markdown-it 15 builds every token through a class-field helper (`_defineProperty` per field),
 * which V8 cannot keep on its fast path: about a third of a parse goes there. This token type sets
 * the same fields, in the same order, by plain assignment and shares markdown-it's `Token.prototype`,
 * so its methods, `instanceof Token` and the order of its keys are as before. One per markdown-it
 * copy: every engine's tokens then have one shape, which keeps the parser's rules monomorphic.
 */
const plainTokenClasses = new WeakMap<typeof MarkdownIt.Token, typeof MarkdownIt.Token>();

function tokenClassOf(Base: typeof MarkdownIt.Token): typeof MarkdownIt.Token {
  const known = plainTokenClasses.get(Base);
  if (known) return known;
  function PlainToken(this: Token, type: string, tag: string, nesting: Nesting): void {
    this.map = null;
    this.level = 0;
    this.children = null;
    this.content = '';
    this.markup = '';
    this.info = '';
    this.block = false;
    this.hidden = false;
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.nesting = nesting;
    this.meta = null;
  }
  PlainToken.prototype = Base.prototype;
  const plain = PlainToken as unknown as typeof MarkdownIt.Token;
  plainTokenClasses.set(Base, plain);
  return plain;
}

/**
 * Makes `md` create its tokens with plain assignments. The parsers' state classes are replaced by
 * ones whose `push`/`pushPending` keep markdown-it's bookkeeping (levels, delimiters, token meta)
 * and whose `Token` (what plugins call `new state.Token`) is the plain one. Unit tests hold the
 * token streams equal to stock markdown-it's, on every fixture post and on random Markdown.
 */
export function plainTokens(md: MarkdownIt.MarkdownIt): void {
  const Core = md.core.State;
  const Block = md.block.State;
  const Inline = md.inline.State;
  const PlainToken = tokenClassOf(new Core('', md, {}).Token);

  md.core.State = class extends Core {
    constructor(...args: ConstructorParameters<typeof Core>) {
      super(...args);
      this.Token = PlainToken;
    }
  };

  md.block.State = class extends Block {
    constructor(...args: ConstructorParameters<typeof Block>) {
      super(...args);
      this.Token = PlainToken;
    }

    override push(type: string, tag: string, nesting: Nesting): Token {
      const token = new PlainToken(type, tag, nesting);
      token.block = true;
      if (nesting < 0) this.level--;
      token.level = this.level;
      if (nesting > 0) this.level++;
      this.tokens.push(token);
      return token;
    }
  };

  md.inline.State = plainInlineState(Inline, PlainToken);
}

type InlineState = MarkdownIt.StateInline;

/**
 * markdown-it makes an inline state for every paragraph, heading and table cell, and its
 * constructor defines its fields through the same helper. This one sets the same fields (a unit
 * test compares them with a stock state's) and keeps markdown-it's methods.
 */
function plainInlineState(Inline: typeof MarkdownIt.StateInline, PlainToken: typeof MarkdownIt.Token): typeof MarkdownIt.StateInline {
  function PlainInlineState(this: InlineState & Record<string, unknown>, src: string, md: MarkdownIt.MarkdownIt, env: InlineState['env'], tokens: Token[]): void {
    // markdown-it's order, so that the state has the same shape as a stock one.
    this.pos = 0;
    this.level = 0;
    this.pending = '';
    this.pendingLevel = 0;
    this.cache = {};
    this.backticks = {};
    this.backticksScanned = false;
    this.skipHtmlSpecial = false;
    this.linkLevel = 0;
    this.delimiters = [];
    this._prev_delimiters = [];
    this.Token = PlainToken;
    this.src = src;
    this.env = env;
    this.md = md;
    this.tokens = tokens;
    this.tokens_meta = Array(tokens.length);
    this.posMax = src.length;
  }
  const prototype: ThisType<InlineState> & Partial<InlineState> = Object.create(Inline.prototype);
  prototype.pushPending = function pushPending(this: InlineState): Token {
    const token = new PlainToken('text', '', 0);
    token.content = this.pending;
    token.level = this.pendingLevel;
    this.tokens.push(token);
    this.pending = '';
    return token;
  };
  prototype.push = function push(this: InlineState, type: string, tag: string, nesting: Nesting): Token {
    if (this.pending) this.pushPending();
    const token = new PlainToken(type, tag, nesting);
    let meta: InlineState['tokens_meta'][number];
    if (nesting < 0) {
      this.level--;
      this.delimiters = this._prev_delimiters.pop() as InlineState['delimiters'];
    }
    token.level = this.level;
    if (nesting > 0) {
      this.level++;
      this._prev_delimiters.push(this.delimiters);
      this.delimiters = [];
      meta = { delimiters: this.delimiters };
    }
    this.pendingLevel = this.level;
    this.tokens.push(token);
    this.tokens_meta.push(meta);
    return token;
  };
  prototype.constructor = PlainInlineState as unknown as InlineState['constructor'];
  PlainInlineState.prototype = prototype;
  return PlainInlineState as unknown as typeof MarkdownIt.StateInline;
}
