import { basename, dirname, joinPath, normalizePath, relativeInside } from '../path';
import { isMarkdownPath } from '../site/markdownFiles';
import { inSpans, type Span, type TagToken } from './bodyScan';
import type { PostDocument } from './postDocument';
import { MAX_FINDINGS, message, POSTS_AND_DRAFTS, type Rule } from './rule';
import { HEXO_TAG_PLUGINS, NUNJUCKS_OWN, POST_FIELDS } from './templateCheck';
import { escapeFixes, nunjucksOff } from './templateRules';
import { editDistance } from './similarity';
import { siteVocabulary } from './siteVocabulary';
import type { Finding, Fix, RuleContext } from './types';

/**
 * PC501: a body H1 that repeats the front-matter title: the theme already prints the title, so the
 * page shows it twice. Advice (info), since Hexo builds the post fine; the fix removes content, so
 * it is offered but never applied by fix-all. A title without an H1 is the normal case.
 */
export const repeatedTitle: Rule = {
  code: 'PC501', id: 'repeated-title-heading', defaultSeverity: 'info',
  check(doc) {
    const title = doc.data.title;
    if (typeof title !== 'string' || title.trim() === '') return [];
    const normalized = normalizeTitle(title);
    const heading = doc.body.headings.find((candidate) => candidate.level === 1);
    if (!heading || normalizeTitle(heading.text) !== normalized) return [];
    // Remove the heading's line(s) and one blank line after it.
    let end = heading.lineSpan.end;
    const after = doc.nextLineStart(end);
    if (end < doc.text.length && doc.text.slice(end, after).trim() === '') end = after;
    return [{
      range: doc.range(heading.start, heading.end),
      message: message('repeatedTitle'),
      fixes: [{ title: message('fixRemoveHeading'), edits: [{ range: doc.range(heading.lineSpan.start, end), newText: '' }], preferred: true, safe: false }],
    }];
  },
};

function normalizeTitle(text: string): string {
  return text.normalize('NFKC').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}


const GENERATED = /(?:^|\/)[^/.]*$|\.html?$|\/$/i;

/**
 * PC502: a relative or root-relative link or image to a file that does not exist. Root-relative
 * targets resolve from `source/` (and a theme's `source/`); relative ones from the post's asset
 * folder (hexo-renderer-marked `postAsset`) or the file's own folder. Links to pages Hexo generates
 * (no extension, `.html`, a trailing `/`) are not checked: they have no source file.
 */
export const missingLinkTarget: Rule = {
  code: 'PC502', id: 'missing-link-target', defaultSeverity: 'warning',
  check(doc, context) {
    const exists = context.fileExists;
    if (!exists) return [];
    const findings: Finding[] = [];
    for (const link of doc.body.links) {
      if (findings.length >= MAX_FINDINGS) break;
      const target = localTarget(link.url);
      if (target === undefined || GENERATED.test(target) || isMarkdownPath(target)) continue;
      const candidates = candidatePaths(context, target);
      if (candidates.some(exists)) continue;
      const suffix = link.url.slice(link.url.search(/[?#]|$/));
      const fixes = changeToFixes(doc, link, linkTextsFor(context, target).map((text) => text + suffix));
      findings.push({ range: doc.range(link.start, link.end), message: message(link.image ? 'missingImage' : 'missingLinkTarget', link.url), fixes });
    }
    return findings;
  },
};

/** The path part of a local link, decoded; undefined for URLs, anchors and template expressions. */
function localTarget(url: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url) || /[{}]|%7B/i.test(url)) return undefined;
  const path = url.replace(/[?#].*$/, '');
  if (path === '') return undefined;
  try {
    return decodeURI(path);
  } catch {
    return path; // a stray `%` in the writer's link: looked for as written
  }
}

function candidatePaths(context: RuleContext, target: string): string[] {
  const site = context.site;
  if (target.startsWith('/')) {
    const roots = [site.sourceRoot, ...(context.staticRoots ?? [])];
    const paths = roots.map((root) => joinPath(root, target));
    // Under a sub-folder `root` (`/blog/`), links carry it first.
    const withoutFirst = target.replace(/^\/[^/]+/, '');
    if (withoutFirst !== target && withoutFirst !== '') paths.push(...roots.map((root) => joinPath(root, withoutFirst)));
    return paths;
  }
  const paths = [joinPath(dirname(context.path), target)];
  if (context.kind !== 'page') paths.push(joinPath(assetFolder(context.path), target));
  return paths.map(normalizePath);
}

/** At most this many "Change to" fixes: more would be a guess, not a fix. */
const MAX_CHANGE_FIXES = 3;

/**
 * How this post would link to each site file named like `target`: relative inside the post's asset
 * folder (hexo-renderer-marked `postAsset`) or a page's own folder, else root-relative where Hexo
 * serves it. Files under `_` folders (other posts' asset folders, `_drafts`) are not served at their
 * path, so they are no candidates.
 */
function linkTextsFor(context: RuleContext, target: string): string[] {
  const texts: string[] = [];
  // A post's page lives at its permalink, so only its asset folder works relatively; a page's own folder is its URL.
  const own = context.kind === 'page' ? dirname(context.path) : assetFolder(context.path);
  for (const file of context.filesNamed?.(basename(target)) ?? []) {
    const inOwn = relativeInside(own, file);
    if (inOwn !== undefined && inOwn !== '' && !NOT_SERVED.test(inOwn)) {
      texts.push(linkPath(inOwn));
      continue;
    }
    for (const root of [context.site.sourceRoot, ...(context.staticRoots ?? [])]) {
      const relative = relativeInside(root, file);
      if (relative === undefined || relative === '' || NOT_SERVED.test(relative)) continue;
      texts.push(`/${linkPath(relative)}`);
      break;
    }
  }
  return [...new Set(texts)];
}

/** Hexo does not publish what is under a `_` or `.` folder or file (`_posts`, `_drafts`, `.git`) at its path. */
const NOT_SERVED = /(?:^|\/)[_.]/;

/** A path as a Markdown link target: spaces and parentheses would end it, `#`, `?` and `%` change it. */
function linkPath(path: string): string {
  return path.replace(/[ ()#?%]/g, (char) => encodeURIComponent(char));
}

/** "Change to ..." fixes replacing `span`: preferred only when there is one candidate; never fix-all. */
function changeToFixes(doc: PostDocument, span: Span, texts: readonly string[], title = (text: string): string => text): Fix[] {
  const current = doc.text.slice(span.start, span.end);
  const options = texts.filter((text) => text !== current).slice(0, MAX_CHANGE_FIXES);
  return options.map((text) => ({
    title: message('fixChangeTo', title(text)), edits: [{ range: doc.range(span.start, span.end), newText: text }],
    preferred: options.length === 1, safe: false,
  }));
}

/** A tag argument as written: quoted when it holds spaces (Hexo splits arguments on them). */
function tagArgument(value: string): string {
  return /\s/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
}

/** A post's asset folder: its path without the extension (hexo `processor/post.ts`). */
function assetFolder(path: string): string {
  return path.replace(/\.[^./]+$/, '');
}

const ASSET_TAGS = new Set(['asset_img', 'asset_image', 'asset_link', 'asset_path']);

/**
 * PC503: `{% asset_img %}`, `{% asset_link %}` or `{% asset_path %}` naming no file in the post's asset
 * folder; Hexo renders nothing in its place (hexo `plugins/tag/asset_img.ts`).
 */
export const missingAsset: Rule = {
  code: 'PC503', id: 'missing-asset', defaultSeverity: 'warning', kinds: POSTS_AND_DRAFTS,
  check(doc, context) {
    if (nunjucksOff(doc) || !context.fileExists) return [];
    const exists = context.fileExists;
    const folder = assetFolder(context.path);
    const findings: Finding[] = [];
    for (const tag of doc.body.tags) {
      if (findings.length >= MAX_FINDINGS) break;
      if (!ASSET_TAGS.has(tag.name)) continue;
      // asset_img tries every argument (class names, sizes and titles come around the file name).
      const args = tag.name.startsWith('asset_im') ? tag.args : tag.args.slice(0, 1);
      const first = args.find((arg) => /[./]/.test(arg.value)) ?? args[0];
      if (!first) continue;
      if (context.site.config.postAssetFolder && args.some((arg) => exists(joinPath(folder, arg.value)))) continue;
      findings.push({
        range: doc.range(first.start, first.end),
        message: context.site.config.postAssetFolder ? message('missingAsset', first.value, tag.name) : message('assetFolderOff', tag.name),
        fixes: context.site.config.postAssetFolder ? assetFixes(doc, context, folder, first) : [],
      });
    }
    return findings;
  },
};

/** PC503's fixes: the asset folder's file of that name in another case or sub-folder. */
function assetFixes(doc: PostDocument, context: RuleContext, folder: string, arg: Span & { readonly value: string }): Fix[] {
  const names = (context.filesNamed?.(basename(arg.value)) ?? [])
    .map((file) => relativeInside(folder, file))
    .filter((relative): relative is string => relative !== undefined && relative !== '');
  return changeToFixes(doc, arg, names.map(tagArgument));
}

/** PC504: `{% post_link %}` / `{% post_path %}` to no post: Hexo stops with "Post not found". */
export const missingPostLink: Rule = {
  code: 'PC504', id: 'post-link-not-found', defaultSeverity: 'error',
  check(doc, context) {
    if (nunjucksOff(doc) || !context.index) return [];
    const vocabulary = siteVocabulary(context.index);
    const findings: Finding[] = [];
    const suggestions = new Map<string, string | undefined>();
    for (const tag of doc.body.tags) {
      if (findings.length >= MAX_FINDINGS) break;
      if (tag.name !== 'post_link' && tag.name !== 'post_path') continue;
      const arg = tag.args[0];
      if (!arg) {
        findings.push({ range: doc.range(tag.start, tag.end), message: message('postLinkNoSlug', tag.name) });
        continue;
      }
      // Hexo looks the post up by slug, then by title (hexo `plugins/tag/post_link.ts`).
      const slug = arg.value.split('#')[0];
      if (vocabulary.postLinkTargets.has(slug)) continue;
      const hash = arg.value.slice(slug.length);
      const replaceWith = (target: string): Fix => {
        const newText = tagArgument(target + hash);
        return { title: message('fixReplaceWith', target), edits: [{ range: doc.range(arg.start, arg.end), newText }], preferred: true, safe: false };
      };
      const written = vocabulary.frontMatterSlugs.get(slug);
      if (written) {
        // The author means that post: point at the slug Hexo actually gives it.
        const file = relativeInside(context.site.sourceRoot, written.path) ?? basename(written.path);
        findings.push({ range: doc.range(arg.start, arg.end), message: message('postLinkFrontMatterSlug', slug, file, written.slug), fixes: [replaceWith(written.slug)] });
        continue;
      }
      const closest = closestSlugOnce(slug, vocabulary.slugs, suggestions);
      findings.push({ range: doc.range(arg.start, arg.end), message: message('postLinkNotFound', slug, tag.name), fixes: closest ? [replaceWith(closest)] : [] });
    }
    return findings;
  },
};

/**
 * Suggestions cost a scan of every post's slug; a post with thousands of broken links (a 1 MB
 * import) would take seconds. Each distinct slug is looked up once, and at most
 * MAX_SLUG_SUGGESTIONS of them per check: the rest are still reported, without a suggestion.
 */
const MAX_SLUG_SUGGESTIONS = 50;

function closestSlugOnce(slug: string, slugs: readonly string[], cache: Map<string, string | undefined>): string | undefined {
  if (cache.has(slug)) return cache.get(slug);
  const closest = cache.size < MAX_SLUG_SUGGESTIONS ? closestSlug(slug, slugs) : undefined;
  cache.set(slug, closest);
  return closest;
}

function closestSlug(slug: string, slugs: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.min(3, Math.floor(slug.length / 4)));
  for (const candidate of slugs) {
    const distance = editDistance(slug.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance || (distance === bestDistance && !best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}


/**
 * PC507: `{{ name }}` in the text: Nunjucks evaluates it, so a Vue or Handlebars example renders as
 * nothing. Expressions over the post's own fields (`{{ title }}`) are deliberate and not reported.
 */
export const templateVariable: Rule = {
  code: 'PC507', id: 'nunjucks-variable', defaultSeverity: 'warning',
  check(doc) {
    const body = doc.body;
    if (nunjucksOff(doc)) return [];
    const findings: Finding[] = [];
    for (const variable of body.variables) {
      if (findings.length >= MAX_FINDINGS) break;
      const head = /^[A-Za-z_$][\w$]*/.exec(variable.expression)?.[0];
      if (head && (POST_FIELDS.has(head) || Object.prototype.hasOwnProperty.call(doc.data, head))) continue;
      findings.push({
        range: doc.range(variable.start, variable.end),
        message: message('templateVariable', doc.text.slice(variable.start, variable.end)),
        fixes: escapeFixes(doc, variable.start, variable.end, false),
      });
    }
    return findings;
  },
};

/**
 * PC508: a `{% name %}` that is neither a Hexo tag plugin nor a Nunjucks statement nor registered by
 * the site's or its theme's scripts nor listed in `postcraft.validation.customTags`: unless an npm
 * plugin registers it, Hexo fails the build.
 */
export const unknownTag: Rule = {
  code: 'PC508', id: 'unknown-tag', defaultSeverity: 'warning',
  check(doc, context) {
    const body = doc.body;
    if (nunjucksOff(doc) || !body.hasTemplateSyntax) return [];
    const known = new Set([...HEXO_TAG_PLUGINS.keys(), ...NUNJUCKS_OWN, ...context.settings.customTags, ...(context.site.registeredTags?.keys() ?? [])]);
    const findings: Finding[] = [];
    const names = new Set(body.tags.map((tag) => tag.name));
    const suggestions = new Map<string, string[]>();
    for (const tag of body.tags) {
      if (findings.length >= MAX_FINDINGS) break;
      const name = tag.name.startsWith('end') && known.has(tag.name.slice(3)) ? tag.name.slice(3) : tag.name;
      if (name === '' || known.has(name) || inSpans(body.protectedSpans, tag.start)) continue;
      // A block the post closes is the theme's (NexT `note`, `tabs`): it ends, so someone defined it.
      if (tag.name.startsWith('end') || names.has(`end${tag.name}`)) continue;
      findings.push({ range: doc.range(tag.start, tag.end), message: message('unknownTag', tag.name), fixes: typoFixes(doc, tag, known, suggestions) });
    }
    return findings;
  },
};

/**
 * PC508's fixes: the known tags one edit from the name (two from five letters), such as `codeblok`.
 * Two-letter names (`a`, `if`) are too close to everything to suggest.
 */
function typoFixes(doc: PostDocument, tag: TagToken, known: ReadonlySet<string>, cache: Map<string, string[]>): Fix[] {
  let best = cache.get(tag.name);
  if (!best) {
    best = closestTagNames(tag.name, known);
    cache.set(tag.name, best);
  }
  const at = doc.text.indexOf(tag.name, tag.start);
  if (best.length === 0 || at < 0 || at >= tag.end) return [];
  return changeToFixes(doc, { start: at, end: at + tag.name.length }, best, (name) => `{% ${name} %}`);
}

function closestTagNames(name: string, known: ReadonlySet<string>): string[] {
  const limit = name.length >= 5 ? 2 : 1;
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const candidate of known) {
    if (candidate.length < 3) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), limit);
    if (distance > limit || distance > bestDistance) continue;
    if (distance < bestDistance) best = [];
    best.push(candidate);
    bestDistance = distance;
  }
  return best;
}
