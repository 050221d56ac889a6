import type MarkdownIt from 'markdown-it';
import { basename, dirname, extname, joinPath, relativeInside } from '../../../path';
import { asRenderEnv, markDeferred, mayDefer, ruleEnv, sourceLine, type RenderEnv } from '../../../render/env';
import { renderCodeFigure } from '../../../render/highlight';
import { attributes, escapeHtml } from '../../../render/html';
import { formatLabel } from '../../../render/labels';
import type { RenderContext } from '../../../render/types';
import type { BodySyntax } from '../../generator';
import { deepMerge } from '../defaults';
import { JekyllSite } from '../jekyllSite';
import { scanLiquid } from '../liquid';
import { rubyTruthy } from '../terms';
import { kramdownHeadingId, kramdownPlugin } from './kramdown';
import { PIECE_CLOSE, PIECE_OPEN, PIECE_PATTERN, runLiquid, type LiquidPiece, type LiquidResolver } from './liquidPass';
import type { LiquidScope } from './liquidValues';

/**
 * A Jekyll post's body for the preview, read as `jekyll build` reads it: Liquid first (liquidPass.ts),
 * then kramdown's Markdown (kramdown.ts). What Liquid pulls in from elsewhere (the site's
 * configuration, the post's front matter with the site's `defaults`, other posts for `post_url`, the
 * `_includes` files) is read from the render context; included HTML goes through the same sanitizer
 * as the post's own.
 */
export const jekyllBodySyntax: BodySyntax = {
  markdownPlugin: jekyllPlugin,
  collectIncludes,
  headingId: kramdownHeadingId,
  // The table of contents lists every heading; `assign` and `capture` set what later output prints;
  // a raw or comment block may hold what looks like a heading.
  unsplittable: /\{:\s*toc\s*\}|\{%-?\s*(?:assign|capture|raw|comment)\b/,
  // Liquid reads the front matter, the configuration, other posts and files.
  uncacheable: /\{\{|\{%/,
};

const PIECES = Symbol('jekyllLiquidPieces');
const INCLUDE = Symbol('jekyllIncludeParams');
const DEPTH = Symbol('jekyllIncludeDepth');
const LIQUID_DONE = Symbol('jekyllLiquidDone');
/** Jekyll stops an include that includes itself; the preview stops at this depth. */
const MAX_INCLUDE_DEPTH = 5;
/** Files `{% link %}` may name that are not worth reading to learn whether they exist. */
const BINARY = /\.(?:png|jpe?g|gif|webp|avif|ico|pdf|zip|gz|mp[34]|mov|webm|woff2?|ttf|otf)$/i;
const PLACEHOLDER = new RegExp(`^${PIECE_OPEN.replace('{', '\\{')}(\\d+)${PIECE_CLOSE.replace('}', '\\}')}$`);

function jekyllSiteOf(context: RenderContext): JekyllSite | undefined {
  return context.site instanceof JekyllSite ? context.site : undefined;
}

function jekyllPlugin(md: MarkdownIt.MarkdownIt): void {
  md.core.ruler.after('normalize', 'jekyll_liquid', (state) => {
    const env = asRenderEnv(state.env);
    // A loop's iterations: Liquid ran already, their placeholders are the post's.
    if (env[LIQUID_DONE]) return;
    if (!state.src.includes('{')) {
      env[PIECES] = [];
      return;
    }
    const result = runLiquid(state.src, liquidScope(env), resolver(env.context));
    state.src = result.source;
    env[PIECES] = result.pieces;
  });
  kramdownPlugin(md);
  md.core.ruler.push('jekyll_pieces_in_text', (state) => piecesInText(md, state));
  md.block.ruler.before('html_block', 'jekyll_piece_block', pieceBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('html_inline', 'jekyll_piece', pieceInline);
  md.renderer.rules.jekyll_piece_block = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) =>
    renderPiece(md, env, tokens[idx].meta as unknown as number, tokens[idx].map as [number, number]));
  md.renderer.rules.jekyll_piece = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) =>
    renderPiece(md, env, tokens[idx].meta as unknown as number, undefined));
}

/**
 * Placeholders the Markdown rules did not reach: in code (fenced, indented, inline) the Liquid shows
 * as written; in raw HTML (`<div>{% include x.html %}</div>`) the piece's HTML goes in, and the
 * sanitizer reads it with the rest.
 */
function piecesInText(md: MarkdownIt.MarkdownIt, state: MarkdownIt.StateCore): void {
  const env = asRenderEnv(state.env);
  const pieces = piecesOf(env);
  if (pieces.length === 0) return;
  const visit = (tokens: readonly MarkdownIt.Token[]): void => {
    for (const token of tokens) {
      if (token.children) visit(token.children);
      if (!token.content.includes(PIECE_OPEN)) continue;
      if (token.type === 'fence' || token.type === 'code_block' || token.type === 'code_inline') {
        token.content = token.content.replace(new RegExp(`${PIECE_PATTERN.source}(\n*)`, 'g'), (_whole, index: string, breaks: string) => {
          const source = pieces[Number(index)]?.source ?? '';
          // A block's placeholder is followed by the line breaks of its source: the source brings them back.
          return source + breaks.slice(Math.min(breaks.length, (source.match(/\n/g) ?? []).length));
        });
      } else if (token.type === 'html_block' || token.type === 'html_inline') {
        token.content = token.content.replace(PIECE_PATTERN, (_whole, index: string) => renderPiece(md, env, Number(index), undefined));
      }
    }
  };
  visit(state.tokens);
}

function piecesOf(env: RenderEnv): readonly LiquidPiece[] {
  return (env[PIECES] as readonly LiquidPiece[] | undefined) ?? [];
}

function pieceBlock(state: MarkdownIt.StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (!state.src.startsWith(PIECE_OPEN, start)) return false;
  const match = PLACEHOLDER.exec(state.src.slice(start, state.eMarks[startLine]).trim());
  if (!match) return false;
  if (silent) return true;
  const token = state.push('jekyll_piece_block', '', 0);
  token.meta = Number(match[1]) as unknown as Record<string, unknown>;
  token.map = [startLine, startLine + 1];
  token.block = true;
  state.line = startLine + 1;
  return true;
}

function pieceInline(state: MarkdownIt.StateInline, silent: boolean): boolean {
  if (!state.src.startsWith(PIECE_OPEN, state.pos)) return false;
  const close = state.src.indexOf(PIECE_CLOSE, state.pos);
  if (close === -1 || close + PIECE_CLOSE.length > state.posMax) return false;
  const index = state.src.slice(state.pos + PIECE_OPEN.length, close);
  if (!/^\d+$/.test(index)) return false;
  if (!silent) state.push('jekyll_piece', '', 0).meta = Number(index) as unknown as Record<string, unknown>;
  state.pos = close + PIECE_CLOSE.length;
  return true;
}

function renderPiece(md: MarkdownIt.MarkdownIt, env: RenderEnv, index: number, map: [number, number] | undefined): string {
  const piece = piecesOf(env)[index];
  if (!piece) return '';
  const line = sourceLine(env, map);
  const block = map !== undefined;
  switch (piece.kind) {
    case 'highlight':
      return renderCodeFigure({
        code: piece.code, language: piece.language, lineNumbers: piece.lineNumbers, sourceLine: line,
        deferred: mayDefer(env, map) ? () => markDeferred(env) : undefined,
      });
    case 'broken': {
      const link = `<span class="pc-broken-link"${attributes({ title: formatLabel(env.labels[piece.message.label], piece.message.value) })}>${escapeHtml(piece.source)}</span>`;
      return block ? `<p${attributes({ 'data-line': line })}>${link}</p>\n` : link;
    }
    case 'include': {
      const text = env.context.includes?.get(piece.path);
      const depth = (env[DEPTH] as number | undefined) ?? 0;
      if (text === undefined || depth >= MAX_INCLUDE_DEPTH) {
        // Missing (red) only when the file was looked for where Jekyll looks (the site's `_includes`,
        // the theme's when it is installed); an include inside an include was not read: a plain box.
        const site = jekyllSiteOf(env.context);
        const known = env.context.includes?.has(piece.path) === true && depth < MAX_INCLUDE_DEPTH && (site?.config.theme === undefined || site.themeRoot !== undefined);
        return tagBox(`include ${piece.file}`, 'include', block, line, known ? formatLabel(env.labels.fileNotFound, piece.path) : undefined);
      }
      // Jekyll writes the include's output into the post before kramdown reads it: it is Markdown
      // and HTML like the post's own, rendered (and sanitized) by the same rules.
      const nested: RenderEnv = { ...env, lineOffset: line ?? env.lineOffset, [INCLUDE]: piece.params, [DEPTH]: depth + 1 };
      return block ? md.render(text, nested) : md.renderInline(text.trim(), nested);
    }
    case 'markdown': {
      const nested: RenderEnv = { ...env, lineOffset: line ?? env.lineOffset, [LIQUID_DONE]: true };
      return block ? md.render(piece.text, nested) : md.renderInline(piece.text, nested);
    }
    case 'tag':
      return tagBox([piece.name, piece.markup].filter(Boolean).join(' '), piece.name, block, line, piece.failed ? formatLabel(env.labels.tagPlugin, piece.name) : undefined, piece.failed);
  }
}

/** A tag the preview cannot run: a quiet box (its own line) or chip (in a line) with its name and arguments. */
function tagBox(label: string, name: string, block: boolean, line: number | undefined, title?: string, failed = title !== undefined): string {
  const classes = `${block ? 'pc-tag-box' : 'pc-tag-inline'}${failed ? ' pc-tag-error' : ''}`;
  const element = block ? 'div' : 'span';
  return `<${element}${attributes({ class: classes, 'data-tag': name, 'data-line': block ? line : undefined, title })}><${element === 'div' ? 'div' : 'span'} class="pc-tag-label">${escapeHtml(label)}</${element === 'div' ? 'div' : 'span'}></${element}>${block ? '\n' : ''}`;
}

/**
 * What Liquid's `site`, `page` and `include` hold for this post: the configuration as written (with
 * `baseurl` and `url` empty by default), the front matter over the site's `defaults`, and what Jekyll
 * gives every post (its title from the file name, its date, slug, tags and categories, as the index read them).
 */
function liquidScope(env: RenderEnv): LiquidScope {
  const { context } = env;
  const site = jekyllSiteOf(context);
  const settings = site?.settings ?? {};
  const path = context.documentPath;
  const kind = site?.classify(path);
  const page = deepMerge(site && kind ? site.defaultsFor?.(path, kind) ?? {} : {}, env.frontMatter ?? {});
  const record = context.index?.post(path);
  if (record && kind !== 'page') {
    if (!rubyTruthy(page.title) && record.title) page.title = record.title;
    if (record.date) page.date = record.date;
    page.tags = [...record.tags];
    page.categories = record.categories.map((path) => path.join('/'));
  }
  if (site && kind && kind !== 'page' && page.slug === undefined) page.slug = site.postFileName(path).slug;
  if (site) page.path = relativeInside(site.sourceRoot, path) ?? basename(path);
  const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const siteData = { ...settings, baseurl: text(settings.baseurl), url: text(settings.url), time: context.now?.() ?? new Date(), posts: sitePosts(context, site) };
  const variables = new Map<string, unknown>([
    ['site', siteData],
    ['page', page],
    ['jekyll', { environment: 'development', version: '4.3.1' }],
  ]);
  const include = env[INCLUDE];
  if (include) variables.set('include', include);
  return { variables, timeZone: site?.config.timezone ?? '', baseurl: siteData.baseurl, url: siteData.url };
}

/** `site.posts`: the posts a build lists, newest first, with what a loop over them reads most (title, url as the file's path, date, tags). */
function sitePosts(context: RenderContext, site: JekyllSite | undefined): Array<Record<string, unknown>> {
  if (!site || !context.index) return [];
  const now = context.now?.() ?? new Date();
  return [...context.index.posts()]
    .filter((record) => record.kind !== 'page' && site.isListed(record, now))
    .sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0))
    .map((record) => {
      const relative = relativeInside(site.sourceRoot, record.path) ?? basename(record.path);
      return { title: record.title, url: `/${relative}`, path: relative, date: record.date, tags: [...record.tags], categories: record.categories.map((path) => path.join('/')), slug: site.postFileName(record.path).slug };
    });
}

/**
 * The URLs of `post_url` and `link`: the file's path from the site's source folder (which the preview
 * opens), as the index holds no permalinks; undefined for what Jekyll does not find (its build fails).
 */
function resolver(context: RenderContext): LiquidResolver {
  const site = jekyllSiteOf(context);
  return {
    postUrl(name) {
      if (!site || !context.index || name === '') return undefined;
      const wanted = name.replace(/^\/+/, '');
      for (const record of context.index.posts()) {
        if (record.kind !== 'post') continue;
        const relative = relativeInside(site.sourceRoot, record.path);
        const file = basename(record.path);
        if (!relative || file.slice(0, file.length - extname(file).length) !== basename(wanted)) continue;
        // `post_url dir/2024-01-01-x` names a post in `dir/_posts/` or `_posts/dir/`.
        const folder = dirname(wanted);
        if (folder !== '.' && folder !== '' && !`/${relative}`.includes(`/${folder}/`)) continue;
        return `/${relative}`;
      }
      return undefined;
    },
    link(path) {
      const relative = path.replace(/^\/+/, '');
      if (!site || relative === '') return site ? undefined : path;
      const absolute = joinPath(site.sourceRoot, relative);
      if (context.index?.post(absolute)) return `/${relative}`;
      if (context.includes?.has(absolute)) return context.includes.get(absolute) === undefined ? undefined : `/${relative}`;
      return `/${relative}`;
    },
    includePath(file, relative) {
      if (relative) return joinPath(dirname(context.documentPath), file);
      if (!site) return undefined;
      // Jekyll looks in the site's `_includes`, then in the theme gem's.
      const own = joinPath(site.sourceRoot, '_includes', file);
      const theme = site.themeRoot ? joinPath(site.themeRoot, '_includes', file) : undefined;
      return theme && context.includes?.get(own) === undefined && context.includes?.get(theme) !== undefined ? theme : own;
    },
  };
}

/** The files a body's `include`, `include_relative` and `link` tags name, read by the editor before rendering. */
function collectIncludes(body: string, context: RenderContext): string[] {
  if (!body.includes('{%')) return [];
  const site = jekyllSiteOf(context);
  const paths = new Set<string>();
  for (const token of scanLiquid(body)) {
    if (token.kind !== 'tag' || token.markup.includes('{{')) continue;
    const file = token.markup.trim().split(/\s+/)[0] ?? '';
    if (file === '' || file.split('/').includes('..')) continue;
    if (token.name === 'include_relative') paths.add(joinPath(dirname(context.documentPath), file));
    else if (token.name === 'include' && site) {
      paths.add(joinPath(site.sourceRoot, '_includes', file));
      if (site.themeRoot) paths.add(joinPath(site.themeRoot, '_includes', file));
    }
    else if (token.name === 'link' && site && !BINARY.test(file)) paths.add(joinPath(site.sourceRoot, token.markup.trim().replace(/^\/+/, '')));
  }
  return [...paths];
}
