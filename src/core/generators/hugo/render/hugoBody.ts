import type MarkdownIt from 'markdown-it';
import { AUTOLINK_RULE, linkTextRule } from '../../../render/autolink';
import { asRenderEnv, sourceLine, type RenderEnv } from '../../../render/env';
import { renderCodeFigure, parseMarkedLines } from '../../../render/highlight';
import { attributes, escapeHtml } from '../../../render/html';
import { formatLabel } from '../../../render/labels';
import type { RenderContext } from '../../../render/types';
import type { BodySyntax } from '../../generator';
import { HUGO_DEFAULT_CONFIG, type HugoConfig } from '../hugoConfig';
import { HugoSite } from '../hugoSite';
import { goPrint, pageParam, shortcodeParam } from '../params';
import { refTarget } from '../refs';
import { scanShortcodes, shortcodeArg, type ShortcodeToken } from '../shortcodes';
import { definitionListPlugin } from './definitionList';
import { findGoldmarkLinks } from './goldmarkLinkify';

/**
 * Hugo's shortcodes in the preview. Hugo runs them before Markdown; the preview reads a shortcode that
 * starts a line as a block (with the content up to its closing shortcode), one inside a line as an
 * inline label, and writes `ref`/`relref` as the link to the page (so `[x]({{< ref "a.md" >}})` is a
 * link that opens `a.md`). Built-ins render as a reader sees them; the site's own show as labelled
 * boxes with their content, as Postcraft cannot run Go templates.
 */
export const hugoBodySyntax: BodySyntax = {
  markdownPlugin: hugoShortcodesPlugin,
  collectIncludes: () => [],
  // A paired shortcode may span blank lines: such a body is rendered whole.
  unsplittable: /\{\{[<%]\s*\//,
  headingId: goldmarkHeadingId,
  mathEnabled: siteEnablesMath,
  // `param` reads the front matter, which a section's text does not show.
  uncacheable: /\{\{[<%]\s*param\b/,
};

/** The configuration of the post's Hugo site, or Hugo's defaults for a post outside one. */
function hugoConfigOf(context: RenderContext): HugoConfig {
  return context.site instanceof HugoSite ? context.site.config : HUGO_DEFAULT_CONFIG;
}

/**
 * Hugo 0.111's Goldmark has no math (no passthrough extension: `$x$` stays text, measured); themes
 * load KaTeX or MathJax when the page's or the site's `math` param is true, as `.Param "math"` reads it.
 */
function siteEnablesMath(frontMatter: Readonly<Record<string, unknown>>, context: RenderContext): boolean {
  return pageParam(frontMatter, hugoConfigOf(context).params, 'math') === true;
}

/**
 * Goldmark's heading ids as Hugo 0.111 makes them (`autoHeadingIDType = "github"`, measured with
 * hugo): from the heading's source text (before the typographer turns `---` into a dash), letters
 * and digits lower-cased, each space and `-` a `-`, `_` kept, anything else dropped (a tab too);
 * nothing left gives `heading`. Repeats are numbered `-1`, `-2` by the shared renderer.
 */
export function goldmarkHeadingId(text: string): string {
  let id = '';
  for (const char of text) {
    if (/[\p{L}\p{N}\p{M}]/u.test(char)) id += char.toLowerCase();
    else if (char === '-' || char === ' ') id += '-';
    else if (char === '_') id += '_';
  }
  return id || 'heading';
}

/** `## Title {#custom-id}`: Hugo's heading attribute gives the id; the attribute is not shown. */
function headingAttributes(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].type !== 'heading_open') continue;
    const children = tokens[i + 1].children ?? [];
    const last = children[children.length - 1];
    const match = last && last.type === 'text' ? /\s*\{#([\w-]+)[^}]*\}\s*$/.exec(last.content) : null;
    if (!last || !match) continue;
    last.content = last.content.slice(0, match.index);
    tokens[i + 1].content = tokens[i + 1].content.replace(/\s*\{#[\w-]+[^}]*\}\s*$/, '');
    tokens[i].attrSet('id', match[1]);
  }
}

interface ShortcodeBlock {
  readonly token: ShortcodeToken;
  /** The content between the shortcode and its closing one, and the body line it starts on. */
  readonly inner?: string;
  readonly innerLine?: number;
}

function hugoShortcodesPlugin(md: MarkdownIt.MarkdownIt): void {
  md.core.ruler.after('normalize', 'hugo_refs', (state) => {
    if (state.src.includes('ref')) state.src = writeRefs(state.src, asRenderEnv(state.env));
    if (state.src.includes('param')) state.src = writeParams(state.src, asRenderEnv(state.env));
  });
  // Goldmark's `hardWraps` is off by default: a line break in a paragraph is a space, not Hexo's <br>.
  md.set({ breaks: false });
  md.use(definitionListPlugin, (env: unknown) => hugoConfigOf(asRenderEnv(env).context).goldmark.definitionList);
  // Goldmark's linkify in place of Hexo's autolinks, as the site configures it.
  md.core.ruler.at(AUTOLINK_RULE, (state) => {
    const { linkify, linkifyProtocol } = hugoConfigOf(asRenderEnv(state.env).context).goldmark;
    if (linkify) linkTextRule(md, (text) => findGoldmarkLinks(text, linkifyProtocol))(state);
  });
  md.block.ruler.before('html_block', 'hugo_shortcode', shortcodeBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('html_inline', 'hugo_shortcode_inline', shortcodeInline);
  md.core.ruler.push('hugo_heading_attributes', headingAttributes);
  // Without `markup.goldmark.renderer.unsafe`, Hugo leaves raw HTML out (measured: block and inline,
  // comments too; the text between inline tags stays). PC516 tells the writer.
  md.core.ruler.push('hugo_raw_html_omitted', (state) => {
    if (hugoConfigOf(asRenderEnv(state.env).context).goldmark.unsafe) return;
    state.tokens = state.tokens.filter((token) => token.type !== 'html_block');
    for (const token of state.tokens) if (token.children) token.children = token.children.filter((child) => child.type !== 'html_inline');
  });
  md.core.ruler.push('hugo_commented_shortcodes', (state) => {
    // A commented shortcode is written out as the shortcode itself.
    for (const block of state.tokens) {
      for (const child of block.children ?? []) {
        if (child.type === 'text' && child.content.includes('/*')) child.content = child.content.replace(/\{\{([<%])\s*\/\*\s*([\s\S]*?)\s*\*\/\s*([>%])\}\}/g, '{{$1 $2 $3}}');
      }
    }
  });
  md.renderer.rules.hugo_shortcode = (tokens, idx, _options, rawEnv) => {
    const env = asRenderEnv(rawEnv);
    const block = tokens[idx].meta as unknown as ShortcodeBlock;
    return renderBlock(md, block, sourceLine(env, tokens[idx].map as [number, number]), env);
  };
  md.renderer.rules.hugo_shortcode_inline = (tokens, idx, _options, rawEnv) => {
    const token = tokens[idx].meta as unknown as ShortcodeToken;
    if (token.name === 'param' && !token.closing) return missingParam(token, asRenderEnv(rawEnv));
    return `<span class="pc-tag-inline"${attributes({ 'data-tag': token.name })}><span class="pc-tag-label">${escapeHtml(label(token))}</span></span>`;
  };
}

/** `{{< ref "a.md" >}}` as the path of the page it names (from the content folder), on the same line. */
function writeRefs(src: string, env: RenderEnv): string {
  const { context } = env;
  const site = context.site instanceof HugoSite ? context.site : undefined;
  return src.replace(/\{\{([<%])\s*(rel)?ref\s+("[^"\n]*"|`[^`\n]*`|[^\s>%]+)\s*[>%]\}\}/g, (whole, _delimiter: string, _rel: string, quoted: string) => {
    const target = quoted.replace(/^["`]|["`]$/g, '');
    if (!site || !context.index) return target;
    const found = refTarget(site, context.index, context.documentPath, target);
    if (found === undefined) return whole;
    const anchor = target.includes('#') ? target.slice(target.indexOf('#')) : '';
    // From the content folder (a leading `/`), which the preview's links resolve against.
    return found === '' ? anchor || '#' : `/${found}${anchor}`;
  });
}

/**
 * `{{< param "key" >}}` as the value Hugo prints (`param.html`: the page's `.Param`), on the same
 * line: with `%` as Markdown, with `<` as text. A key Hugo finds nothing for (or a false, 0 or "")
 * fails its build: the shortcode stays, and renders as a broken link.
 */
function writeParams(src: string, env: RenderEnv): string {
  const siteParams = hugoConfigOf(env.context).params;
  return src.replace(/\{\{([<%])\s*param\s+("[^"\n]*"|`[^`\n]*`|[^\s>%]+)\s*([>%])\}\}/g, (whole, open: string, quoted: string, close: string) => {
    if ((open === '<') !== (close === '>')) return whole;
    const value = shortcodeParam(env.frontMatter ?? {}, siteParams, quoted.replace(/^["`]|["`]$/g, ''));
    if (value === undefined) return whole;
    const text = goPrint(value).replace(/\r?\n/g, ' ');
    return open === '%' ? text : text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
  });
}

function shortcodeBlock(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== 0x7b || state.src.charCodeAt(start + 1) !== 0x7b) return false;
  const scan = scanShortcodes(state.src, start);
  const first = scan.tokens[0];
  if (!first || first.start !== start || first.closing) return false;
  // The closing shortcode of the same name, nesting counted; without one, the shortcode alone.
  let depth = 0;
  let closing: ShortcodeToken | undefined;
  if (!first.selfClosing) {
    for (const token of scan.tokens.slice(1)) {
      if (token.name !== first.name || token.selfClosing) continue;
      if (!token.closing) depth++;
      else if (depth-- === 0) {
        closing = token;
        break;
      }
    }
  }
  const last = closing ?? first;
  let line = startLine;
  while (line < endLine && state.eMarks[line] < last.end) line++;
  if (line >= endLine) line = endLine - 1;
  // Only what the line holds after the shortcode may follow it: a block ends at its line.
  if (state.src.slice(last.end, state.eMarks[line]).trim() !== '') return false;
  if (silent) return true;
  const token = state.push('hugo_shortcode', '', 0);
  const innerStart = first.end + (state.src[first.end] === '\n' ? 1 : 0);
  const block: ShortcodeBlock = closing
    ? { token: first, inner: state.src.slice(innerStart, closing.start).replace(/\n$/, ''), innerLine: lineOf(state, innerStart, startLine) }
    : { token: first };
  token.meta = block as unknown as Record<string, unknown>;
  token.map = [startLine, line + 1];
  token.block = true;
  state.line = line + 1;
  return true;
}

function lineOf(state: MarkdownIt.StateBlock, offset: number, from: number): number {
  let line = from;
  while (line < state.lineMax && state.eMarks[line] < offset) line++;
  return line;
}

function shortcodeInline(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x7b || (src[pos + 2] !== '<' && src[pos + 2] !== '%')) return false;
  const first = scanShortcodes(src.slice(pos, pos + 2000)).tokens[0];
  if (!first || first.start !== 0) return false;
  if (!silent) {
    const token = state.push('hugo_shortcode_inline', '', 0);
    token.meta = first as unknown as Record<string, unknown>;
  }
  state.pos = pos + first.end;
  return true;
}

/** A `param` shortcode writeParams left: Hugo fails the build on it (`Param "x" not found`). */
function missingParam(token: ShortcodeToken, env: RenderEnv): string {
  const message = formatLabel(env.labels.paramNotFound, token.args[0] ?? '');
  return `<span class="pc-broken-link"${attributes({ title: message })}>${escapeHtml(label(token))}</span>`;
}

function label(token: ShortcodeToken): string {
  return [(token.closing ? '/' : '') + token.name, ...token.args].join(' ');
}

function renderBlock(md: MarkdownIt.MarkdownIt, block: ShortcodeBlock, line: number | undefined, env: RenderEnv): string {
  const { token } = block;
  const dataLine = attributes({ 'data-line': line });
  // A `param` alone on its line that writeParams left, in its paragraph as Hugo writes the value.
  if (token.name === 'param' && !token.closing) return `<p${dataLine}>${missingParam(token, env)}</p>\n`;
  switch (token.name) {
    case 'figure': {
      const src = shortcodeArg(token, 'src') ?? '';
      const alt = shortcodeArg(token, 'alt') ?? '';
      const caption = [shortcodeArg(token, 'title'), shortcodeArg(token, 'caption')].filter(Boolean).join(' ');
      const image = env.policy.image(src);
      return `<figure class="pc-figure"${dataLine}><img${attributes({ ...image, alt })}>`
        + (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '') + '</figure>\n';
    }
    case 'highlight': {
      // `highlight go "linenos=table,hl_lines=3"`: the options are the second argument, a `key=value` list.
      const options = shortcodeArg(token, 'options') ?? token.args[1] ?? '';
      const lines = /hl_lines=["']?([\d\s-]+)/.exec(options)?.[1];
      return renderCodeFigure({
        code: block.inner ?? '', language: shortcodeArg(token, 'lang', 0) ?? '', sourceLine: line,
        lineNumbers: /linenos=(?:table|inline|true)/.test(options), marked: lines ? parseMarkedLines(lines.trim().replace(/\s+/g, ',')) : undefined,
      });
    }
    case 'youtube':
    case 'vimeo':
    case 'gist':
    case 'tweet':
    case 'twitter':
    case 'instagram': {
      const url = embedUrl(token);
      return `<div class="pc-tag-block"${dataLine}>${url ? env.policy.frame(url) : escapeHtml(label(token))}</div>\n`;
    }
    default: {
      // The site's own shortcode (or one Postcraft cannot run): its name and arguments, and its content.
      const inner = block.inner === undefined ? '' : md.render(block.inner, { ...env, lineOffset: env.lineOffset + (block.innerLine ?? 0) });
      return `<div class="pc-tag-box"${attributes({ 'data-tag': token.name, 'data-line': line })}><div class="pc-tag-label">${escapeHtml(label(token))}</div>${inner}</div>\n`;
    }
  }
}

/** Where an embedding built-in points, from its id arguments. */
function embedUrl(token: ShortcodeToken): string | undefined {
  const id = shortcodeArg(token, 'id', 0);
  switch (token.name) {
    case 'youtube': return id ? `https://www.youtube.com/watch?v=${encodeURIComponent(id)}` : undefined;
    case 'vimeo': return id ? `https://vimeo.com/${encodeURIComponent(id)}` : undefined;
    case 'instagram': return id ? `https://www.instagram.com/p/${encodeURIComponent(id)}/` : undefined;
    case 'gist': {
      const user = shortcodeArg(token, 'user', 0);
      const gist = shortcodeArg(token, 'id', 1);
      return user && gist ? `https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(gist)}` : undefined;
    }
    default: {
      const user = shortcodeArg(token, 'user', 0);
      const status = shortcodeArg(token, 'id', 1);
      return user && status ? `https://twitter.com/${encodeURIComponent(user)}/status/${encodeURIComponent(status)}` : undefined;
    }
  }
}
