/**
 * Hugo's shortcodes in a page's content: `{{< name args >}}` and `{{% name args %}}`, closed by
 * `{{< /name >}}` or self-closed with `/>}}`; a shortcode commented with slash-star inside the
 * delimiters is written out as text. Hugo reads
 * them before Markdown, so a shortcode inside a code fence runs too (measured with Hugo 0.111).
 */
export interface ShortcodeToken {
  readonly name: string;
  /** `{{< /name >}}` */
  readonly closing: boolean;
  /** `{{< name />}}` */
  readonly selfClosing: boolean;
  /** `<` (inner content is not Markdown) or `%` (it is). */
  readonly delimiter: '<' | '%';
  /** The arguments as written, split as Hugo splits them (quoted strings unquoted). */
  readonly args: readonly string[];
  /** Offsets of the whole token in the text. */
  readonly start: number;
  readonly end: number;
}

export interface ShortcodeScan {
  readonly tokens: readonly ShortcodeToken[];
  /** `{{<` or `{{%` never closed by `>}}`/`%}}`: Hugo fails on it. */
  readonly unterminated?: number;
}

/** Every shortcode token from `from` on, in order. Linear in the text. */
export function scanShortcodes(text: string, from = 0): ShortcodeScan {
  const tokens: ShortcodeToken[] = [];
  for (let at = text.indexOf('{{', from); at !== -1; at = text.indexOf('{{', at + 2)) {
    const delimiter = text[at + 2];
    if (delimiter !== '<' && delimiter !== '%') continue;
    const closer = delimiter === '<' ? '>}}' : '%}}';
    let inner = at + 3;
    while (text[inner] === ' ' || text[inner] === '\t') inner++;
    if (text.startsWith('/*', inner)) {
      // A commented shortcode (slash-star inside the delimiters): written out as text, never run.
      const commentEnd = text.indexOf(`*/${closer}`, inner);
      if (commentEnd === -1) return { tokens, unterminated: at };
      at = commentEnd;
      continue;
    }
    const end = findCloser(text, inner, closer);
    if (end === -1) return { tokens, unterminated: at };
    let body = text.slice(inner, end - closer.length).trim();
    const closing = body.startsWith('/');
    if (closing) body = body.slice(1).trim();
    const selfClosing = body.endsWith('/');
    if (selfClosing) body = body.slice(0, -1).trim();
    const words = splitArgs(body);
    tokens.push({ name: words[0] ?? '', closing, selfClosing, delimiter, args: words.slice(1), start: at, end });
    at = end - 2;
  }
  return { tokens };
}

/** One past the closer, skipping quoted strings (`"..."` with escapes, and raw `` `...` ``). */
function findCloser(text: string, from: number, closer: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close === -1) return -1;
      i = close;
    } else if (c === '\n' && text.startsWith('{{', i + 1)) {
      return -1;
    } else if (text.startsWith(closer, i)) {
      return i + closer.length;
    }
  }
  return -1;
}

/** Hugo's argument words: whitespace-separated, `"..."` and `` `...` `` as one word each, `name=value` kept whole. */
export function splitArgs(body: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`=]+(?:=(?:"(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]*))?)/g;
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    if (match[1] !== undefined) words.push(match[1].replace(/\\(.)/g, '$1'));
    else if (match[2] !== undefined) words.push(match[2]);
    else words.push(match[3]);
  }
  return words;
}

/** A named argument (`src="a.png"`) or the positional one at `index`. */
export function shortcodeArg(token: ShortcodeToken, name: string, index?: number): string | undefined {
  for (const arg of token.args) {
    const eq = arg.indexOf('=');
    if (eq > 0 && arg.slice(0, eq) === name) return unquote(arg.slice(eq + 1));
  }
  if (index === undefined) return undefined;
  const positional = token.args.filter((arg) => !/^[A-Za-z_][\w-]*=/.test(arg));
  return positional[index];
}

function unquote(value: string): string {
  if (value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, '$1');
  if (value.startsWith('`') && value.endsWith('`')) return value.slice(1, -1);
  return value;
}

/** Hugo 0.111's embedded shortcodes, and whether each needs a closing tag (evaluates `.Inner`). */
export const BUILT_IN_SHORTCODES: ReadonlyMap<string, { readonly usesInner: boolean }> = new Map([
  ['figure', { usesInner: false }],
  ['gist', { usesInner: false }],
  ['highlight', { usesInner: true }],
  ['instagram', { usesInner: false }],
  ['instagram_simple', { usesInner: false }],
  ['param', { usesInner: false }],
  ['ref', { usesInner: false }],
  ['relref', { usesInner: false }],
  ['tweet', { usesInner: false }],
  ['twitter', { usesInner: false }],
  ['twitter_simple', { usesInner: false }],
  ['vimeo', { usesInner: false }],
  ['vimeo_simple', { usesInner: false }],
  ['youtube', { usesInner: false }],
]);

/**
 * Shortcodes built into Hugo releases after 0.111 (the version Postcraft is measured against), with
 * the release that brought each: a site that needs that Hugo has them.
 */
export const NEWER_BUILT_IN_SHORTCODES: ReadonlyMap<string, string> = new Map([
  ['comment', '0.137.1'],
  ['details', '0.140.0'],
  ['qr', '0.141.0'],
  ['x', '0.141.0'],
]);

/** Whether version `a` (`0.144.0`) is at least `b`. */
export function versionAtLeast(a: string, b: string): boolean {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const difference = (left[i] || 0) - (right[i] || 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}
