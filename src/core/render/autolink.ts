import type MarkdownIt from 'markdown-it';

/**
 * Bare URLs and e-mail addresses linked as Hexo's default renderer links them (hexo-renderer-marked,
 * `autolink: true`, which keeps marked's GFM autolinks), where markdown-it's linkify differs:
 * - `http://`, `https://`, `ftp://` and `www.` start a link anywhere, even right after Chinese text;
 *   a bare host name (`example.com`) is not a link;
 * - a link runs to the next white space or `<`, Chinese punctuation included, and then gives back
 *   what marked gives back: trailing `?!.,:;*_'"~` and `)`, an unclosed `(` and what follows it, a
 *   trailing character reference such as `&amp;`;
 * - an address is `local@domain.tld` with marked's narrower character sets.
 * Two differences stay, both rare: marked looks for links in the raw paragraph, so a URL may run into
 * emphasis markers, where here the paragraph's Markdown is parsed first and a link ends where its text
 * does; and a character reference (`&amp;`) at a link's end is already decoded here, so it stays.
 */
const URL_START = /(?:https?|ftp):\/\/|www\./g;
/** After the start: at least one host character, then anything up to white space or `<`. */
const URL_REST = /^[a-zA-Z0-9-][^\s<]*/;
const EMAIL = /(?<![A-Za-z0-9._+-])[A-Za-z0-9._+-]+@[a-zA-Z0-9_-]+(?:\.[a-zA-Z0-9_-]*[a-zA-Z0-9])+(?![-_])/g;
const GIVEN_BACK = new Set(['?', '!', '.', ',', ':', ';', '*', '_', "'", '"', '~', ')']);
const TRAILING_REFERENCE = /^&[a-zA-Z0-9]+;$/;

export interface Autolink {
  readonly start: number;
  readonly end: number;
  readonly href: string;
}

/** What of `candidate` stays a link after one pass of giving back. */
function keptPrefix(candidate: string): string {
  let end = 0;
  while (end < candidate.length) {
    const char = candidate[end];
    if (char === '(') {
      const close = candidate.indexOf(')', end + 1);
      if (close === -1) break;
      end = close + 1;
    } else if (char === '&') {
      if (TRAILING_REFERENCE.test(candidate.slice(end))) break;
      end++;
    } else if (GIVEN_BACK.has(char)) {
      let run = end;
      while (run < candidate.length && GIVEN_BACK.has(candidate[run])) run++;
      // Such a run stays only when something follows it (all but its last character at the very end).
      end = run < candidate.length ? run : Math.max(end, run - 1);
      if (run === candidate.length) break;
    } else {
      end++;
    }
  }
  return candidate.slice(0, end);
}

/** Gives back until nothing more goes (the result of one pass can end in punctuation again). */
export function trimAutolink(candidate: string): string {
  let current = candidate;
  for (;;) {
    const next = keptPrefix(current);
    if (next === current) return current;
    current = next;
  }
}

/** The autolinks of a run of plain text, in order. */
export function findAutolinks(text: string): Autolink[] {
  const links: Autolink[] = [];
  // Most text holds no link at all: three substring searches are cheaper than the patterns.
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return links;
  let from = 0;
  while (from < text.length) {
    URL_START.lastIndex = from;
    EMAIL.lastIndex = from;
    const url = URL_START.exec(text);
    const email = EMAIL.exec(text);
    if (url && (!email || url.index <= email.index)) {
      // marked tries a URL first, and an address at the same place when that fails (`www.@a.io`).
      const rest = URL_REST.exec(text.slice(url.index + url[0].length));
      const link = rest ? trimAutolink(url[0] + rest[0]) : '';
      if (link.length > url[0].length) {
        links.push({ start: url.index, end: url.index + link.length, href: url[0] === 'www.' ? `http://${link}` : link });
        from = url.index + link.length;
        continue;
      }
      if (email?.index !== url.index) {
        from = url.index + 1;
        continue;
      }
    }
    if (!email) break;
    links.push({ start: email.index, end: email.index + email[0].length, href: `mailto:${email[0]}` });
    from = email.index + email[0].length;
  }
  return links;
}

/** The name of the autolink core rule: a generator's syntax replaces it with its own (`linkTextRule`). */
export const AUTOLINK_RULE = 'hexo_autolink';

/** Hexo's autolinks, as a core rule after `text_join`. */
export function autolinkPlugin(md: MarkdownIt.MarkdownIt): void {
  md.core.ruler.after('text_join', AUTOLINK_RULE, linkTextRule(md, findAutolinks));
}

/** A core rule that splits text tokens outside links around the links `find` sees in them. */
export function linkTextRule(md: MarkdownIt.MarkdownIt, find: (text: string) => Autolink[]): (state: MarkdownIt.StateCore) => void {
  return (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const children: typeof block.children = [];
      let linkDepth = 0;
      for (const token of block.children) {
        if (token.type === 'link_open') linkDepth++;
        else if (token.type === 'link_close') linkDepth--;
        else if (token.type === 'html_inline') {
          if (/^<a[>\s]/i.test(token.content)) linkDepth++;
          else if (/^<\/a\s*>/i.test(token.content)) linkDepth--;
        }
        const links = token.type === 'text' && linkDepth === 0 ? find(token.content) : [];
        if (links.length === 0) {
          children.push(token);
          continue;
        }
        let at = 0;
        const text = (content: string): void => {
          if (content === '') return;
          const piece = new state.Token('text', '', 0);
          piece.content = content;
          piece.level = token.level;
          children.push(piece);
        };
        for (const link of links) {
          const href = md.normalizeLink(link.href);
          if (!md.validateLink(href)) continue;
          text(token.content.slice(at, link.start));
          const open = new state.Token('link_open', 'a', 1);
          open.attrs = [['href', href]];
          open.markup = 'linkify';
          open.info = 'auto';
          open.level = token.level;
          children.push(open);
          text(token.content.slice(link.start, link.end));
          const close = new state.Token('link_close', 'a', -1);
          close.markup = 'linkify';
          close.info = 'auto';
          close.level = token.level;
          children.push(close);
          at = link.end;
        }
        text(token.content.slice(at));
      }
      block.children = children;
    }
  };
}
