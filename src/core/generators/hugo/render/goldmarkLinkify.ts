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
const URL = /^(?:https?|ftp):\/\/[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[\]`]*)?/;
const WWW = /^www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[\]`]*)?/;
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*/;
const TRIGGERS = new Set([' ', '*', '_', '~', '(']);
const TRAILING = new Set(['?', '!', '.', ',', ':', '*', '_', '~']);
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]/;

/** The links Goldmark finds in a run of text; `protocol` is what a `www.` link gets. */
export function findGoldmarkLinks(text: string, protocol = 'https'): Autolink[] {
  const links: Autolink[] = [];
  const hasEmail = text.includes('@');
  if (!hasEmail && !text.includes('://') && !text.includes('www.')) return links;
  for (let at = 0; at < text.length; at++) {
    if (at > 0 && !TRIGGERS.has(text[at - 1])) continue;
    const link = linkAt(text.slice(at, at + 4096), hasEmail, protocol);
    if (!link) continue;
    links.push({ start: at, end: at + link.length, href: link.href });
    at += link.length - 1;
  }
  return links;
}

function linkAt(rest: string, hasEmail: boolean, protocol: string): { readonly length: number; readonly href: string } | undefined {
  const url = URL.exec(rest);
  const www = url ? null : WWW.exec(rest);
  if (url || www) {
    const kept = trimTrailing(givenBack((url ?? www)![0]));
    return kept === '' ? undefined : { length: kept.length, href: url ? kept : `${protocol}://${kept}` };
  }
  if (!hasEmail || ASCII_PUNCTUATION.test(rest)) return undefined;
  const email = EMAIL.exec(rest);
  if (!email) return undefined;
  let address = email[0];
  if (!address.slice(address.indexOf('@')).includes('.')) return undefined;
  if (address.endsWith('.')) address = address.slice(0, -1);
  const next = rest[address.length];
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
