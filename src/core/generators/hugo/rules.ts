import type { FrontMatterEntry, FrontMatterNode } from '../../frontMatter';
import { buildFailingFrontMatter } from '../../rules/frontMatterRules';
import { repeatedTitle } from '../../rules/contentRules';
import { removeSequenceItem, renameKey, replaceValue } from '../../rules/frontMatterEdits';
import type { PostDocument } from '../../rules/postDocument';
import type { SiteIndexView } from '../../index/types';
import { message, type Rule } from '../../rules/rule';
import type { Finding, Fix, RuleContext } from '../../rules/types';
import { formatMomentDate } from '../../site/dateFormat';
import { readHugoDate } from './dates';
import { HugoSite } from './hugoSite';
import { hugoTermKey } from './terms';
import { BUILT_IN_SHORTCODES, NEWER_BUILT_IN_SHORTCODES, scanShortcodes, shortcodeArg, versionAtLeast, type ShortcodeToken } from './shortcodes';
import { resolveRef } from './refs';
import { HIDDEN_CODE } from '../../rules/bodyScan';

/** The keys Hugo reads dates from (lower-cased; `published` only when it is not a boolean). */
const DATE_KEYS = new Set(['date', 'lastmod', 'modified', 'publishdate', 'pubdate', 'published', 'expirydate', 'unpublishdate']);

/** The written top-level entry for `key`, looked up as Hugo does: case-insensitively. */
function entryOf(doc: PostDocument, key: string): FrontMatterEntry | undefined {
  return doc.parsed.entries.find((entry) => entry.key.toLowerCase() === key);
}

function hugoSiteOf(context: RuleContext): HugoSite | undefined {
  return context.site instanceof HugoSite ? context.site : undefined;
}

/**
 * PC305: a date Hugo cannot read. Hugo does not fail: it silently dates the page January 1st of year 1
 * (`2022-01-03 10:00`, without seconds, is the common case).
 */
export const zeroedDate: Rule = {
  code: 'PC305', id: 'zeroed-date', defaultSeverity: 'warning',
  check(doc, context) {
    if (!doc.parsed.valid) return [];
    const findings: Finding[] = [];
    for (const entry of doc.parsed.entries) {
      const node = entry.value;
      if (!DATE_KEYS.has(entry.key.toLowerCase()) || node.kind !== 'scalar') continue;
      const value = node.value;
      if (value === null || value === '' || typeof value === 'boolean') continue;
      if (readHugoDate(value, context.site.config.timezone)) continue;
      const written = doc.text.slice(node.range.startOffset, node.range.endOffset);
      const fixes: Fix[] = [];
      const rewritten = typeof value === 'string' ? withSeconds(value) : undefined;
      // A quick fix only: Hugo reads another date afterwards (the writer's, instead of year 1).
      if (rewritten && node.style !== 'block') fixes.push({ title: message('fixWriteDate', rewritten), edits: [replaceValue(node, quoteLike(node, rewritten))], preferred: true, safe: false });
      findings.push({ range: node.range, message: message('zeroedDate', written, context.site.generator.displayName), fixes });
    }
    return findings;
  },
};

/** `2022-01-03 10:00` (or with `T`) as `2022-01-03 10:00:00`; undefined for other shapes. */
function withSeconds(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2})$/.exec(value.trim());
  return match ? `${match[1]}:00` : undefined;
}

function quoteLike(node: FrontMatterNode, value: string): string {
  if (node.kind !== 'scalar') return value;
  if (node.style === 'double') return `"${value}"`;
  if (node.style === 'single') return `'${value}'`;
  return value;
}

/** PC306: a page the default build leaves out: a draft, a future `publishDate`, a past `expiryDate`. */
export const notBuilt: Rule = {
  code: 'PC306', id: 'not-built', defaultSeverity: 'info',
  check(doc, context) {
    const site = hugoSiteOf(context);
    if (!site || !doc.parsed.valid) return [];
    const record = site.readPost(context.path, context.kind, doc.text);
    const name = site.generator.displayName;
    const findings: Finding[] = [];
    const zone = site.config.timezone;
    const shown = (date: Date) => formatMomentDate(date, 'YYYY-MM-DD HH:mm', zone);
    if (!record.published && !site.config.renderDrafts) {
      const entry = entryOf(doc, 'draft') ?? entryOf(doc, 'published');
      if (entry) findings.push({ range: entry.range, message: message('notBuiltDraft', name) });
    }
    const publishDate = record.publishDate;
    if (!site.config.future && publishDate && publishDate.getTime() > context.now.getTime()) {
      const entry = ['publishdate', 'pubdate', 'published', 'date'].map((key) => entryOf(doc, key)).find(Boolean);
      if (entry) findings.push({ range: entry.range, message: message('notBuiltFuture', shown(publishDate), name) });
    }
    if (!site.config.buildExpired && record.expiryDate && record.expiryDate.getTime() <= context.now.getTime()) {
      const entry = entryOf(doc, 'expirydate') ?? entryOf(doc, 'unpublishdate');
      if (entry) findings.push({ range: entry.range, message: message('notBuiltExpired', shown(record.expiryDate), name) });
    }
    return findings;
  },
};

/**
 * PC408: two terms of one taxonomy in one page that Hugo reads as one (`Go` and `go`, `A B` and `a-b`):
 * the page is filed under the term once, shown by one of the spellings.
 */
export const sameTermKey: Rule = {
  code: 'PC408', id: 'same-term-key', defaultSeverity: 'warning',
  check(doc, context) {
    const site = hugoSiteOf(context);
    if (!site || !doc.parsed.valid) return [];
    const findings: Finding[] = [];
    for (const entry of doc.parsed.entries) {
      if (!site.taxonomies.includes(entry.key.toLowerCase()) || entry.value.kind !== 'sequence') continue;
      const list = entry.value;
      const seen = new Map<string, string>();
      list.items.forEach((item, index) => {
        if (item.kind !== 'scalar' || item.value === null || typeof item.value === 'object') return;
        const term = String(item.value);
        const key = hugoTermKey(term);
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, term);
          return;
        }
        // Safe only for an exact repeat: another spelling may be the one Hugo shows.
        const fixes: Fix[] = [{ title: message('fixRemoveDuplicate', term), edits: [removeSequenceItem(doc, list, index)], preferred: true, safe: term === first }];
        findings.push({ range: item.range, message: message('sameTermKey', first, term, site.generator.displayName, key), fixes });
      });
    }
    return findings;
  },
};

/** Per taxonomy and term key: the spellings the site's posts write, with how many posts write each. */
type Spellings = Map<string, Map<string, Map<string, number>>>;
const spellingCache = new WeakMap<SiteIndexView, { version: number | undefined; spellings: Spellings }>();

function siteSpellings(index: SiteIndexView): Spellings {
  const cached = spellingCache.get(index);
  if (cached && cached.version !== undefined && cached.version === index.taxonomyVersion) return cached.spellings;
  const spellings: Spellings = new Map();
  for (const record of index.posts()) {
    for (const [taxonomy, written] of Object.entries(record.termSpellings ?? {})) {
      let byKey = spellings.get(taxonomy);
      if (!byKey) spellings.set(taxonomy, (byKey = new Map()));
      for (const spelling of written) {
        const key = hugoTermKey(spelling);
        let counts = byKey.get(key);
        if (!counts) byKey.set(key, (counts = new Map()));
        counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
      }
    }
  }
  spellingCache.set(index, { version: index.taxonomyVersion, spellings });
  return spellings;
}

/**
 * PC410: a term written here one way and elsewhere in the site another way that Hugo files under the
 * same term (`Go` here, `go` in other posts): one term page, shown by one of the spellings.
 */
export const termSpelling: Rule = {
  code: 'PC410', id: 'term-spelling', defaultSeverity: 'warning',
  check(doc, context) {
    const site = hugoSiteOf(context);
    const index = context.index;
    if (!site || !index || !doc.parsed.valid) return [];
    const own = index.post(context.path)?.termSpellings;
    const spellings = siteSpellings(index);
    const findings: Finding[] = [];
    for (const entry of doc.parsed.entries) {
      const taxonomy = entry.key.toLowerCase();
      if (!site.taxonomies.includes(taxonomy)) continue;
      const items = entry.value.kind === 'sequence' ? entry.value.items : [entry.value];
      for (const item of items) {
        if (item.kind !== 'scalar' || item.value === null || typeof item.value === 'object') continue;
        const written = String(item.value);
        const counts = spellings.get(taxonomy)?.get(hugoTermKey(written));
        if (!counts) continue;
        // Other posts' spellings: this post's own (as the index holds it) counted out.
        const others = [...counts].map(([spelling, count]) => [spelling, count - (own?.[taxonomy]?.includes(spelling) ? 1 : 0)] as const)
          .filter(([spelling, count]) => count > 0 && spelling !== written)
          .sort((a, b) => b[1] - a[1]);
        if (others.length === 0) continue;
        const [spelling, count] = others[0];
        const fixes: Fix[] = [{ title: message('fixReplaceWith', spelling), edits: [replaceValue(item, quoteLike(item, spelling))], preferred: true, safe: false }];
        findings.push({ range: item.range, message: message('termSpelling', written, spelling, count, site.generator.displayName), fixes });
      }
    }
    return findings;
  },
};

/** The default taxonomies, which a `[taxonomies]` table replaces. */
const DEFAULT_TAXONOMIES: ReadonlyMap<string, string> = new Map([['tag', 'tags'], ['category', 'categories']]);

/**
 * PC409: terms under a key that is no taxonomy of the site: `tags` when `[taxonomies]` defines only
 * others (it replaces the defaults), or a taxonomy's singular (`tag:` for `tags`). Hugo files nothing.
 */
export const undefinedTaxonomy: Rule = {
  code: 'PC409', id: 'undefined-taxonomy', defaultSeverity: 'warning',
  check(doc, context) {
    const site = hugoSiteOf(context);
    if (!site || !doc.parsed.valid) return [];
    const findings: Finding[] = [];
    const configured = site.config.taxonomies;
    for (const entry of doc.parsed.entries) {
      const key = entry.key.toLowerCase();
      if (site.taxonomies.includes(key) || (entry.value.kind !== 'sequence' && entry.value.kind !== 'scalar')) continue;
      const plural = configured.get(key);
      if (plural !== undefined) {
        const fixes: Fix[] = entryOf(doc, plural) ? [] : [{ title: message('fixRenameKey', plural), edits: [renameKey(doc, entry, plural)], preferred: true, safe: false }];
        findings.push({ range: entry.keyRange, message: message('singularTaxonomyKey', entry.key, site.generator.displayName, plural), fixes });
      } else if ([...DEFAULT_TAXONOMIES.values()].includes(key)) {
        findings.push({ range: entry.keyRange, message: message('undefinedTaxonomy', entry.key, site.generator.displayName, site.taxonomies.join(', ') || '-') });
      }
    }
    return findings;
  },
};

/** The shortcodes of a page's content, scanned once per check and shared by the shortcode rules. */
const scans = new WeakMap<PostDocument, ReturnType<typeof scanShortcodes>>();
function shortcodesOf(doc: PostDocument): ReturnType<typeof scanShortcodes> {
  let scan = scans.get(doc);
  if (!scan) scans.set(doc, (scan = doc.text.includes('{{') ? scanShortcodes(doc.text, doc.parsed.bodyOffset) : { tokens: [] }));
  return scan;
}

function templateOf(site: HugoSite, name: string): { readonly usesInner: boolean } | undefined {
  const known = site.shortcodes.get(name) ?? BUILT_IN_SHORTCODES.get(name);
  if (known) return known;
  const since = NEWER_BUILT_IN_SHORTCODES.get(name);
  // Built into the Hugo the site says it needs; all but `x` evaluate inner content.
  return since && site.minimumHugoVersion && versionAtLeast(site.minimumHugoVersion, since) ? { usesInner: name !== 'x' } : undefined;
}

/**
 * PC512: a shortcode Hugo cannot pair: one that uses its inner content and is never closed, a closing
 * tag with none open, or a closing tag for one that uses no inner content. Hugo stops the build.
 */
export const shortcodePairing: Rule = {
  code: 'PC512', id: 'shortcode-pairing', defaultSeverity: 'error',
  check(doc, context) {
    const site = hugoSiteOf(context);
    if (!site) return [];
    const name = site.generator.displayName;
    const findings: Finding[] = [];
    const open: ShortcodeToken[] = [];
    let previous: ShortcodeToken | undefined;
    for (const token of shortcodesOf(doc).tokens) {
      if (token.closing) {
        // A shortcode without a template is PC513's or PC514's; how it pairs is unknown.
        if (!templateOf(site, token.name)) continue;
        const at = open.map((candidate) => candidate.name).lastIndexOf(token.name);
        if (at !== -1) {
          for (const unclosed of open.splice(at).slice(1)) findings.push(unclosedFinding(doc, unclosed, name));
        } else if (previous && previous.name === token.name && !previous.closing && templateOf(site, token.name)) {
          findings.push({ range: doc.range(token.start, token.end), message: message('shortcodeNoInner', token.name, name) });
        } else {
          findings.push({ range: doc.range(token.start, token.end), message: message('shortcodeNoneOpen', token.name, name) });
        }
      } else if (!token.selfClosing && templateOf(site, token.name)?.usesInner) {
        open.push(token);
      }
      previous = token;
    }
    for (const unclosed of open) findings.push(unclosedFinding(doc, unclosed, name));
    return findings.sort((a, b) => a.range.startOffset - b.range.startOffset);
  },
};

function unclosedFinding(doc: PostDocument, token: ShortcodeToken, generatorName: string): Finding {
  return { range: doc.range(token.start, token.end), message: message('shortcodeUnclosed', token.name, generatorName) };
}

/**
 * PC513: a shortcode with no template in the site's layouts, its themes or Hugo's built-ins, when
 * every place one can come from is on disk: Hugo stops the build ("template for shortcode not found").
 */
export const unknownShortcode: Rule = {
  code: 'PC513', id: 'unknown-shortcode', defaultSeverity: 'error',
  check(doc, context) {
    const site = hugoSiteOf(context);
    if (!site || site.missingShortcodeSources.length > 0) return [];
    return unknownTokens(doc, site).filter((token) => !NEWER_BUILT_IN_SHORTCODES.has(token.name)).map((token) => ({ range: doc.range(token.start, token.end), message: message('unknownShortcode', token.name, site.generator.displayName) }));
  },
};

/** PC514: the same, when a configured theme or module is not on disk: it may define the shortcode. */
export const unverifiedShortcode: Rule = {
  code: 'PC514', id: 'unverified-shortcode', defaultSeverity: 'warning',
  check(doc, context) {
    const site = hugoSiteOf(context);
    if (!site) return [];
    const sources = site.missingShortcodeSources.join(', ');
    return unknownTokens(doc, site).flatMap((token) => {
      // A shortcode built into a later Hugo than the site says it needs: there, it is known.
      const since = NEWER_BUILT_IN_SHORTCODES.get(token.name);
      const from = since ? `Hugo ${since} or later, where it is built in` : sources;
      return from ? [{ range: doc.range(token.start, token.end), message: message('unverifiedShortcode', token.name, site.generator.displayName, from) }] : [];
    });
  },
};

function unknownTokens(doc: PostDocument, site: HugoSite): ShortcodeToken[] {
  return shortcodesOf(doc).tokens.filter((token) => !token.closing && token.name !== '' && !templateOf(site, token.name));
}

/** PC515: a `ref` or `relref` to no page of the site: Hugo logs an error and the build fails. */
export const refNotFound: Rule = {
  code: 'PC515', id: 'ref-not-found', defaultSeverity: 'error',
  check(doc, context) {
    const site = hugoSiteOf(context);
    const index = context.index;
    if (!site || !index) return [];
    const findings: Finding[] = [];
    for (const token of shortcodesOf(doc).tokens) {
      if (token.closing || (token.name !== 'ref' && token.name !== 'relref')) continue;
      const target = shortcodeArg(token, 'path', 0);
      if (target === undefined || resolveRef(site, index, context.path, target)) continue;
      findings.push({ range: doc.range(token.start, token.end), message: message('refNotFound', target, site.generator.displayName, token.name) });
    }
    return findings;
  },
};

/** An HTML tag or closing tag as CommonMark reads raw HTML (an autolink `<https://…>` is none). */
const RAW_HTML = /<\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^<>]*>/g;
const MAX_RAW_HTML_FINDINGS = 20;

/**
 * PC516: raw HTML in a page of a site that does not set `markup.goldmark.renderer.unsafe`: Hugo writes
 * `<!-- raw HTML omitted -->` in its place (measured with hugo 0.111: blocks and inline tags), so the
 * reader sees nothing of it. Not raw HTML to Goldmark: code (fenced, indented, inline), shortcodes
 * and the inner content of `{{< >}}` shortcodes (their templates receive it as it is). Comments are
 * left out too, as their writers mean them to be.
 */
export const rawHtmlOmitted: Rule = {
  code: 'PC516', id: 'raw-html-omitted', defaultSeverity: 'warning',
  check(doc, context) {
    const site = hugoSiteOf(context);
    if (!site || site.config.goldmark.unsafe) return [];
    const body = doc.body;
    const code = [...body.fencedCode, ...body.indentedCode, ...notMarkdown(shortcodesOf(doc).tokens)];
    const findings: Finding[] = [];
    for (const match of doc.text.slice(body.bodyOffset).matchAll(RAW_HTML)) {
      if (findings.length >= MAX_RAW_HTML_FINDINGS) break;
      const start = body.bodyOffset + match.index;
      if (code.some((span) => start >= span.start && start < span.end) || inInlineCode(body, start)) continue;
      findings.push({ range: doc.range(start, start + match[0].length), message: message('rawHtmlOmitted', match[0].replace(/^(<\/?[A-Za-z][A-Za-z0-9-]*)[\s\S]*$/, '$1>'), site.generator.displayName) });
    }
    return findings;
  },
};

/** Shortcodes, and the inner content of `{{< >}}` pairs: text Goldmark does not read as Markdown. */
function notMarkdown(tokens: readonly ShortcodeToken[]): Array<{ start: number; end: number }> {
  const spans = tokens.map((token) => ({ start: token.start, end: token.end }));
  tokens.forEach((token, i) => {
    if (token.closing || token.selfClosing || token.delimiter !== '<') return;
    const close = tokens.slice(i + 1).find((candidate) => candidate.closing && candidate.name === token.name);
    if (close) spans.push({ start: token.end, end: close.start });
  });
  return spans;
}

/** Whether `offset` is inside inline code (among what the body scan hides from templates, the code). */
function inInlineCode(body: PostDocument['body'], offset: number): boolean {
  const spans = body.hiddenFromTemplate;
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < spans.start(mid)) high = mid - 1;
    else if (offset >= spans.end(mid)) low = mid + 1;
    else return spans.kind(mid) === HIDDEN_CODE;
  }
  return false;
}

/** Every rule checked on Hugo sites, in code order: the shared ones whose facts hold for Hugo, and Hugo's own. */
export const HUGO_RULES: readonly Rule[] = [
  buildFailingFrontMatter, zeroedDate, notBuilt, sameTermKey, undefinedTaxonomy, termSpelling, repeatedTitle,
  shortcodePairing, unknownShortcode, unverifiedShortcode, refNotFound, rawHtmlOmitted,
];
