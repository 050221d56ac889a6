import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { autolinkPlugin } from './autolink';
import { asRenderEnv, markDeferred, mayDefer, ruleEnv, sourceLine, type RenderEnv } from './env';
import { plainTokens } from './plainTokens';
import { renderCodeFigure } from './highlight';
import { attributes, escapeHtml } from './html';
import { mathPlugin } from './math';
import { imageAttributes, linkAttributes, resolveImage } from './resources';
import { sanitizeHtml } from './sanitize';
import { smartypantsPlugin } from './smartypants';
import { slugize } from '../text/slugize';
import type { BodySyntax } from '../generators/generator';
import { bodySyntaxOf } from './types';

/**
 * The Markdown engine of the preview: markdown-it configured like Hexo's default renderer
 * (hexo-renderer-marked: GFM, `breaks: true`, its autolinks), plus footnotes, task lists, heading
 * anchors as Hexo writes them, KaTeX math, highlight.js, Hexo tag plugins, source-line attributes
 * for scroll sync, and the sanitizer on every piece of raw HTML.
 */
const MORE = /<!-- ?more ?-->/i;

function sourceLinesRule(state: MarkdownIt.StateCore): void {
  const env = asRenderEnv(state.env);
  for (const token of state.tokens) {
    if (token.map && token.nesting === 1 && token.block) token.attrSet('data-line', String(token.map[0] + env.lineOffset));
  }
}

/** A heading's id before numbering, as the post's generator makes it. */
export function headingBase(env: RenderEnv, text: string, source = text, children?: readonly MarkdownIt.Token[]): string {
  const made = bodySyntaxOf(env.context)?.headingId;
  return made ? made(source, children) : slugize(text) || 'section';
}

function headingRule(state: MarkdownIt.StateCore): void {
  const env = asRenderEnv(state.env);
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'heading_open') continue;
    const inline = tokens[i + 1];
    const text = (inline.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content).join('').trim();
    const base = headingBase(env, text, inline.content, inline.children ?? []);
    const seen = env.slugs.get(base) ?? 0;
    env.slugs.set(base, seen + 1);
    // An id the writer gave (Hugo's `{#id}`, set by the body syntax) stands as written.
    const written = token.attrGet('id');
    const id = typeof written === 'string' ? written : seen ? `${base}-${seen}` : base;
    // An empty id (kramdown's for a header of emoji alone) is no attribute.
    if (id !== '') token.attrSet('id', id);
    env.headings.push({ level: Number(token.tag.slice(1)), text, id, line: sourceLine(env, token.map as [number, number]) ?? 0 });
    env.headingBases?.push(base);
  }
}

const TASK = /^\[([ xX])\][ \t]/;

function taskListRule(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i];
    if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') continue;
    const first = inline.children?.[0];
    const match = first && first.type === 'text' ? TASK.exec(first.content) : null;
    if (!first || !match) continue;
    first.content = first.content.slice(match[0].length);
    const box = new state.Token('task_checkbox', 'input', 0);
    box.meta = { checked: match[1] !== ' ' };
    inline.children!.unshift(box);
    tokens[i - 2].attrJoin('class', 'pc-task');
  }
}

/**
 * The preview's markdown-it. `stockTokens` keeps markdown-it's own token class (for the test that
 * holds the two token streams equal); the preview uses plain tokens (plainTokens.ts).
 */
export function createPreviewMarkdown(options: { readonly stockTokens?: boolean; readonly syntax?: BodySyntax } = {}): MarkdownIt.MarkdownIt {
  // Autolinks as Hexo makes them (autolink.ts), not markdown-it's linkify.
  const md = new MarkdownIt({ html: true, linkify: false, breaks: true, typographer: false });
  if (!options.stockTokens) plainTokens(md);
  md.use(autolinkPlugin);
  md.use(smartypantsPlugin);
  md.use(footnote);
  md.use(mathPlugin);
  if (options.syntax) md.use(options.syntax.markdownPlugin);
  md.core.ruler.push('pc_source_lines', sourceLinesRule);
  md.core.ruler.push('pc_headings', headingRule);
  md.core.ruler.push('pc_task_lists', taskListRule);
  const rules = md.renderer.rules;

  rules.task_checkbox = (tokens, idx) => `<input type="checkbox" class="pc-task-box" disabled${(tokens[idx].meta as { checked: boolean }).checked ? ' checked' : ''}> `;

  rules.fence = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => {
    const token = tokens[idx];
    // Hexo's backtick code block reads "```lang title url link text" (hexo backtick_code_block filter).
    const [language = '', ...caption] = token.info.trim().split(/\s+/);
    const captionText = caption.join(' ');
    const url = /(?:^|\s)(https?:\/\/\S+)(?:\s+(.+))?$/.exec(captionText);
    const line = sourceLine(env, token.map as [number, number]);
    return renderCodeFigure({
      code: token.content,
      language,
      title: (url ? captionText.slice(0, url.index) : captionText).trim() || undefined,
      url: url?.[1],
      linkText: url?.[2],
      sourceLine: line,
      safeUrl: (href) => linkAttributes(href, env.context)?.href,
      deferred: mayDefer(env, token.map) ? () => markDeferred(env) : undefined,
    });
  });
  rules.code_block = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) =>
    `<pre class="pc-code-indented"${attributes({ 'data-line': sourceLine(env, tokens[idx].map as [number, number]) })}><code>${escapeHtml(tokens[idx].content)}</code></pre>\n`);

  rules.code_inline = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => {
    let content = tokens[idx].content;
    // Hexo runs tags inside inline code too: `{% raw %}{{ x }}{% endraw %}` shows as `{{ x }}`.
    if (env.tagsEnabled) content = content.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, '$1');
    return `<code>${escapeHtml(content)}</code>`;
  });

  rules.html_block = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => {
    const token = tokens[idx];
    if (MORE.test(token.content)) return moreDivider(env, sourceLine(env, token.map as [number, number])) + sanitizeHtml(token.content, env.policy);
    return sanitizeHtml(token.content, env.policy);
  });
  rules.html_inline = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => {
    const content = tokens[idx].content;
    if (MORE.test(content)) return moreDivider(env, undefined, true);
    return sanitizeHtml(content, env.policy);
  });

  rules.image = (tokens, idx, _options, rawEnv) => ruleEnv(rawEnv, (env) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const title = token.attrGet('title')?.toString();
    const alt = token.children ? md.renderer.renderInlineAsText(token.children, md.options, env) : token.content;
    return `<img${attributes({ ...imageAttributes(resolveImage(src, env.context), src), alt, title, loading: 'lazy' })}>`;
  });
  const defaultLinkOpen = rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  rules.link_open = (tokens, idx, options, rawEnv, self) => ruleEnv(rawEnv, (env) => {
    const token = tokens[idx];
    const resolved = linkAttributes(String(token.attrGet('href') ?? ''), env.context);
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
    for (const [name, value] of Object.entries(resolved ?? {})) token.attrSet(name, value);
    return defaultLinkOpen(tokens, idx, options, env, self);
  });
  return md;
}

function moreDivider(env: RenderEnv, line: number | undefined, inline = false): string {
  const first = !env.moreSeen;
  env.moreSeen = true;
  const label = env.excerptSet ? env.labels.moreIgnored : env.labels.moreDivider;
  const classes = `pc-more${first ? '' : ' pc-more-repeat'}${env.excerptSet ? ' pc-more-ignored' : ''}`;
  const tag = inline ? 'span' : 'div';
  return `<${tag} class="${classes}" role="separator"${attributes({ 'data-line': line })}><span>${escapeHtml(label)}</span></${tag}>${inline ? '' : '\n'}`;
}

const engines = new Map<BodySyntax | undefined, MarkdownIt.MarkdownIt>();

/** One configured engine per body syntax for every render: building markdown-it and its plugins costs more than a small post. */
export function previewMarkdown(syntax?: BodySyntax): MarkdownIt.MarkdownIt {
  let engine = engines.get(syntax);
  if (!engine) engines.set(syntax, (engine = createPreviewMarkdown({ syntax })));
  return engine;
}
