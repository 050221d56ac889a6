import type { TextEdit } from '../edits';
import type { FrontMatterEntry, FrontMatterError } from '../frontMatter';
import type { Fix, Finding, RuleContext } from './types';
import { insertEntry, renameKey, replaceScalar, scalarText } from './frontMatterEdits';
import { datedByFileName, inferTitle, unwrittenDate, unwrittenUpdated, type InferredValue } from './inference';
import type { PostDocument } from './postDocument';
import { message, POSTS_AND_DRAFTS, type Rule } from './rule';
import { displayWidth, editDistance } from './similarity';

/** The parser's errors with this code whose consequence PC101-PC104 describe (a failed build is PC107's). */
function parserErrors(doc: PostDocument, code: FrontMatterError['code']): FrontMatterError[] {
  return doc.parsed.errors.filter((error) => error.code === code && error.effect !== 'fail');
}

/** The parser's reason without the consequence it appends (the message states its own). */
function reason(error: FrontMatterError): string {
  return error.message.split(' — ')[0].trim().replace(/[.:]$/, '');
}

/** PC101: `---` at the top with no closing line; Hexo renders the whole file, separators included. */
export const unclosedFrontMatter: Rule = {
  code: 'PC101', id: 'unclosed-front-matter', defaultSeverity: 'error',
  check(doc) {
    return parserErrors(doc, 'unclosed').map((error) => {
      const separator = doc.text.slice(error.range.startOffset, error.range.endOffset);
      return { range: error.range, message: message('unclosedFrontMatter', separator), fixes: closeFrontMatterFix(doc, error, separator) };
    });
  },
};

/** Closes the block before the first blank line after the opening (where the keys usually stop). */
function closeFrontMatterFix(doc: PostDocument, error: FrontMatterError, separator: string): Fix[] {
  if (!/^(-{3,}|;{3,})$/.test(separator)) return [];
  let at = doc.nextLineStart(error.range.endOffset);
  if (at >= doc.text.length && !doc.text.endsWith('\n')) return [];
  while (at < doc.text.length) {
    const lineEnd = doc.text.indexOf('\n', at);
    const line = doc.text.slice(at, lineEnd === -1 ? doc.text.length : lineEnd);
    if (line.trim() === '') break;
    at = lineEnd === -1 ? doc.text.length : lineEnd + 1;
  }
  const prefix = at === doc.text.length && !doc.text.endsWith('\n') ? doc.eol : '';
  // Only when what it encloses reads as keys: closing around prose would trade one error for another.
  const closed = doc.text.slice(0, at) + prefix + separator + doc.eol + doc.text.slice(at);
  const reparsed = doc.syntax.parse(closed);
  if (!reparsed.valid || reparsed.format === 'none' || reparsed.entries.length === 0) return [];
  return [{
    title: message('fixCloseFrontMatter', separator),
    edits: [{ range: doc.range(at, at), newText: `${prefix}${separator}${doc.eol}` }],
    preferred: true, safe: false,
  }];
}

/** PC102: YAML that js-yaml rejects; Hexo logs "Process failed" and drops the post. */
export const yamlSyntax: Rule = {
  code: 'PC102', id: 'yaml-syntax', defaultSeverity: 'error',
  check(doc) {
    return parserErrors(doc, 'yaml-syntax').map((error) => ({ range: error.range, message: message('yamlSyntax', reason(error)) }));
  },
};

/** PC103: `;;;` JSON that does not parse; Hexo renders the whole file as the body. */
export const jsonSyntax: Rule = {
  code: 'PC103', id: 'json-syntax', defaultSeverity: 'error',
  check(doc) {
    return parserErrors(doc, 'json-syntax').map((error) => ({ range: error.range, message: message('jsonSyntax', reason(error)) }));
  },
};

/** PC104: front matter that parses to a list or a single value instead of keys. */
export const frontMatterNotMapping: Rule = {
  code: 'PC104', id: 'front-matter-not-mapping', defaultSeverity: 'error',
  check(doc) {
    return parserErrors(doc, 'not-a-mapping').map((error) => ({
      range: error.range,
      message: message(error.effect === 'drop' ? 'frontMatterIsList' : 'frontMatterNoKeys'),
    }));
  },
};

/**
 * PC107: front matter the generator cannot read and for which it stops the whole build (Hugo: any
 * YAML, TOML or JSON error, an unclosed block, a file starting with a lone `-` or `+`).
 */
export const buildFailingFrontMatter: Rule = {
  code: 'PC107', id: 'build-failing-front-matter', defaultSeverity: 'error',
  check(doc, context) {
    return doc.parsed.errors.filter((error) => error.effect === 'fail').map((error) => ({
      range: error.range,
      message: buildFailingFrontMatterMessage(error, context.site.generator.displayName),
    }));
  },
};

/** PC107's message for a front-matter error that stops the generator's build. */
export function buildFailingFrontMatterMessage(error: FrontMatterError, generator: string): ReturnType<typeof message> {
  return message('buildFailingFrontMatter', reason(error), generator);
}

/**
 * PC106: a top-level entry whose YAML aliases expand past the parser's limits (an "alias bomb", or a
 * value that contains itself). Hexo copies post data in full and runs out of memory or stack; the
 * parser leaves the entry out, and this says so.
 */
export const aliasExpansion: Rule = {
  code: 'PC106', id: 'yaml-alias-expansion', defaultSeverity: 'error',
  check(doc) {
    return parserErrors(doc, 'alias-expansion').flatMap((error) => {
      const expanded = error.expanded;
      if (!expanded) return [];
      const { key, problem } = expanded;
      switch (problem.kind) {
        case 'cycle': return [{ range: error.range, message: message('aliasCycle', key) }];
        case 'nesting': return [{ range: error.range, message: message('aliasNesting', key, problem.depth) }];
        case 'size': return [{ range: error.range, message: message('aliasExpansion', key, groupDigits(problem.size)) }];
      }
    });
  },
};

/** 387420489 → "387,420,489": counts this large are unreadable without separators. */
function groupDigits(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** PC105: a post or draft without front matter: Hexo invents its title and date. */
export const missingFrontMatter: Rule = {
  code: 'PC105', id: 'missing-front-matter', defaultSeverity: 'warning', kinds: POSTS_AND_DRAFTS,
  check(doc, context) {
    if (doc.parsed.format !== 'none' || doc.parsed.errors.length > 0) return [];
    const keys = context.settings.requiredKeys[context.kind].filter((key) => !(key === 'date' && datedByFileName(context)));
    const lines = keys.map((key) => `${key}: ${valueFor(doc, context, key)?.text ?? ''}`.trimEnd());
    const eol = doc.eol;
    return [{
      range: doc.range(0, doc.lineMap.lineEnd(0)),
      message: message('missingFrontMatter'),
      fixes: [{
        title: message('fixAddFrontMatter'),
        edits: [{ range: doc.range(0, 0), newText: `---${eol}${lines.map((line) => line + eol).join('')}---${eol}${eol}` }],
        // Not safe: Hexo reads no title here (''), and the added one is a guess from the H1 or file name.
        preferred: true, safe: false,
      }],
    }];
  },
};

/**
 * The value a fix writes for a missing key, when Postcraft knows a good one; `safe` when it is what
 * Hexo reads for the key today (dates), not a guess (a title).
 */
function valueFor(doc: PostDocument, context: RuleContext, key: string): InferredValue | undefined {
  const json = doc.parsed.format === 'json';
  if (key === 'title') return { text: scalarText(doc, inferTitle(doc, context)), safe: false };
  if (key !== 'date' && key !== 'updated') return undefined;
  const value = key === 'date' ? unwrittenDate(context) : unwrittenUpdated(doc, context);
  return json ? { ...value, text: JSON.stringify(value.text) } : value;
}

const ALIASES: Readonly<Record<string, string>> = { tags: 'tag', categories: 'category' };

/**
 * PC201: a key the site requires (settings) is not written. A `date` is not missing when Hexo takes
 * it from the file name; without one Hexo dates the post by the file on disk, which a fix writes down.
 */
export const requiredKey: Rule = {
  code: 'PC201', id: 'required-key', defaultSeverity: 'warning',
  check(doc, context) {
    if (!doc.parsed.valid || doc.parsed.format === 'none') return [];
    const findings: Finding[] = [];
    const typos = keyTypos(doc, context);
    for (const key of context.settings.requiredKeys[context.kind]) {
      if (Object.prototype.hasOwnProperty.call(doc.data, key)) continue;
      const alias = ALIASES[key];
      if (alias && Object.prototype.hasOwnProperty.call(doc.data, alias)) continue;
      if (key === 'date' && datedByFileName(context)) continue;
      // `datee:` is the key, mistyped: PC203 renames it, and adding another would make two.
      const mistyped = [...typos.values()].includes(key);
      const value = valueFor(doc, context, key);
      const edit = insertEntry(doc, key, value?.text ?? (doc.parsed.format === 'json' ? '""' : ''));
      const fixes: Fix[] = edit ? [{
        title: message('fixAddKey', value === undefined ? key : `${key}: ${value.text}`),
        edits: [{ ...edit, newText: edit.newText.replace(/: (\r?\n)$/, ':$1') }],
        preferred: !mistyped, safe: value !== undefined && value.safe && !mistyped,
      }] : [];
      const fromFile = key === 'date' && value?.safe === true;
      findings.push({ range: doc.frontMatterAnchor(), message: fromFile ? message('dateFromFile', value.text) : message('requiredKey', key), fixes });
    }
    return findings;
  },
};

/** PC202: `title:` written with nothing (or only spaces) after it. */
export const emptyTitle: Rule = {
  code: 'PC202', id: 'empty-title', defaultSeverity: 'warning',
  check(doc, context) {
    const entry = doc.entry('title');
    if (!entry || !doc.parsed.valid) return [];
    const value = doc.data.title;
    const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    if (!empty) return [];
    const title = inferTitle(doc, context);
    const node = entry.value;
    const edit = node.kind === 'scalar' && node.source !== '' ? replaceScalar(node, title) : fillEmpty(doc, node.range.startOffset, scalarText(doc, title));
    return [{
      range: entry.range,
      message: message('emptyTitle'),
      // Not safe: Hexo shows the post untitled now; the H1 or file name is a guess at the title.
      fixes: [{ title: message('fixSetTitle', title), edits: [edit], preferred: true, safe: false }],
    }];
  },
};

/** Writes a value after `key:` (zero-width `at` just after the colon), with one space between. */
function fillEmpty(doc: PostDocument, at: number, value: string): TextEdit {
  if (doc.text[at] === ' ' || doc.text[at] === '\t') return { range: doc.range(at + 1, at + 1), newText: value };
  return { range: doc.range(at, at), newText: ` ${value}` };
}

/** Hexo's own fields and a few keys nearly every theme reads: never reported as typos. */
const COMMON_THEME_KEYS = ['slug', 'description', 'keywords', 'photos', 'link', 'cover', 'thumbnail', 'top', 'sticky', 'toc', 'mathjax', 'math', 'author', 'sitemap'];

/** PC203: a key nothing uses that is one typo away from one Hexo or the site uses (`catagories`). */
export const unknownKey: Rule = {
  code: 'PC203', id: 'unknown-key', defaultSeverity: 'warning',
  check(doc, context) {
    const own = new Set(doc.parsed.entries.map((entry) => entry.key));
    const findings: Finding[] = [];
    const typos = keyTypos(doc, context);
    for (const entry of doc.parsed.entries) {
      const suggestion = typos.get(entry);
      if (!suggestion) continue;
      const key = entry.key;
      // Not safe: the renamed key is one Hexo reads (`catagories` becomes the post's categories).
      const fixes: Fix[] = own.has(suggestion) ? [] : [{
        title: message('fixRenameKey', suggestion), edits: [renameKey(doc, entry, suggestion)], preferred: true, safe: false,
      }];
      findings.push({ range: entry.keyRange, message: message('unknownKey', key, suggestion), fixes });
    }
    return findings;
  },
};

/** The front matter's keys that look like typos of a known key, with that key (PC203's findings). */
function keyTypos(doc: PostDocument, context: RuleContext): Map<FrontMatterEntry, string> {
  const known = knownKeys(context);
  const typos = new Map<FrontMatterEntry, string>();
  for (const entry of doc.parsed.entries) {
    const key = entry.key;
    if (known.has(key) || key.length < 3) continue;
    // A key other posts of the site write too is the author's own convention.
    if (usedElsewhere(context, key) > 0) continue;
    const suggestion = closestKey(key, known);
    if (suggestion) typos.set(entry, suggestion);
  }
  return typos;
}

/** Per index, for its version and site: every post of a check asks for the same set. */
const knownKeysCache = new WeakMap<object, { version: number; site: RuleContext['site']; known: ReadonlySet<string> }>();

function knownKeys(context: RuleContext): ReadonlySet<string> {
  const index = context.index;
  const version = (index as { version?: number } | undefined)?.version;
  const cached = index ? knownKeysCache.get(index) : undefined;
  if (cached && cached.version === version && cached.site === context.site) return cached.known;
  const known = computeKnownKeys(context);
  if (index && version !== undefined) knownKeysCache.set(index, { version, site: context.site, known });
  return known;
}

function computeKnownKeys(context: RuleContext): Set<string> {
  const known = new Set<string>([...context.site.generator.fields.byKey.keys(), ...COMMON_THEME_KEYS]);
  for (const [key, count] of context.index?.keyCounts() ?? []) if (count >= 2) known.add(key);
  for (const scaffold of context.site.scaffolds.values()) {
    for (const match of scaffold.matchAll(/^([A-Za-z_][\w-]*):/gm)) known.add(match[1]);
  }
  return known;
}

/** How many other posts write `key` (the index may already hold this document's own keys). */
function usedElsewhere(context: RuleContext, key: string): number {
  const total = context.index?.keyCounts().get(key) ?? 0;
  const own = context.index?.post(context.path)?.keys.includes(key) ? 1 : 0;
  return total - own;
}

function closestKey(key: string, known: ReadonlySet<string>): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const limit = Math.min(lower.length, candidate.length) >= 6 ? 2 : 1;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** PC204: `permalink` must end with `/` or `.html` (hexojs/site front-matter docs). */
export const permalinkSuffix: Rule = {
  code: 'PC204', id: 'permalink-suffix', defaultSeverity: 'warning',
  check(doc) {
    const entry = doc.entry('permalink');
    const value = doc.data.permalink;
    if (!entry || typeof value !== 'string' || value === '' || value.endsWith('/') || value.endsWith('.html')) return [];
    const node = entry.value;
    const fixes: Fix[] = node.kind === 'scalar' ? [
      // Not safe: Hexo builds the page at the written permalink; a new one is a new address.
      { title: message('fixAppend', '/'), edits: [replaceScalar(node, `${value}/`)], preferred: true, safe: false },
      { title: message('fixAppend', '.html'), edits: [replaceScalar(node, `${value}.html`)], preferred: false, safe: false },
    ] : [];
    return [{ range: node.range, message: message('permalinkSuffix', value), fixes }];
  },
};

/** PC205: a title longer than search results show. */
export const titleLength: Rule = {
  code: 'PC205', id: 'title-length', defaultSeverity: 'info',
  check(doc, context) {
    return lengthFinding(doc, 'title', context.settings.titleMaxLength, 'titleLength');
  },
};

/** PC206: an excerpt longer than a search result's description. */
export const excerptLength: Rule = {
  code: 'PC206', id: 'excerpt-length', defaultSeverity: 'info',
  check(doc, context) {
    return lengthFinding(doc, 'excerpt', context.settings.excerptMaxLength, 'excerptLength');
  },
};

function lengthFinding(doc: PostDocument, key: string, max: number, id: 'titleLength' | 'excerptLength'): Finding[] {
  const entry = doc.entry(key);
  const value = doc.data[key];
  if (!entry || typeof value !== 'string') return [];
  const width = displayWidth(value.trim());
  return width > max ? [{ range: entry.value.range, message: message(id, width, max) }] : [];
}
