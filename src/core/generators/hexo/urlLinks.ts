import { safeDecode } from './permalink';

/** At most this many rooted link targets are kept per post: enough to tell that a site links by URL. */
const MAX_KEPT = 20;
const TARGET = /[^\s)]*/y;

/**
 * The rooted targets of a post's Markdown links that may be pages (`[a](/2024/01/02/b/)`, not
 * `/images/a.png`), found by a plain scan for `](/` when the index reads the post: code is not told
 * apart, which costs at most a completion offered where it would not be.
 */
export function rootedLinkTargets(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('](/'); at !== -1 && found.length < MAX_KEPT; at = text.indexOf('](/', at + 3)) {
    TARGET.lastIndex = at + 2;
    const target = TARGET.exec(text)?.[0] ?? '';
    if (!target.startsWith('//') && mayBePage(target)) found.push(target);
  }
  return found;
}

/** A path whose last segment names no file, or an HTML page. */
function mayBePage(target: string): boolean {
  const path = withoutQuery(target);
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.') || /\.html?$/i.test(last);
}

function withoutQuery(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/**
 * The key a served page is found by, whichever way a link writes it: decoded, without query or
 * fragment, a trailing `index.html`, `.html` or `/` (a static server answers each of them with the page).
 */
export function pageKey(target: string): string {
  return safeDecode(withoutQuery(target)).replace(/(?:index\.html?|\.html?)$/i, '').replace(/\/+$/, '');
}
