import type MarkdownIt from 'markdown-it';
import { asRenderEnv } from './env';

/**
 * Typographic punctuation as Hexo's default renderer writes it (hexo-renderer-marked with
 * `smartypants: true`, its default): `---` an em dash, `--` an en dash, `...` an ellipsis, and
 * straight quotes curled, opening after the start of a run of text, a space, a dash, `/`, or an
 * opening bracket, closing elsewhere. `quotes` are the four characters “ ” ‘ ’ (`marked.quotes`).
 * Code, raw HTML and addresses made links keep their characters, as there; so does an escaped
 * character (`\"`).
 */
const DEFAULT_QUOTES = '\u201c\u201d\u2018\u2019';

/** Text smartypants changes: most runs of text (Chinese prose, say) have none of it. */
const CHANGED = /["']|--|\.\.\./;

export function smartypants(text: string, quotes = DEFAULT_QUOTES): string {
  if (!CHANGED.test(text)) return text;
  const [openDouble, closeDouble, openSingle, closeSingle] = quotes;
  // One pass per rule, in this order: a rule sees what the ones before it made (an opening double
  // quote may follow an opening single one).
  return text
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/(^|[-\u2014/([{"\s])'/g, `$1${openSingle}`)
    .replace(/'/g, closeSingle)
    .replace(/(^|[-\u2014/([{\u2018\s])"/g, `$1${openDouble}`)
    .replace(/"/g, closeDouble)
    .replace(/\.{3}/g, '\u2026');
}

/** The characters smartypants changes, kept out of its way while escaped: each maps to a private-use character. */
const PROTECTED = new Map([['"', '\ue000'], ["'", '\ue001'], ['-', '\ue002'], ['.', '\ue003']]);
const RESTORE = new Map([...PROTECTED].map(([character, placeholder]) => [placeholder, character]));
const PLACEHOLDER = /[\ue000-\ue003]/;
const PLACEHOLDERS = /[\ue000-\ue003]/g;
/** Set in markdown-it's env when this render turned an escape into a placeholder. */
const ESCAPES_PROTECTED = Symbol('escapesProtected');

/** The site's quotes when smartypants is on (`marked.smartypants`, default true), else undefined. */
export function smartQuotesOf(config: { readonly smartypants: boolean; readonly smartQuotes?: string } | undefined): string | undefined {
  if (config && !config.smartypants) return undefined;
  const quotes = config?.smartQuotes;
  return quotes !== undefined && [...quotes].length === 4 ? quotes : DEFAULT_QUOTES;
}

export function smartypantsPlugin(md: MarkdownIt.MarkdownIt): void {
  // Before escapes are joined into the text around them: an escaped quote or dash stays as written.
  md.core.ruler.before('text_join', 'pc_smartypants_escapes', (state) => {
    const env = asRenderEnv(state.env);
    if (env.smartQuotes === undefined) return;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      for (const token of block.children) {
        const placeholder = token.type === 'text_special' ? PROTECTED.get(token.content) : undefined;
        if (placeholder === undefined) continue;
        token.content = placeholder;
        state.env[ESCAPES_PROTECTED] = true;
      }
    }
  });
  // After the autolinks (hexo_autolink), which keep their text as written.
  md.core.ruler.after('hexo_autolink', 'pc_smartypants', (state) => {
    const quotes = asRenderEnv(state.env).smartQuotes;
    if (quotes === undefined) return;
    const escapes = state.env[ESCAPES_PROTECTED] === true;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let inAutolink = false;
      for (const token of block.children) {
        if (token.type === 'link_open' && (token.markup === 'linkify' || token.markup === 'autolink')) inAutolink = true;
        else if (token.type === 'link_close') inAutolink = false;
        else if (token.type === 'text' && !inAutolink) token.content = smartypants(token.content, quotes);
        if (escapes) restore(token);
      }
    }
  });
}

/** Puts escaped characters back, in a token and its children (an image's alt text). */
function restore(token: MarkdownIt.Token): void {
  if (token.type === 'text' && PLACEHOLDER.test(token.content)) token.content = token.content.replace(PLACEHOLDERS, (placeholder) => RESTORE.get(placeholder)!);
  if (token.children) for (const child of token.children) restore(child);
}
