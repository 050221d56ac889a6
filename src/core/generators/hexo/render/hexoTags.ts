import { findLinkedPost } from '../bodyLinks';
import type MarkdownIt from 'markdown-it';
import { basename, extname, joinPath } from '../../../path';
import type { PostRecord } from '../../../site/types';
import { asRenderEnv, markDeferred, mayDefer, ruleEnv, sourceLine, type RenderEnv } from '../../../render/env';
import { parseMarkedLines, renderCodeFigure } from '../../../render/highlight';
import { attributes, escapeHtml } from '../../../render/html';
import { formatLabel } from '../../../render/labels';
import { assetFolderOf, frameHtml, imageAttributes, linkAttributes, resolveImage } from '../../../render/resources';
import { sanitizeHtml } from '../../../render/sanitize';
import { endTagPattern, splitOptions, splitTagArgs, type TagCall } from '../../../render/tagArgs';
import type { RenderContext } from '../../../render/types';

/**
 * Hexo's built-in tag plugins (hexo `lib/plugins/tag/*.ts`) rendered for the preview, and any other
 * tag (a theme's `note`, `tabs`, …) shown as a neutral labelled box with its content, never as raw
 * `{% %}`. Block tags whose body is Markdown (`blockquote`, `pullquote`, unknown tags) are parsed
 * as nested blocks, so their lines keep source positions for scroll sync.
 */
const CODE_TAGS = new Set(['codeblock', 'code']);
const MARKDOWN_BLOCK_TAGS = new Set(['blockquote', 'quote', 'pullquote']);
const KNOWN_BLOCK_TAGS = new Set([...CODE_TAGS, ...MARKDOWN_BLOCK_TAGS, 'raw']);
/** Tags without an end tag that produce a block (a figure, a frame) when written on their own line. */
const SINGLE_BLOCK_TAGS = new Set(['include_code', 'include-code', 'iframe']);
const INLINE_TAGS = new Set([
  'post_link', 'post_path', 'asset_img', 'asset_image', 'asset_link', 'asset_path', 'img', 'image', 'link', 'a', 'anchor',
  'url_for', 'full_url_for', 'iframe', 'include_code', 'include-code',
]);
const CODE_OPTIONS = new Set(['lang', 'line_number', 'line_threshold', 'first_line', 'mark', 'wrap', 'highlight']);
/** Hexo's caption rules for the code tag (hexo `lib/plugins/tag/code.ts`). */
const CAPTION_URL_TITLE = /^(\S[\S\s]*?)\s+(https?:\/\/\S+|\/\/\S+)\s+(.+)$/i;
const CAPTION_URL = /^(\S[\S\s]*?)\s+(https?:\/\/\S+|\/\/\S+)$/i;
/** Hexo's link and img tags tell a URL from text with this test (simplified from their `rUrl`). */
const LOOKS_LIKE_URL = /^(?:[A-Za-z]{3,9}:(?:\/\/)?|www\.|\/\/)/;

const TAG_LINE = /^\{%-?\s*([A-Za-z_][\w-]*)([\s\S]*?)-?%\}\s*$/;

function readLineTag(line: string): TagCall | undefined {
  const match = TAG_LINE.exec(line);
  if (!match) return undefined;
  const argText = match[2].trim();
  // A line such as `{% a %} text {% b %}` is inline content, not one tag.
  if (/%\}/.test(argText)) return undefined;
  return { name: match[1], args: splitTagArgs(argText), argText };
}

function lineText(state: MarkdownIt.StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/** The line of the matching `{% endname %}`, counting nested tags of the same name. */
function findEndLine(state: MarkdownIt.StateBlock, name: string, startLine: number, endLine: number): number | undefined {
  const end = endTagPattern(name);
  const open = new RegExp(`^\\{%-?\\s*${name.replace(/-/g, '\\-')}(?:\\s|-?%\\})`);
  let depth = 1;
  const raw = name === 'raw';
  for (let line = startLine + 1; line < endLine; line++) {
    const text = lineText(state, line).trim();
    if (!text.startsWith('{%')) continue;
    if (!raw && open.test(text)) depth++;
    else if (end.test(text) && text.replace(end, '').trim() === '' && --depth === 0) return line;
  }
  return undefined;
}

function hexoTagBlock(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const env = asRenderEnv(state.env);
  if (!env.tagsEnabled) return false;
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== 0x7b || state.src.charCodeAt(start + 1) !== 0x25) return false;
  const call = readLineTag(lineText(state, startLine));
  if (!call || call.name.startsWith('end')) return false;
  const name = call.name;

  if (SINGLE_BLOCK_TAGS.has(name)) {
    if (silent) return true;
    const token = state.push('hexo_tag_single', '', 0);
    token.meta = call as unknown as Record<string, unknown>;
    token.map = [startLine, startLine + 1];
    token.block = true;
    state.line = startLine + 1;
    return true;
  }
  const endAt = findEndLine(state, name, startLine, endLine);
  if (endAt === undefined) {
    if (!KNOWN_BLOCK_TAGS.has(name)) return false; // a tag without end: inline
    if (silent) return true;
    const token = state.push('hexo_tag_unclosed', '', 0);
    token.meta = call as unknown as Record<string, unknown>;
    token.map = [startLine, startLine + 1];
    state.line = startLine + 1;
    return true;
  }
  if (silent) return true;
  if (CODE_TAGS.has(name) || name === 'raw') {
    const token = state.push('hexo_tag_content', '', 0);
    token.meta = call as unknown as Record<string, unknown>;
    token.content = state.getLines(startLine + 1, endAt, state.blkIndent, false);
    token.map = [startLine, endAt + 1];
    token.block = true;
  } else {
    const open = state.push('hexo_tag_open', 'div', 1);
    open.meta = call as unknown as Record<string, unknown>;
    open.map = [startLine, endAt + 1];
    open.block = true;
    const parentType = state.parentType;
    const lineMax = state.lineMax;
    state.parentType = 'blockquote';
    state.lineMax = endAt;
    state.md.block.tokenize(state, startLine + 1, endAt);
    state.parentType = parentType;
    state.lineMax = lineMax;
    const close = state.push('hexo_tag_close', 'div', -1);
    close.meta = call as unknown as Record<string, unknown>;
    close.block = true;
  }
  state.line = endAt + 1;
  return true;
}

const INLINE_TAG = /\{%-?\s*([A-Za-z_][\w-]*)([^%]*(?:%(?!\})[^%]*)*)-?%\}/y;

function hexoTagInline(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const env = asRenderEnv(state.env);
  if (!env.tagsEnabled) return false;
  const pos = state.pos;
  if (state.src.charCodeAt(pos) !== 0x7b || state.src.charCodeAt(pos + 1) !== 0x25) return false;
  INLINE_TAG.lastIndex = pos;
  const match = INLINE_TAG.exec(state.src);
  if (!match || match.index + match[0].length > state.posMax) return false;
  const name = match[1];
  const argText = match[2].trim();
  const call: TagCall = { name, args: splitTagArgs(argText), argText };
  const after = pos + match[0].length;
  if (!INLINE_TAGS.has(name) && !name.startsWith('end')) {
    // A paired tag within the paragraph: `{% raw %}…{% endraw %}`, `{% label %}…{% endlabel %}`.
    const end = endTagPattern(name);
    const rest = state.src.slice(after, state.posMax);
    const endMatch = end.exec(rest);
    if (endMatch) {
      if (!silent) {
        if (name === 'raw') {
          // Hexo writes a raw block's content out untouched: HTML stays HTML (sanitized here).
          const token = state.push('html_inline', '', 0);
          token.content = rest.slice(0, endMatch.index);
        } else {
          const open = state.push('hexo_inline_open', 'span', 1);
          open.meta = call as unknown as Record<string, unknown>;
          const posMax = state.posMax;
          state.pos = after;
          state.posMax = after + endMatch.index;
          state.md.inline.tokenize(state);
          state.posMax = posMax;
          const close = state.push('hexo_inline_close', 'span', -1);
          close.meta = call as unknown as Record<string, unknown>;
        }
      }
      state.pos = after + endMatch.index + endMatch[0].length;
      return true;
    }
  }
  if (!silent) {
    const token = state.push('hexo_tag_inline', '', 0);
    token.meta = call as unknown as Record<string, unknown>;
  }
  state.pos = after;
  return true;
}

export function hexoTagsPlugin(md: MarkdownIt.MarkdownIt): void {
  md.block.ruler.before('html_block', 'hexo_tag', hexoTagBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('html_inline', 'hexo_tag_inline', hexoTagInline);
  const rules = md.renderer.rules;
  rules.hexo_tag_single = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) =>
    `<div class="pc-tag-block"${attributes({ 'data-line': sourceLine(env, tokens[idx].map as [number, number]) })}>${renderSingleTag(tokens[idx].meta as unknown as TagCall, env)}</div>\n`);
  rules.hexo_tag_inline = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => renderSingleTag(tokens[idx].meta as unknown as TagCall, env));
  rules.hexo_tag_unclosed = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => {
    const call = tokens[idx].meta as unknown as TagCall;
    const message = formatLabel(env.labels.unclosedTag, `{% ${call.name} %}`, `{% end${call.name} %}`);
    return `<div class="pc-tag-box pc-tag-error" role="note"${attributes({ 'data-line': sourceLine(env, tokens[idx].map as [number, number]) })}>${escapeHtml(message)}</div>\n`;
  });
  rules.hexo_tag_content = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => {
    const token = tokens[idx];
    const call = token.meta as unknown as TagCall;
    const line = sourceLine(env, token.map as [number, number]);
    if (call.name === 'raw') {
      return `<div class="pc-raw"${attributes({ 'data-line': line })}>${sanitizeHtml(token.content, env.policy)}</div>\n`;
    }
    return renderCodeTag(call, token.content, token.map, env);
  });
  rules.hexo_tag_open = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => openMarkdownTag(tokens[idx].meta as unknown as TagCall, sourceLine(env, tokens[idx].map as [number, number]), env));
  rules.hexo_tag_close = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => closeMarkdownTag(tokens[idx].meta as unknown as TagCall, env));
  rules.hexo_inline_open = (tokens, idx) => {
    const call = tokens[idx].meta as unknown as TagCall;
    return `<span class="pc-tag-inline"${attributes({ 'data-tag': call.name })}><span class="pc-tag-label">${escapeHtml([call.name, call.argText].filter(Boolean).join(' '))}</span>`;
  };
  rules.hexo_inline_close = () => '</span>';
}

function renderCodeTag(call: TagCall, content: string, map: [number, number] | null, env: RenderEnv): string {
  const line = sourceLine(env, map);
  const { options, rest } = splitOptions(call.args, CODE_OPTIONS);
  const caption = rest.join(' ');
  let title = caption;
  let url: string | undefined;
  let linkText: string | undefined;
  const full = CAPTION_URL_TITLE.exec(caption);
  const short = full ? undefined : CAPTION_URL.exec(caption);
  if (full) [, title, url, linkText] = full;
  else if (short) [, title, url] = short;
  const firstLine = Number.parseInt(options.get('first_line') ?? '1', 10);
  return renderCodeFigure({
    code: content,
    language: options.get('lang'),
    title: title || undefined,
    url,
    linkText: linkText ?? (url ? 'link' : undefined),
    lineNumbers: options.get('line_number') !== 'false',
    firstLine: Number.isNaN(firstLine) ? 1 : firstLine,
    marked: parseMarkedLines(options.get('mark')),
    wrap: options.get('wrap') === 'true',
    highlight: options.get('highlight') !== 'false',
    sourceLine: line,
    safeUrl: (href) => linkAttributes(href, env.context)?.href,
    deferred: mayDefer(env, map) ? () => markDeferred(env) : undefined,
  });
}

function openMarkdownTag(call: TagCall, line: number | undefined, env: RenderEnv): string {
  const lineAttribute = attributes({ 'data-line': line });
  if (call.name === 'pullquote') {
    const classes = call.args.map((item) => item.replace(/[^\w-]/g, '')).filter(Boolean);
    return `<blockquote class="${['pullquote', ...classes].join(' ')}"${lineAttribute}>\n`;
  }
  if (call.name === 'blockquote' || call.name === 'quote') return `<blockquote class="pc-blockquote"${lineAttribute}>\n`;
  const label = [call.name, call.argText].filter(Boolean).join(' ');
  return `<div class="pc-tag-box"${attributes({ 'data-tag': call.name, 'data-line': line })}><div class="pc-tag-label">${escapeHtml(formatLabel(env.labels.tagPlugin, label))}</div>\n`;
}

function closeMarkdownTag(call: TagCall, env: RenderEnv): string {
  if (call.name === 'blockquote' || call.name === 'quote') return `${blockquoteFooter(call.args, env)}</blockquote>\n`;
  if (call.name === 'pullquote') return '</blockquote>\n';
  return '</div>\n';
}

/** `{% blockquote [author[, source]] [link] [source_link_title] %}` (hexo `lib/plugins/tag/blockquote.ts`). */
function blockquoteFooter(args: readonly string[], env: RenderEnv): string {
  const text = args.join(' ').trim();
  if (!text) return '';
  let author = '';
  let source = '';
  let url = '';
  const full = /^(\S.*?)\s+(https?:\/\/\S+)\s+(.+)$/i.exec(text);
  const withLink = full ? undefined : /^(\S.*?)\s+(https?:\/\/\S+)$/i.exec(text);
  if (full) [, author, url, source] = full;
  else if (withLink) {
    [, author, url] = withLink;
    // Hexo shows the link without its protocol and trailing slash as the source.
    source = url.replace(/^https?:\/\/|\/$/g, '');
  } else {
    const comma = text.indexOf(',');
    if (comma >= 0) {
      author = text.slice(0, comma).trim();
      source = text.slice(comma + 1).trim();
    } else {
      author = text;
    }
  }
  const href = url ? linkAttributes(url, env.context)?.href : undefined;
  const cite = source ? `<cite>${href ? `<a${attributes({ href })}>${escapeHtml(source)}</a>` : escapeHtml(source)}</cite>` : '';
  return `<footer>${author ? `<strong>${escapeHtml(author)}</strong>` : ''}${cite}</footer>\n`;
}

/** A tag without an end tag, inline or on its own line. */
export function renderSingleTag(call: TagCall, env: RenderEnv): string {
  const { context, labels } = env;
  switch (call.name) {
    case 'post_link':
    case 'post_path': {
      const [slug = '', ...rest] = call.args;
      const post = findPost(slug, context);
      if (!post) return `<span class="pc-broken-link"${attributes({ title: formatLabel(labels.postNotFound, slug) })}>${escapeHtml(slug)}</span>`;
      const text = call.name === 'post_link' ? (rest.filter((arg) => arg !== 'true' && arg !== 'false').join(' ') || post.title || slug) : slug;
      return `<a class="pc-post-link"${attributes({ href: `#${slug}`, 'data-pc-open': post.path, title: post.title })}>${escapeHtml(text)}</a>`;
    }
    case 'asset_img':
    case 'asset_image':
      return renderImage([...call.args], env, true);
    case 'img':
    case 'image':
      return renderImage([...call.args], env, false);
    case 'asset_link': {
      const [slug = '', ...rest] = call.args;
      const folder = assetFolderOf(context);
      const path = folder ? joinPath(folder, slug) : undefined;
      const text = rest.filter((arg) => arg !== 'true' && arg !== 'false').join(' ') || slug;
      return `<a class="pc-asset-link"${attributes({ href: path ? context.resourceUrl(path) : slug, title: text })}>${escapeHtml(text)}</a>`;
    }
    case 'asset_path': {
      const folder = assetFolderOf(context);
      const slug = call.args[0] ?? '';
      return `<code class="pc-asset-path">${escapeHtml(folder ? `${basename(folder)}/${slug}` : slug)}</code>`;
    }
    case 'link':
    case 'a':
    case 'anchor':
      return renderLinkTag(call.args, env);
    case 'url_for':
    case 'full_url_for': {
      const [text = '', path = ''] = call.args;
      const href = linkAttributes(path, context);
      return `<a${attributes({ href: href?.href, 'data-pc-open': href?.['data-pc-open'] })}>${escapeHtml(text || path)}</a>`;
    }
    case 'iframe':
      return frameHtml(call.args[0] ?? '', labels.frame);
    case 'include_code':
    case 'include-code':
      return renderIncludeCode(call, env);
    default: {
      const label = [call.name, call.argText].filter(Boolean).join(' ');
      return `<span class="pc-tag-chip"${attributes({ 'data-tag': call.name })}>${escapeHtml(label)}</span>`;
    }
  }
}

/**
 * `{% img [class names] /path/to/image [width] [height] '"title text" "alt text"' %}` (hexo
 * `lib/plugins/tag/img.ts`); `asset_img` takes the image from the post's asset folder and then reads
 * the same arguments (hexo `lib/plugins/tag/asset_img.ts`).
 */
function renderImage(args: string[], env: RenderEnv, fromAssets: boolean): string {
  const classes: string[] = [];
  let src: string | undefined;
  while (args.length) {
    const item = args.shift()!;
    const isSource = fromAssets ? /\.[A-Za-z0-9]{2,5}$/.test(item) || !args.length : LOOKS_LIKE_URL.test(item) || item.startsWith('/');
    if (isSource) {
      src = item;
      break;
    }
    classes.push(item);
  }
  if (src === undefined) return `<span class="pc-tag-chip">${escapeHtml(['img', ...classes].join(' '))}</span>`;
  let width: string | undefined;
  let height: string | undefined;
  if (args.length && /^\d+$/.test(args[0])) {
    width = args.shift();
    if (args.length && /^\d+$/.test(args[0])) height = args.shift();
  }
  const meta = args.join(' ');
  const parsed = /^["']?([^"']+)?["']?\s*["']?([^"']+)?["']?/.exec(meta);
  const title = parsed?.[1]?.trim() || undefined;
  const alt = parsed?.[2]?.trim() || title;
  const folder = fromAssets ? assetFolderOf(env.context) : undefined;
  const resolved = fromAssets && folder
    ? { src: env.context.resourceUrl(joinPath(folder, decodeURISafe(src))), path: joinPath(folder, decodeURISafe(src)) }
    : resolveImage(src, env.context);
  const image = imageAttributes(resolved, src);
  return `<img${attributes({ class: classes.map((name) => name.replace(/[^\w-]/g, '')).filter(Boolean).join(' ') || undefined, ...image, width, height, title, alt: alt ?? '', loading: 'lazy' })}>`;
}

function decodeURISafe(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value; // a stray `%` in the writer's path: used as written
  }
}

/** `{% link text url [external] [title] %}` (hexo `lib/plugins/tag/link.ts`). */
function renderLinkTag(args: readonly string[], env: RenderEnv): string {
  const text: string[] = [];
  let url = '';
  let index = 0;
  for (; index < args.length; index++) {
    if (LOOKS_LIKE_URL.test(args[index])) {
      url = args[index];
      break;
    }
    text.push(args[index]);
  }
  const rest = args.slice(index + 1);
  if (rest[0] === 'true' || rest[0] === 'false') rest.shift();
  const title = rest.join(' ') || undefined;
  const link = linkAttributes(url, env.context);
  return `<a${attributes({ href: link?.href, title })}>${escapeHtml(text.join(' ') || url)}</a>`;
}

/** Hexo's `code_dir` default; `{% include_code %}` paths are relative to `source/<code_dir>`. */
const CODE_DIR = 'downloads/code';
const INCLUDE_OPTIONS = new Set(['lang', 'from', 'to']);

function includePath(call: TagCall, context: RenderContext): { path: string; title: string; options: Map<string, string> } | undefined {
  const { options, rest } = splitOptions(call.args, INCLUDE_OPTIONS);
  const file = rest.pop();
  if (!file || !context.site) return undefined;
  return { path: joinPath(context.site.sourceRoot, CODE_DIR, file), title: rest.join(' ') || basename(file), options };
}

function renderIncludeCode(call: TagCall, env: RenderEnv): string {
  const include = includePath(call, env.context);
  if (!include) return `<span class="pc-tag-chip">${escapeHtml(`include_code ${call.argText}`)}</span>`;
  const text = env.context.includes?.get(include.path);
  if (text === undefined) {
    return `<span class="pc-tag-box pc-tag-error" role="note">${escapeHtml(formatLabel(env.labels.fileNotFound, include.path))}</span>`;
  }
  const lines = text.split('\n');
  const from = Math.max(1, Number.parseInt(include.options.get('from') ?? '1', 10) || 1);
  const to = Math.min(lines.length, Number.parseInt(include.options.get('to') ?? String(lines.length), 10) || lines.length);
  const language = include.options.get('lang') ?? extname(include.path).slice(1);
  return renderCodeFigure({
    code: lines.slice(from - 1, to).join('\n'),
    language,
    title: include.title,
    lineNumbers: true,
    firstLine: from,
  });
}

/** The files `{% include_code %}` tags of `body` read, so the editor can load them before rendering. */
export function collectIncludes(body: string, context: RenderContext): string[] {
  const paths: string[] = [];
  if (!body.includes('include_code') && !body.includes('include-code')) return paths;
  for (const match of body.matchAll(/\{%-?\s*(include_code|include-code)\s([^%]*)%\}/g)) {
    const include = includePath({ name: match[1], args: splitTagArgs(match[2].trim()), argText: match[2].trim() }, context);
    if (include) paths.push(include.path);
  }
  return paths;
}

/** `post_link`'s lookup, as the rules and the editor's links make it (see `findLinkedPost`). */
export function findPost(slug: string, context: RenderContext): PostRecord | undefined {
  return context.index && slug ? findLinkedPost(slug, context.index) : undefined;
}
