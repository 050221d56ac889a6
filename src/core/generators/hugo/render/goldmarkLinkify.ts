import type { Autolink } from '../../../render/autolink';

/**
 * Bare URLs and e-mail addresses as Goldmark's linkify extension (on in Hugo by default) links them,
 * measured with hugo 0.111:
 * - a link starts a text run, or follows a space, `*`, `_`, `~` or `(` (not a tab, not Chinese text);
 * - `http://`, `https://`, `ftp://` need a dotted host ending in lower-case letters (`localhost` is
 *   no link), a port, then a path of URL characters (`<` ends it, `"` and `)` do not);
 * - `www.` links get Hugo's `linkifyProtocol` (`https` unless configured);
 * - from the end, unbalanced `)`, a character reference (`&amp;`) and trailing `?!.,:*_~` go back;
 * - an address is linked with `mailto:` unless `-` or `_` follows it.
 */
const URL = /(?:https?|ftp):\/\/[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[\]`]*)?/y;
const WWW = /www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[\]`]*)?/y;
const EMAIL = /[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*/y;
const TRIGGERS = new Set([' ', '*', '_', '~', '(']);
const TRAILING = new Set(['?', '!', '.', ',', ':', '*', '_', '~']);
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** The links Goldmark finds in a run of text; `protocol` is what a `www.` link gets. */
export function findGoldmarkLinks(text: string, protocol = 'https'): Autolink[] {
  const links: Autolink[] = [];
  const hasEmail = text.includes('@');
  if (!hasEmail && !text.includes('://') && !text.includes('www.')) return links;
  for (let at = 0; at < text.length; at++) {
    if (at > 0 && !TRIGGERS.has(text[at - 1])) continue;
    const link = linkAt(text, at, hasEmail, protocol);
    if (!link) continue;
    links.push({ start: at, end: at + link.length, href: link.href });
    at += link.length - 1;
  }
  return links;
}

/** The pattern matched at `at` exactly (the patterns are sticky), or undefined. */
function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

function linkAt(text: string, at: number, hasEmail: boolean, protocol: string): { readonly length: number; readonly href: string } | undefined {
  const first = text[at];
  const url = first === 'h' || first === 'f' ? matchAt(URL, text, at) : undefined;
  const www = url === undefined && first === 'w' ? matchAt(WWW, text, at) : undefined;
  if (url !== undefined || www !== undefined) {
    const kept = trimTrailing(givenBack((url ?? www)!));
    return kept === '' ? undefined : { length: kept.length, href: url !== undefined ? kept : `${protocol}://${kept}` };
  }
  if (!hasEmail || ASCII_PUNCTUATION.test(first)) return undefined;
  let address = matchAt(EMAIL, text, at);
  if (address === undefined || !address.slice(address.indexOf('@')).includes('.')) return undefined;
  if (address.endsWith('.')) address = address.slice(0, -1);
  const next = text[at + address.length];
  if (next === '-' || next === '_') return undefined;
  address = trimTrailing(address);
  return { length: address.length, href: `mailto:${address}` };
}

/** Goldmark's one look at the last character: `.`, closing parentheses left open, a `&name;` reference. */
function givenBack(match: string): string {
  const last = match[match.length - 1];
  if (last === '.') return match.slice(0, -1);
  if (last === ')') {
    let unbalanced = 0;
    for (const char of match) unbalanced += char === ')' ? 1 : char === '(' ? -1 : 0;
    return unbalanced > 0 ? match.slice(0, match.length - unbalanced) : match;
  }
  if (last === ';') {
    const reference = /&[a-zA-Z0-9]+;$/.exec(match);
    if (reference) return match.slice(0, reference.index);
  }
  return match;
}

function trimTrailing(link: string): string {
  let end = link.length;
  while (end > 1 && TRAILING.has(link[end - 1])) end--;
  return link.slice(0, end);
}
