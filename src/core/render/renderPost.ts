import { parseFrontMatter, readFrontMatterData, splitFrontMatter, type FrontMatterSyntax } from '../frontMatter';
import { countWords, DEFAULT_READING_SPEED } from '../text/wordCount';
import { renderBody } from './blockCache';
import type { RenderEnv } from './env';
import { buildHeader, renderHeaderHtml, type PostHeader } from './header';
import { escapeHtml } from './html';
import { DEFAULT_LABELS, formatLabel, type PreviewLabels } from './labels';
import { frameHtml, urlPolicy } from './resources';
import { smartQuotesOf } from './smartypants';
import { generatorOf, pastFrontMatter, type PreviewHeading, type RenderContext } from './types';

/** Without a generator (a bare renderer in tests), the `---` YAML every generator reads. */
const PLAIN_FRONT_MATTER: FrontMatterSyntax = { split: splitFrontMatter, parse: parseFrontMatter, readData: readFrontMatterData };

/** Bodies longer than this are rendered up to a line break before it, with a notice. */
export const DEFAULT_MAX_BODY_LENGTH = 1_000_000;

export interface RenderedPost {
  readonly header: PostHeader;
  /** The header (banners, title, meta, tags, excerpt) as HTML. */
  readonly headerHtml: string;
  /** The body as HTML: sanitized, with `data-line` attributes on blocks. */
  readonly bodyHtml: string;
  readonly headings: readonly PreviewHeading[];
  /** Zero-based line where the body starts. */
  readonly bodyLine: number;
  readonly lineCount: number;
  /** Set when only the start of a long body was rendered. */
  readonly truncated?: { readonly shown: number; readonly total: number };
  /** Code blocks and formulas shown plain for now (with `eagerLines`): render again to fill them in. */
  readonly deferred: number;
}

/**
 * Renders a post the way its reader will see it: the header from the front matter (as Hexo reads
 * it), then the body. Never throws for any text: broken front matter becomes a banner above a body
 * that still renders.
 */
export function renderPost(text: string, context: RenderContext): RenderedPost {
  const labels: PreviewLabels = { ...DEFAULT_LABELS, ...context.labels };
  // The index's fast reading (js-yaml, no ranges) when the front matter is sound; the full parse,
  // with positioned errors for the banner, when it is not.
  const syntax = generatorOf(context)?.frontMatter ?? PLAIN_FRONT_MATTER;
  const quick = syntax.readData(text);
  const parsed = quick.problem === undefined ? undefined : syntax.parse(text);
  const data = parsed?.data ?? quick.data;
  const bodyOffset = parsed?.bodyOffset ?? quick.bodyOffset;
  const bodyLine = countLines(text, bodyOffset);
  const fullBody = text.slice(bodyOffset);
  const max = context.maxBodyLength ?? DEFAULT_MAX_BODY_LENGTH;
  let body = fullBody;
  let truncated: RenderedPost['truncated'];
  if (fullBody.length > max) {
    const cut = fullBody.lastIndexOf('\n', max);
    body = fullBody.slice(0, cut > 0 ? cut : max);
    truncated = { shown: body.length, total: fullBody.length };
  }
  const env: RenderEnv = {
    context,
    labels,
    lineOffset: bodyLine,
    tagsEnabled: data.disableNunjucks !== true,
    smartQuotes: smartQuotesOf(context.site?.config),
    excerptSet: typeof data.excerpt === 'string' && data.excerpt.trim() !== '',
    policy: urlPolicy(context, (src) => frameHtml(src, labels.frame)),
    headings: [],
    headingBases: [],
    slugs: new Map(),
    moreSeen: false,
    eagerLines: context.eagerLines && pastFrontMatter(context.eagerLines, bodyLine),
    deferred: 0,
    frontMatter: data,
    math: context.syntax?.mathEnabled?.(data, context) ?? true,
  };
  // A truncated body is counted on its rendered part and scaled: counting 10 MB costs seconds.
  const counted = countWords(body, context.readingSpeed ?? DEFAULT_READING_SPEED);
  const scale = truncated ? fullBody.length / body.length : 1;
  const wordCount = scale === 1 ? counted : {
    cjkCharacters: Math.round(counted.cjkCharacters * scale),
    words: Math.round(counted.words * scale),
    total: Math.round(counted.total * scale),
    readingMinutes: Math.ceil(counted.readingMinutes * scale),
  };
  const header = buildHeader(data, parsed?.errors ?? [], wordCount, context);
  let bodyHtml = renderBody(body, env);
  if (!env.tagsEnabled && /\{%/.test(body)) bodyHtml = `<div class="pc-banner pc-banner-info" role="note">${escapeHtml(labels.nunjucksDisabled)}</div>\n${bodyHtml}`;
  if (truncated) {
    const notice = `<div class="pc-banner pc-banner-warning" role="note">${escapeHtml(formatLabel(labels.truncated, truncated.shown.toLocaleString('en-US'), truncated.total.toLocaleString('en-US')))}</div>\n`;
    bodyHtml = `${notice}${bodyHtml}${notice}`;
  }
  return {
    header,
    headerHtml: renderHeaderHtml(header, labels, (parsed ? parsed.block?.range.start.line : quick.frontMatterLines?.start) ?? 0),
    bodyHtml,
    headings: env.headings,
    bodyLine,
    lineCount: countLines(text, text.length) + 1,
    truncated,
    deferred: env.deferred,
  };
}

function countLines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
