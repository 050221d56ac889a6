import type { JekyllDefaultSet } from './jekyllConfig';

/**
 * The front-matter defaults for one document, as Jekyll 4.3's `FrontmatterDefaults#all` merges them:
 * every set whose scope applies, in the order the configuration lists them; a set whose scope path
 * is at least as long (or as long, naming a type) wins over the one before, else it only fills gaps.
 * `relativePath` is the document's path below the collections folder (`_posts/2024-03-04-a.md`,
 * `news/_posts/...`); `type` is `posts` for posts and drafts alike (both are the posts collection),
 * `pages` for pages.
 */
export function frontMatterDefaults(sets: readonly JekyllDefaultSet[], relativePath: string, type: string, collectionsDir: string): Record<string, unknown> {
  let defaults: Record<string, unknown> = {};
  let previous: JekyllDefaultSet | undefined;
  for (const set of sets) {
    if (!applies(set, relativePath, type, collectionsDir)) continue;
    if (hasPrecedence(previous, set)) {
      defaults = deepMerge(defaults, set.values);
      previous = set;
    } else {
      defaults = deepMerge(set.values, defaults);
    }
  }
  return defaults;
}

function applies(set: JekyllDefaultSet, relativePath: string, type: string, collectionsDir: string): boolean {
  if (set.type !== undefined && set.type !== type) return false;
  if (set.path === '') return true;
  const scopePath = stripCollectionsDir(set.path, collectionsDir);
  const path = relativePath.replace(/^\//, '');
  // `path_is_subpath?` is a string prefix test, not a folder test: `_po` covers `_posts/`.
  if (!set.path.includes('*')) return path.startsWith(scopePath);
  const glob = globRegExp(scopePath);
  // Dir.glob lists the existing paths the pattern matches; the document is covered when one is a prefix of its path.
  for (let end = path.indexOf('/'); ; end = path.indexOf('/', end + 1)) {
    if (glob.test(end === -1 ? path : path.slice(0, end))) return true;
    if (end === -1) return false;
  }
}

function stripCollectionsDir(path: string, collectionsDir: string): string {
  return collectionsDir !== '' && path.startsWith(`${collectionsDir}/`) ? path.slice(collectionsDir.length + 1) : path;
}

/** `*` within a name, `**` across folders, `?` one character (Ruby's Dir.glob, without braces or classes). */
function globRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source.replace(/\/$/, '')}$`);
}

/** `has_precedence?`: the longer scope path wins; at equal length, a scope naming a type. */
function hasPrecedence(previous: JekyllDefaultSet | undefined, next: JekyllDefaultSet): boolean {
  if (!previous) return true;
  const nextLength = sanitize(next.path).length;
  const previousLength = sanitize(previous.path).length;
  if (nextLength !== previousLength) return nextLength >= previousLength;
  return next.type !== undefined || previous.type === undefined;
}

/** `sanitize_path`: a leading `/` goes (its regex's second branch matches an empty string and changes nothing). */
function sanitize(path: string): string {
  return path.replace(/^\//, '');
}

/** `Utils.deep_merge_hashes`: mappings merge key by key; a null from `other` keeps what `master` had. */
export function deepMerge(master: Readonly<Record<string, unknown>>, other: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = Object.assign({}, master);
  for (const key of Object.keys(other)) {
    const value = other[key];
    const old = merged[key];
    if (old === undefined && !Object.hasOwn(merged, key)) merged[key] = value;
    else if (value === null || value === undefined) continue;
    else if (isMapping(old) && isMapping(value)) merged[key] = deepMerge(old, value);
    else merged[key] = value;
  }
  return merged;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
