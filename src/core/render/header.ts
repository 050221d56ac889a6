import { formatMomentDate } from '../site/dateFormat';
import type { FrontMatterError } from '../frontMatter';
import { basename, dirname, extname } from '../path';
import type { PostKind } from '../site/types';
import type { WordCount } from '../text/wordCount';
import { attributes, escapeHtml } from './html';
import { formatLabel, type PreviewLabels } from './labels';
import { generatorOf, type RenderContext } from './types';

/** What the preview shows above the body, read from the front matter the way Hexo reads it. */
export interface PostHeader {
  readonly title: string;
  /** 'file-name' when the front matter has no title and Hexo falls back to the file name. */
  readonly titleSource: 'front-matter' | 'file-name';
  readonly kind?: PostKind;
  readonly date?: HeaderDate;
  readonly updated?: HeaderDate;
  /** Each category hierarchy, as Hexo reads `categories` (`[A, B]` is one path A › B). */
  readonly categories: readonly (readonly string[])[];
  readonly tags: readonly string[];
  /** The front matter's `excerpt`, when set. */
  readonly excerpt?: string;
  readonly wordCount: WordCount;
  readonly problems: readonly HeaderProblem[];
  /** The name of the generator the post is read with, for the problems' consequences. */
  readonly generatorName: string;
}

export interface HeaderDate {
  /** As the site formats it (`date_format`). */
  readonly text: string;
  /** With `date_format time_format`, for the tooltip. */
  readonly full: string;
  readonly iso: string;
}

export interface HeaderProblem {
  readonly message: string;
  /** Zero-based line of the problem. */
  readonly line: number;
  /** What the generator does with the post (`FrontMatterError.effect`). */
  readonly effect?: 'drop' | 'body-only' | 'fail';
}

export function buildHeader(
  data: Record<string, unknown>,
  errors: readonly FrontMatterError[],
  wordCount: WordCount,
  context: RenderContext,
): PostHeader {
  const site = context.site;
  const generator = generatorOf(context);
  const timezone = site?.config.timezone ?? '';
  const kind = site?.classify(context.documentPath);
  const written = typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title) : '';
  const date = generator?.readDate(data.date, timezone) ?? context.index?.post(context.documentPath)?.date;
  const updated = generator?.readDate(data.updated, timezone);
  const excerpt = typeof data.excerpt === 'string' && data.excerpt.trim() ? data.excerpt : undefined;
  return {
    title: written || fileNameTitle(context.documentPath),
    titleSource: written ? 'front-matter' : 'file-name',
    kind,
    date: date ? headerDate(date, context) : undefined,
    updated: updated ? headerDate(updated, context) : undefined,
    categories: kind === 'page' || !generator ? [] : generator.categoriesOf(data),
    tags: kind === 'page' || !generator ? [] : generator.tagsOf(data),
    excerpt,
    wordCount,
    problems: errors.map((error) => ({ message: error.message, line: error.range.start.line, effect: error.effect })),
    generatorName: generator?.displayName ?? '',
  };
}

/** Hexo's default title: the file name (`about/index.md` reads better as "about"). */
function fileNameTitle(path: string): string {
  const name = basename(path).slice(0, basename(path).length - extname(path).length);
  return name === 'index' ? basename(dirname(path)) : name;
}

function headerDate(date: Date, context: RenderContext): HeaderDate {
  const config = context.site?.config;
  const dateFormat = config?.dateFormat || 'YYYY-MM-DD';
  const timeFormat = config?.timeFormat || 'HH:mm:ss';
  const timezone = config?.timezone ?? '';
  return {
    text: formatMomentDate(date, dateFormat, timezone),
    full: formatMomentDate(date, `${dateFormat} ${timeFormat}`, timezone),
    iso: date.toISOString(),
  };
}

/** The header's HTML. Every value is escaped: titles and tags are the writer's text. */
export function renderHeaderHtml(header: PostHeader, labels: PreviewLabels, firstLine = 0): string {
  const parts: string[] = [];
  for (const problem of header.problems) {
    const label = problem.effect === 'drop' ? labels.postDropped : problem.effect === 'body-only' ? labels.readsAsBody
      : problem.effect === 'fail' ? labels.buildFails : '';
    const consequence = label && header.generatorName ? formatLabel(label, header.generatorName) : '';
    parts.push(
      `<div class="pc-banner pc-banner-error" role="alert"${attributes({ 'data-line': problem.line })}>`
      + `<strong>${escapeHtml(formatLabel(labels.frontMatterError, problem.line + 1, problem.message))}</strong>`
      + (consequence ? ` <span>${escapeHtml(consequence)}</span>` : '')
      + '</div>',
    );
  }
  const meta: string[] = [];
  if (header.kind === 'draft') meta.push(`<span class="pc-badge">${escapeHtml(labels.draft)}</span>`);
  if (header.date) meta.push(`<time class="pc-date"${attributes({ datetime: header.date.iso, title: header.date.full })}>${escapeHtml(header.date.text)}</time>`);
  if (header.updated) {
    meta.push(`<time class="pc-updated"${attributes({ datetime: header.updated.iso, title: header.updated.full })}>${escapeHtml(formatLabel(labels.updated, header.updated.text))}</time>`);
  }
  for (const path of header.categories) {
    meta.push(`<span class="pc-categories">${path.map((name) => `<span class="pc-category">${escapeHtml(name)}</span>`).join('<span class="pc-category-sep" aria-hidden="true">›</span>')}</span>`);
  }
  const count = header.wordCount;
  meta.push(`<span class="pc-words">${escapeHtml(formatLabel(labels.words, count.total.toLocaleString('en-US')))}</span>`);
  meta.push(`<span class="pc-reading">${escapeHtml(formatLabel(labels.readingTime, count.readingMinutes))}</span>`);
  parts.push(
    `<h1 class="pc-title${header.titleSource === 'file-name' ? ' pc-title-fallback' : ''}"${attributes({ 'data-line': firstLine })}>${escapeHtml(header.title)}</h1>`,
    `<div class="pc-meta">${meta.join('')}</div>`,
  );
  if (header.tags.length) {
    parts.push(`<ul class="pc-tags">${header.tags.map((tag) => `<li class="pc-tag">${escapeHtml(tag)}</li>`).join('')}</ul>`);
  }
  if (header.excerpt) {
    parts.push(`<aside class="pc-excerpt"><span class="pc-excerpt-label">${escapeHtml(labels.excerpt)}</span>${escapeHtml(header.excerpt)}</aside>`);
  }
  return parts.join('');
}
