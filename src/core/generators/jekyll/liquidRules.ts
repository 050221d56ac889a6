import { dirname, joinPath, normalizePath } from '../../path';
import { message, MAX_FINDINGS, type Rule } from '../../rules/rule';
import type { PostDocument } from '../../rules/postDocument';
import type { Finding, Fix, RuleContext } from '../../rules/types';
import type { MessageId } from '../../rules/messages';
import { JekyllSite } from './jekyllSite';
import { scanLiquid, type LiquidTag, type LiquidToken } from './liquid';
import { JEKYLL_INNER_TAGS, JEKYLL_LIQUID_TAGS } from './liquidTags';

/*
 * The Liquid rules of Jekyll posts, measured with Jekyll 4.3.1 (Liquid 5.4). Liquid runs over the whole
 * body before kramdown, code blocks included, so the rules look there too (`{% raw %}` shows Liquid
 * as text). A syntax error, an unknown tag, or a `post_url`/`link`/`include` to nothing fails the
 * whole build; an output of a value that is not set renders nothing.
 */

/** The body's tokens with offsets into the whole text, scanned once per check. */
const SCANS = new WeakMap<PostDocument, LiquidToken[]>();
function liquidOf(doc: PostDocument): LiquidToken[] {
  let tokens = SCANS.get(doc);
  if (!tokens) {
    const offset = doc.parsed.bodyOffset;
    tokens = scanLiquid(doc.text.slice(offset)).map((token) => shifted(token, offset));
    SCANS.set(doc, tokens);
  }
  return tokens;
}

function shifted(token: LiquidToken, by: number): LiquidToken {
  const moved: Record<string, unknown> = { ...token };
  for (const key of ['start', 'end', 'nameStart', 'markupStart', 'bodyStart', 'bodyEnd']) {
    if (typeof moved[key] === 'number') moved[key] = (moved[key] as number) + by;
  }
  return moved as unknown as LiquidToken;
}

function jekyllSiteOf(context: RuleContext): JekyllSite | undefined {
  return context.site instanceof JekyllSite ? context.site : undefined;
}

/** Wrapping the token in `{% raw %}`: the build then shows it as text. The writer's call. */
function wrapInRaw(doc: PostDocument, start: number, end: number): Fix {
  return {
    title: message('fixWrapInRaw'),
    edits: [{ range: doc.range(start, start), newText: '{% raw %}' }, { range: doc.range(end, end), newText: '{% endraw %}' }],
    preferred: true, safe: false,
  };
}

/** Tags whose arguments Liquid or Jekyll require: without them the tag is a syntax error. */
const NEEDS_MARKUP = new Set(['if', 'unless', 'elsif', 'case', 'when', 'for', 'tablerow', 'assign', 'capture', 'highlight', 'include', 'include_relative', 'post_url', 'link', 'cycle', 'render']);
/** The blocks each branch tag may stand in (the innermost open block decides). */
const BRANCH_PARENTS: Readonly<Record<string, readonly string[]>> = { else: ['if', 'unless', 'case', 'for'], elsif: ['if', 'unless'], when: ['case'] };

/**
 * PC517: Liquid that Jekyll cannot parse, so the build stops: a `{{` or `{%` never closed, a block
 * (`if`, `for`, `capture`, `highlight`, `raw`, `comment`, a plugin's) without its `end` tag, an `end`
 * tag with no block open, a branch (`else`, `elsif`, `when`) outside its block, a tag missing its
 * arguments.
 */
export const liquidSyntax: Rule = {
  code: 'PC517', id: 'liquid-syntax', defaultSeverity: 'error',
  check(doc, context) {
    const site = jekyllSiteOf(context);
    if (!site) return [];
    const tokens = liquidOf(doc);
    const findings: Finding[] = [];
    const say = (start: number, end: number, id: MessageId, args: string[], fixes?: Fix[]) => {
      if (findings.length < MAX_FINDINGS) findings.push({ range: doc.range(start, end), message: message(id, ...args, site.generator.displayName), ...(fixes ? { fixes } : {}) });
    };
    // The blocks open at each token, innermost last, to place the branch tags.
    const open: number[] = [];
    tokens.forEach((token, index) => {
      while (open.length > 0 && (tokens[open[open.length - 1]] as LiquidTag).pair! <= index) open.pop();
      if (token.kind === 'unterminated') {
        say(token.start, Math.min(token.end, token.start + 2), 'liquidUnterminated', [token.opener, token.opener === '{{' ? '}}' : '%}'], [wrapInRaw(doc, token.start, token.start + 2)]);
        return;
      }
      if (token.kind === 'raw' || token.kind === 'comment') {
        if (!token.closed) say(token.start, token.bodyStart, 'liquidUnclosedBlock', [token.kind]);
        return;
      }
      if (token.kind !== 'tag' || token.name === '') return;
      if (token.unmatched) {
        if (token.name.startsWith('end')) say(token.start, token.end, 'liquidStrayEnd', [token.name]);
        else say(token.start, token.end, 'liquidUnclosedBlock', [token.name]);
        return;
      }
      if (token.pair !== undefined && token.pair > index) open.push(index);
      const parents = BRANCH_PARENTS[token.name];
      const inner = open.length > 0 ? (tokens[open[open.length - 1]] as LiquidTag).name : undefined;
      if (parents && (inner === undefined || !parents.includes(inner))) {
        say(token.start, token.end, 'liquidBranchOutside', [token.name, parents.join(', ')]);
        return;
      }
      if (NEEDS_MARKUP.has(token.name) && token.markup === '') say(token.start, token.end, 'liquidMissingArguments', [token.name]);
    });
    return findings;
  },
};

/** Whether a tag name is one Liquid, Jekyll or the site's readable plugins define (end tags are PC517's). */
function isKnownTag(site: JekyllSite, name: string): boolean {
  return JEKYLL_LIQUID_TAGS.has(name) || JEKYLL_INNER_TAGS.has(name) || site.registeredTags.has(name) || name.startsWith('end');
}

function unknownTags(doc: PostDocument, site: JekyllSite): LiquidTag[] {
  return liquidOf(doc).filter((token): token is LiquidTag => token.kind === 'tag' && token.name !== '' && !isKnownTag(site, token.name)).slice(0, MAX_FINDINGS);
}

/**
 * PC518: a tag nobody defines: not Liquid's, not Jekyll's, not one the site's plugins register. Liquid
 * stops with "Unknown tag" and the build fails. (When the site loads plugins Postcraft cannot read,
 * PC519 says the same as a warning.)
 */
export const unknownLiquidTag: Rule = {
  code: 'PC518', id: 'unknown-liquid-tag', defaultSeverity: 'error',
  check(doc, context) {
    const site = jekyllSiteOf(context);
    if (!site || site.unreadPlugins.length > 0) return [];
    return unknownTags(doc, site).map((tag) => ({
      range: doc.range(tag.nameStart, tag.nameStart + tag.name.length),
      message: message('unknownLiquidTag', tag.name, site.generator.displayName),
      fixes: [wrapInRaw(doc, tag.start, tag.end)],
    }));
  },
};

/** PC519: the same tag on a site that loads plugins Postcraft cannot read: one of them may define it. */
export const unverifiedLiquidTag: Rule = {
  code: 'PC519', id: 'unverified-liquid-tag', defaultSeverity: 'warning',
  check(doc, context) {
    const site = jekyllSiteOf(context);
    if (!site || site.unreadPlugins.length === 0) return [];
    return unknownTags(doc, site).map((tag) => ({
      range: doc.range(tag.nameStart, tag.nameStart + tag.name.length),
      message: message('unverifiedLiquidTag', tag.name, site.generator.displayName, site.unreadPlugins.join(', ')),
      fixes: [wrapInRaw(doc, tag.start, tag.end)],
    }));
  },
};

/** A tag's first argument as Jekyll takes it (unquoted); undefined when it is computed (`{{ }}` inside). */
function firstArgument(tag: LiquidTag): string | undefined {
  if (tag.markup.includes('{{') || tag.markup.includes('{%')) return undefined;
  const match = /^(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(tag.markup);
  return match ? match[1] ?? match[2] ?? match[3] : undefined;
}

/**
 * PC520: `{% post_url %}` to no post the build keeps, `{% link %}` to no file of the site, `{% include %}`
 * of no file in `_includes` (nor the theme's), `{% include_relative %}` of no file beside the post:
 * Jekyll stops ("Could not find post", "Could not find document", "Could not locate the included file").
 */
export const liquidTargetMissing: Rule = {
  code: 'PC520', id: 'liquid-target-missing', defaultSeverity: 'error',
  check(doc, context) {
    const site = jekyllSiteOf(context);
    const { index, fileExists } = context;
    if (!site) return [];
    const findings: Finding[] = [];
    const now = context.now;
    for (const token of liquidOf(doc)) {
      if (findings.length >= MAX_FINDINGS) break;
      if (token.kind !== 'tag' || token.markup === '') continue;
      const target = firstArgument(token);
      if (target === undefined) continue;
      const at = token.markupStart + Math.max(0, token.markup.indexOf(target));
      const say = (id: MessageId) => findings.push({ range: doc.range(at, at + target.length), message: message(id, target, site.generator.displayName) });
      if (token.name === 'post_url') {
        if (index && !site.findsPostUrl(target, index, now)) say('postUrlNotFound');
      } else if (token.name === 'link') {
        if (fileExists && !fileExists(normalizePath(joinPath(site.sourceRoot, target)))) say('linkNotFound');
      } else if (token.name === 'include') {
        if (fileExists && !site.includePaths(target).some(fileExists)) say('includeNotFound');
      } else if (token.name === 'include_relative') {
        if (fileExists && !fileExists(normalizePath(joinPath(dirname(context.path), target)))) say('includeNotFound');
      }
    }
    return findings;
  },
};

/** The variables Jekyll gives a post or page besides its front matter and defaults. */
const PAGE_VARIABLES = new Set(['content', 'title', 'excerpt', 'url', 'date', 'id', 'categories', 'category', 'collection', 'tags', 'dir', 'name', 'path', 'next', 'previous', 'slug', 'ext', 'layout', 'relative_path', 'draft', 'output', 'permalink']);
/** The variables Jekyll gives `site` besides the configuration (and its defaults). */
const SITE_VARIABLES = new Set(['time', 'pages', 'posts', 'related_posts', 'static_files', 'html_pages', 'html_files', 'collections', 'data', 'documents', 'categories', 'tags', 'url', 'baseurl', 'title', 'description', 'source', 'destination', 'permalink', 'markdown', 'timezone', 'lang', 'show_drafts', 'future', 'unpublished', 'limit_posts', 'encoding', 'plugins', 'exclude', 'include', 'defaults', 'collections_dir', 'github']);
/** Names a post's Liquid can read without assigning them. */
const GLOBALS = new Set(['site', 'page', 'jekyll', 'paginator', 'forloop', 'tablerowloop', 'content', 'layout', 'include', 'true', 'false', 'nil', 'null', 'empty', 'blank']);

/**
 * PC521: `{{ page.x }}`, `{{ site.x }}` or `{{ x }}` where nothing sets `x` (the post's front matter and
 * defaults, the configuration, an `assign`, `capture` or loop in the post): Liquid renders nothing
 * there, silently (in code blocks too: a post showing Handlebars' `{{name}}` shows nothing there).
 * Members deeper than the first (`page.author.name`) are not checked. Quick fix: `{% raw %}` around it.
 */
export const liquidEmptyOutput: Rule = {
  code: 'PC521', id: 'liquid-empty-output', defaultSeverity: 'warning',
  check(doc, context) {
    const site = jekyllSiteOf(context);
    if (!site || !doc.parsed.valid) return [];
    const tokens = liquidOf(doc);
    const assigned = new Set<string>();
    for (const token of tokens) {
      if (token.kind !== 'tag') continue;
      const name = /^([A-Za-z_][\w-]*)/.exec(token.markup)?.[1];
      if (name && (token.name === 'assign' || token.name === 'capture' || token.name === 'for' || token.name === 'tablerow' || token.name === 'increment' || token.name === 'decrement')) assigned.add(name);
    }
    const defaults = site.defaultsFor(context.path, context.kind);
    const written = (key: string) => Object.prototype.hasOwnProperty.call(doc.data, key) || Object.prototype.hasOwnProperty.call(defaults, key);
    const findings: Finding[] = [];
    for (const token of tokens) {
      if (findings.length >= MAX_FINDINGS) break;
      if (token.kind !== 'output') continue;
      const match = /^([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/.exec(token.markup);
      if (!match) continue;
      const [whole, root, member] = match;
      let unset = false;
      if (root === 'page') unset = member !== undefined && !PAGE_VARIABLES.has(member) && !written(member);
      else if (root === 'site') unset = member !== undefined && !SITE_VARIABLES.has(member) && !site.configKeys.has(member) && site.unreadPlugins.length === 0;
      else unset = !GLOBALS.has(root) && !assigned.has(root);
      if (!unset) continue;
      const at = token.markupStart;
      // Braces meant as text (another template language shown in code) are kept by `{% raw %}`.
      findings.push({ range: doc.range(at, at + whole.length), message: message('liquidEmptyOutput', whole, site.generator.displayName), fixes: [wrapInRaw(doc, token.start, token.end)] });
    }
    return findings;
  },
};

/** The Liquid rules, in code order. */
export const LIQUID_RULES: readonly Rule[] = [liquidSyntax, unknownLiquidTag, unverifiedLiquidTag, liquidTargetMissing, liquidEmptyOutput];
