import { dump, load } from 'js-yaml';
import { formatMomentDate } from '../../../site/dateFormat';
import type { FileOperation } from '../../../edits';
import { aliasExpansionProblem, parseFrontMatter, readHexoDate, splitFrontMatter, type FrontMatterEntry, type ParsedFrontMatter } from '../../../frontMatter';
import { basename, extname, joinPath, relativeInside } from '../../../path';
import type { Clock, FileSystemPort } from '../../../ports';
import type { HexoSite } from '../hexoSite';
import { parsePostFileName } from '../postFileName';
import { hexoDeepMerge } from './deepMerge';
import { PostPlanError, type MovePlan, type PublishOptions } from '../../../posts/plans';

export type { MovePlan, PublishOptions };
import { assetFolderOf, intendedPath, kindOfLayout, unusedPath } from './postPath';
import { HEXO_DATE_FORMAT, prepareForTemplate, renderScaffold, renderTemplate, scaffoldFor } from './scaffold';
import { slugize } from '../../../text/slugize';
import { sameValue } from '../../../posts/valueEquality';

/** Keys Hexo's `create` keeps out of the merge (hexo `lib/hexo/post.ts` `preservedKeys`). */
const PRESERVED_KEYS = new Set(['title', 'slug', 'path', 'layout', 'date', 'content']);

function eolOf(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** `key: value` as hexo-front-matter writes one field (dates as `YYYY-MM-DD HH:mm:ss` in the site's zone). */
function fieldText(key: string, value: unknown, timezone: string): string {
  if (value === null || value === undefined) return `${key}:`;
  if (value instanceof Date) return `${key}: ${formatMomentDate(value, HEXO_DATE_FORMAT, timezone)}`;
  return dump({ [key]: value }).replace(/\n$/, '');
}

/** The post scaffold's front matter, rendered with the draft's fields as Hexo's publish does, as data. */
function scaffoldData(scaffold: string, context: Record<string, unknown>): { data: Record<string, unknown>; order: string[]; body: string } {
  const source = scaffold.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
  const split = splitFrontMatter(source);
  if (split.format !== 'yaml' || !split.content) return { data: {}, order: [], body: split.format === 'none' ? source : source.slice(split.bodyOffset) };
  const rendered = renderTemplate(source.slice(split.content.start, split.content.end), prepareForTemplate(context, false), 'post');
  let loaded: unknown;
  try {
    loaded = load(rendered);
  } catch (error) {
    throw new PostPlanError(`The post scaffold does not give valid YAML: ${(error as Error).message}`);
  }
  // The merge copies every alias in full: a few hundred bytes could hang the editor.
  const expanded = aliasExpansionProblem(loaded, rendered.length);
  if (expanded) throw new PostPlanError(`The post scaffold cannot be used: ${expanded}.`);
  const data = loaded !== null && typeof loaded === 'object' && !Array.isArray(loaded) ? loaded as Record<string, unknown> : {};
  return { data, order: Object.keys(data), body: source.slice(split.bodyOffset) };
}

/**
 * The draft's front matter with the scaffold's fields laid under it, edited in place: the draft's own
 * lines keep their text, quotes, comments and flow/block style; a field the scaffold adds is inserted
 * in the scaffold's order; a field whose merge changes it (a scaffold list the draft's list extends) is
 * rewritten. The data equals Hexo's (checked against `hexo publish` by the oracle test), except that
 * Postcraft keeps what Hexo drops: empty fields, and `title`/`slug` when the scaffold has no line for them.
 */
function mergeIntoDraft(text: string, parsed: ParsedFrontMatter, merged: Record<string, unknown>, scaffoldOrder: readonly string[], timezone: string): string {
  const block = parsed.block;
  if (!block) throw new PostPlanError('The draft has no front matter.');
  const eol = eolOf(text);
  const byKey = new Map<string, FrontMatterEntry>();
  for (const entry of parsed.entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);

  const edits: Array<{ start: number; end: number; text: string }> = [];
  const insertions = new Map<number, string[]>();
  const lineEndAfter = (offset: number): number => {
    const next = text.indexOf('\n', offset);
    return next < 0 || next >= block.content.endOffset ? block.content.endOffset : next + 1;
  };
  let anchor = block.content.startOffset;
  const keys = [...scaffoldOrder, ...Object.keys(merged).filter((key) => !scaffoldOrder.includes(key))];
  for (const key of keys) {
    if (!(key in merged)) continue;
    const entry = byKey.get(key);
    const draftValue = parsed.data[key];
    if (entry && (draftValue !== null && draftValue !== undefined)) {
      if (!PRESERVED_KEYS.has(key) && !sameValue(draftValue, merged[key])) {
        edits.push({ start: entry.range.startOffset, end: entry.range.endOffset, text: fieldText(key, merged[key], timezone).replace(/\n/g, eol) });
      }
      anchor = lineEndAfter(entry.range.endOffset);
      continue;
    }
    if (entry) {
      // The draft names the field but leaves it empty: Hexo takes the scaffold's value.
      if (merged[key] !== null && merged[key] !== undefined) {
        edits.push({ start: entry.range.startOffset, end: entry.range.endOffset, text: fieldText(key, merged[key], timezone).replace(/\n/g, eol) });
      }
      anchor = lineEndAfter(entry.range.endOffset);
      continue;
    }
    const line = fieldText(key, merged[key], timezone).replace(/\n/g, eol) + eol;
    const at = anchor;
    insertions.set(at, [...(insertions.get(at) ?? []), line]);
  }
  for (const [at, lines] of insertions) {
    // The content ends before the closing fence's line break: lines added there lead with a break.
    const joined = lines.join('');
    edits.push({ start: at, end: at, text: at === block.content.endOffset ? eol + joined.slice(0, -eol.length) : joined });
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * `hexo publish` as a plan (hexo `lib/hexo/post.ts` `publish` + `create`): the draft's `date` or now,
 * the post scaffold re-applied under the draft's own fields (deep merge, hexo PR #5472), the name by
 * `new_post_name` from the draft's file name, the asset folder moved along, the draft deleted.
 * `text` is the draft as the writer sees it (unsaved changes included).
 */
export async function planPublish(fs: FileSystemPort, site: HexoSite, draftPath: string, text: string, clock: Clock, options: PublishOptions = {}): Promise<MovePlan> {
  if (site.classify(draftPath) !== 'draft') throw new PostPlanError(`${basename(draftPath)} is not a draft of this site.`);
  const parsed = parseFrontMatter(text);
  if (!parsed.valid && parsed.format !== 'none') throw new PostPlanError(`${basename(draftPath)}: ${parsed.errors[0]?.message ?? 'the front matter does not parse'}`);
  const data = parsed.data;
  const { timezone, filenameCase } = site.config;

  const draftLayout = typeof data.layout === 'string' ? data.layout.toLowerCase() : '';
  const layout = draftLayout && draftLayout !== 'draft' ? draftLayout : (options.layout || site.config.defaultLayout).toLowerCase();
  const slugSource = typeof data.slug === 'string' || typeof data.slug === 'number'
    ? String(data.slug)
    : basename(draftPath).slice(0, basename(draftPath).length - extname(draftPath).length);
  const slug = slugize(slugSource, filenameCase);
  if (!slug) throw new PostPlanError(`${basename(draftPath)} gives an empty file name.`);
  const date = readHexoDate(data.date, timezone) ?? clock.now();
  const title = data.title;

  const scaffold = scaffoldFor(site, layout);
  let content: string;
  if (parsed.format === 'none') {
    // Hexo reads the whole draft as the body and writes the scaffold's front matter above it.
    const rendered = renderScaffold(scaffold, { title: typeof title === 'string' ? title : '', layout, slug, date }, timezone);
    content = rendered.text + (rendered.text.length > rendered.bodyOffset ? '\n' : '') + text;
  } else {
    const rendered = scaffoldData(scaffold, { ...data, title, layout, slug, date });
    const own = Object.fromEntries(Object.entries(data).filter(([key, value]) => !PRESERVED_KEYS.has(key) && value != null));
    const merged = hexoDeepMerge(rendered.data, own) as Record<string, unknown>;
    // The date is always written, the draft's or now — even when the scaffold has no `date` line
    // (Hexo would then leave the post to its file's creation time, which changes with every checkout).
    merged.date = date;
    if (parsed.format === 'json') {
      content = publishJson(text, parsed, merged);
    } else {
      content = mergeIntoDraft(text, parsed, merged, rendered.order, timezone);
    }
    if (rendered.body) {
      content = content.slice(0, parsed.bodyOffset + (content.length - text.length)) + rendered.body + '\n' + text.slice(parsed.bodyOffset);
    }
  }

  const kind = kindOfLayout(layout);
  const assetFrom = assetFolderOf(draftPath);
  const moveAssets = site.config.postAssetFolder && (await fs.stat(assetFrom))?.kind === 'directory';
  const path = await unusedPath(fs, intendedPath(site, kind === 'draft' ? 'post' : kind, slug, date, { ...data, layout, slug }), { needsFreeAssetFolder: moveAssets });
  const operations: FileOperation[] = [{ kind: 'create', path, content }];
  if (moveAssets) operations.push({ kind: 'move', from: assetFrom, to: assetFolderOf(path) });
  else if (site.config.postAssetFolder && basename(assetFolderOf(path)) !== 'index' && !(await fs.stat(assetFolderOf(path)))) {
    // Hexo's publish goes through create, which makes the new post's (empty) asset folder.
    operations.push({ kind: 'createFolder', path: assetFolderOf(path), assetsOf: path });
  }
  operations.push({ kind: 'delete', path: draftPath });
  return { path, content, operations };
}

/** A `;;;` draft: Hexo's JSON form, written back whole (JSON has no comments or styles to keep). */
function publishJson(text: string, parsed: ParsedFrontMatter, merged: Record<string, unknown>): string {
  const block = parsed.block!;
  const data: Record<string, unknown> = { ...parsed.data, ...merged };
  for (const [key, value] of Object.entries(data)) if (value instanceof Date) data[key] = formatMomentDate(value, HEXO_DATE_FORMAT, 'UTC');
  const eol = eolOf(text);
  const body = JSON.stringify(data, null, '  ').replace(/\n {2}/g, '\n').replace(/^{\n|}$/g, '').replace(/\n/g, eol);
  return text.slice(0, block.content.startOffset) + body.replace(new RegExp(`${eol}$`), '') + text.slice(block.content.endOffset);
}

/**
 * The reverse of publish, which Hexo has no command for: the post goes back to `_drafts/` under the
 * `:title` part of its name, byte for byte (it keeps its date, which publish will then keep), with its
 * asset folder; a clash gets Hexo's numeric suffix.
 */
export async function planUnpublish(fs: FileSystemPort, site: HexoSite, postPath: string): Promise<MovePlan & { readonly from: string }> {
  if (site.classify(postPath) !== 'post') throw new PostPlanError(`${basename(postPath)} is not a post of this site.`);
  const relative = relativeInside(site.postsDir, postPath) ?? basename(postPath);
  const fields = parsePostFileName(site.config.newPostName, relative);
  const name = basename(fields.title) || basename(relative);
  const extension = extname(postPath) || '.md';
  const assetFrom = assetFolderOf(postPath);
  const moveAssets = site.config.postAssetFolder && (await fs.stat(assetFrom))?.kind === 'directory';
  const path = await unusedPath(fs, joinPath(site.draftsDir, name.endsWith(extension) ? name : name + extension), { needsFreeAssetFolder: moveAssets });
  const operations: FileOperation[] = [{ kind: 'move', from: postPath, to: path }];
  if (moveAssets) operations.push({ kind: 'move', from: assetFrom, to: assetFolderOf(path) });
  return { from: postPath, path, content: '', operations };
}
