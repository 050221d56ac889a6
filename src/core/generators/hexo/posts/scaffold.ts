import { dump, load } from 'js-yaml';
import { Environment } from 'nunjucks';
import { formatMomentDate } from '../../../site/dateFormat';
import { aliasExpansionProblem, splitFrontMatter } from '../../../frontMatter';
import type { HexoSite } from '../hexoSite';
import { hexoDeepMerge } from './deepMerge';
import { PostPlanError } from '../../../posts/plans';

/** Hexo's built-in scaffold when the site has neither `scaffolds/<layout>.md` nor `scaffolds/normal.md` (hexo `lib/hexo/scaffold.ts`). */
export const DEFAULT_SCAFFOLD = '---\nlayout: {{ layout }}\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---';

/** Keys `hexo new` passes to the scaffold only, never merged into the front matter (hexo `lib/hexo/post.ts`). */
const PRESERVED_KEYS = new Set(['title', 'slug', 'path', 'layout', 'date', 'content']);

/** The date format `hexo new` writes (hexo-front-matter `stringify`). */
export const HEXO_DATE_FORMAT = 'YYYY-MM-DD HH:mm:ss';

// Hexo renders scaffolds with its tag plugin environment: Nunjucks without autoescaping.
const nunjucks = new Environment(null, { autoescape: false });

export interface ScaffoldInput {
  readonly title: string;
  readonly layout: string;
  readonly slug: string;
  readonly date: Date;
  /** Further front-matter fields (tags, categories, …), merged after rendering as Hexo does. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** A scaffold Nunjucks cannot render: a plan error, worded for the writer. */
export class ScaffoldError extends PostPlanError {}

/** The scaffold Hexo uses for `layout`: the site's file, else the site's `normal`, else Hexo's built-in. */
export function scaffoldFor(site: HexoSite, layout: string): string {
  return site.scaffolds.get(layout) ?? site.scaffolds.get('normal') ?? DEFAULT_SCAFFOLD;
}

/**
 * Hexo's `prepareFrontMatter`: dates become `YYYY-MM-DD HH:mm:ss` in UTC (YAML then reads them back as
 * the same instant), and strings that YAML would misread are double-quoted. Postcraft also escapes
 * backslashes, which Hexo forgets (a title with `\` and `:` breaks `hexo new`).
 */
export function prepareForTemplate(data: Record<string, unknown>, jsonMode: boolean): Record<string, unknown> {
  const prepared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value instanceof Date) prepared[key] = formatMomentDate(value, HEXO_DATE_FORMAT, 'UTC');
    else if (typeof value === 'string' && (jsonMode || /[:{}[\]'"]/.test(value) || value.startsWith('#') || value.startsWith('!!'))) {
      prepared[key] = `"${value.replace(/[\\"]/g, '\\$&')}"`;
    } else prepared[key] = value;
  }
  return prepared;
}

/**
 * hexo-front-matter's `stringify` (YAML mode): js-yaml's dump of every key that is neither a date nor
 * null, then the dates as `YYYY-MM-DD HH:mm:ss`, then the null keys as `key:`. Hexo writes dates in the
 * machine's zone; Postcraft writes them in the site's `timezone` (the same when they agree, and the
 * zone Hexo reads them back in when they do not).
 */
function stringifyYaml(data: Record<string, unknown>, timezone: string): string {
  const plain: Record<string, unknown> = {};
  const dates: string[] = [];
  const nulls: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) nulls.push(key);
    else if (value instanceof Date) dates.push(key);
    else plain[key] = value;
  }
  let text = Object.keys(plain).length > 0 ? dump(plain) : '';
  for (const key of dates) text += `${key}: ${formatMomentDate(data[key] as Date, HEXO_DATE_FORMAT, timezone)}\n`;
  for (const key of nulls) text += `${key}:\n`;
  return text;
}

/** hexo-front-matter's JSON mode: JSON without the outer braces, one key a line. */
function stringifyJson(data: Record<string, unknown>): string {
  return JSON.stringify(data, null, '  ').replace(/\n {2}/g, '\n').replace(/^{\n|}$/g, '');
}

/** Renders a scaffold's front-matter text with Nunjucks, as Hexo's tag environment does. */
export function renderTemplate(template: string, context: Record<string, unknown>, layout: string): string {
  try {
    return nunjucks.renderString(template, context);
  } catch (error) {
    throw new ScaffoldError(`The ${layout} scaffold does not render: ${(error as Error).message}`);
  }
}

export interface RenderedScaffold {
  readonly text: string;
  /** Where the body starts (where the cursor goes in a new file). */
  readonly bodyOffset: number;
}

/**
 * Renders a scaffold exactly as `hexo new` does (hexo `lib/hexo/post.ts` `_renderScaffold`): only the
 * front matter goes through Nunjucks, with `title`, `layout`, `slug` and `date`; YAML reads the result;
 * the extra fields are deep-merged in; hexo-front-matter writes it back; the scaffold's body follows.
 */
export function renderScaffold(scaffold: string, input: ScaffoldInput, timezone: string): RenderedScaffold {
  // hexo-fs reads files without a BOM and with LF line breaks.
  const source = scaffold.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
  const split = splitFrontMatter(source);
  if (split.format === 'none' || !split.content || !split.separator) {
    return { text: source, bodyOffset: 0 };
  }
  const separator = split.separator;
  const jsonMode = separator.startsWith(';');
  const context = prepareForTemplate({
    ...input.fields, title: input.title, layout: input.layout, slug: input.slug, date: input.date,
  }, jsonMode);
  const rendered = renderTemplate(source.slice(split.content.start, split.content.end), context, input.layout);
  let data: unknown;
  try {
    data = jsonMode ? JSON.parse(`{${rendered}}`) : load(rendered);
  } catch (error) {
    throw new ScaffoldError(`The ${input.layout} scaffold does not give valid ${jsonMode ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  // Merging and writing back copy every alias in full: a few hundred bytes could hang the editor.
  const expanded = jsonMode ? undefined : aliasExpansionProblem(data, rendered.length);
  if (expanded) throw new ScaffoldError(`The ${input.layout} scaffold cannot be used: ${expanded}.`);
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? data as Record<string, unknown> : {};
  const extras = Object.fromEntries(Object.entries(input.fields ?? {}).filter(([key, value]) => !PRESERVED_KEYS.has(key) && value != null));
  const merged = hexoDeepMerge(record, extras) as Record<string, unknown>;

  let text = split.openingFence ? `${separator}\n` : '';
  if (Object.keys(merged).length > 0) {
    const closing = jsonMode ? ';;;' : '---';
    text += `${jsonMode ? stringifyJson(merged) : stringifyYaml(merged, timezone)}${closing}\n`;
  }
  const bodyOffset = text.length;
  return { text: text + source.slice(split.bodyOffset), bodyOffset };
}
