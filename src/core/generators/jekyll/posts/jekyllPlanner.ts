import { applyTextEdits, type TextEdit } from '../../../edits';
import { basename, dirname, extname, joinPath, relativeInside } from '../../../path';
import type { Clock, FileSystemPort } from '../../../ports';
import { PostPlanError, type MovePlan, type NewFileKind, type NewPostPlan, type NewPostRequest, type PostPlanner, type PublishOptions } from '../../../posts/plans';
import { slugSource } from '../../../posts/slug';
import { formatMomentDate } from '../../../site/dateFormat';
import type { Site } from '../../generator';
import { readJekyllDate } from '../dates';
import { parseJekyllFrontMatter } from '../frontMatter';
import { DATED_NAME, JEKYLL_MARKDOWN_EXTENSIONS, JekyllSite } from '../jekyllSite';
import { rubyToS, rubyTruthy } from '../terms';
import { jekyllSlugify } from './slugify';
import { jekyllFlowList, jekyllScalar, removeFieldEdit, setFieldEdit } from './yamlFields';

/**
 * jekyll-compose's commands as plans (`jekyll post`, `draft`, `page`, `publish`, `unpublish`), and
 * `last_modified_at` (jekyll-last-modified-at's key, which jekyll-seo-tag reads too) set to now.
 * Where jekyll-compose would overwrite with `--force` or rewrite the whole front matter, the plans
 * never overwrite and change only the lines they must.
 */
export const jekyllPlanner: PostPlanner = {
  planNewPost: (fs, site, request, clock) => planNewPost(fs, jekyllSiteOf(site), request, clock),
  planPublish: (fs, site, path, text, clock, options) => planPublish(fs, jekyllSiteOf(site), path, text, clock, options),
  planUnpublish: (fs, site, path) => planUnpublish(fs, jekyllSiteOf(site), path),
  updateTimestampEdits: (site, text, now) => {
    const jekyll = jekyllSiteOf(site);
    const edit = setFieldEdit(text, parseJekyllFrontMatter(text), 'last_modified_at', stampOf(jekyll, now), 'date');
    return edit ? [edit] : [];
  },
};

/** jekyll-compose's `DEFAULT_TIMESTAMP_FORMAT` (`%Y-%m-%d %H:%M %z`), which Jekyll parses with its offset. */
const COMPOSE_DATE_FORMAT = 'YYYY-MM-DD HH:mm ZZ';

function jekyllSiteOf(site: Site): JekyllSite {
  if (!(site instanceof JekyllSite)) throw new Error(`Jekyll's planner was given a ${site.generator.displayName} site`);
  return site;
}

/** A YAML timestamp with its offset (Psych reads it as a Time, as Liquid's `date` filter and jekyll-seo-tag want). */
function stampOf(site: JekyllSite, date: Date): string {
  return formatMomentDate(date, site.config.writtenDateFormat ?? 'YYYY-MM-DD HH:mm:ss ZZ', site.config.timezone);
}

/** `<source>/<collections_dir>`, where Jekyll reads `_posts` and `_drafts`. */
function collectionsRoot(site: JekyllSite): string {
  return site.config.collectionsDir ? joinPath(site.sourceRoot, site.config.collectionsDir) : site.sourceRoot;
}

async function planNewPost(fs: FileSystemPort, site: JekyllSite, request: NewPostRequest, clock: Clock): Promise<NewPostPlan> {
  const title = request.title.trim();
  if (!title) throw new PostPlanError('A post needs a title.');
  const layout = request.layout || site.config.defaultLayout;
  const kind: NewFileKind = layout === 'page' ? 'page' : layout === 'draft' ? 'draft' : 'post';
  const slug = jekyllSlugify(slugSource(request.slug ?? title, request.slug ? 'hexo' : request.slugStyle ?? 'hexo'));
  if (!slug) throw new PostPlanError(`"${title}" gives an empty file name.`);
  const now = clock.now();
  const { timezone } = site.config;
  const folder = kind === 'page' ? site.sourceRoot : joinPath(collectionsRoot(site), kind === 'draft' ? '_drafts' : '_posts');
  const extension = kind === 'page' ? '.md' : await usualExtension(fs, joinPath(collectionsRoot(site), '_posts'));
  const stem = kind === 'post' ? `${formatMomentDate(now, 'YYYY-MM-DD', timezone)}-${slug}` : slug;
  const path = await unusedPath(fs, folder, stem, extension);

  // The layout a draft or post takes is the post layout; one the site's `defaults` give is not repeated.
  const written = kind === 'page' ? 'page' : kind === 'draft' ? site.config.defaultLayout : layout;
  const lines: string[] = [];
  if (site.defaultsFor(path, kind).layout === undefined) lines.push(`layout: ${jekyllScalar(written)}`);
  lines.push(`title: ${jekyllScalar(title)}`);
  if (kind === 'post') lines.push(`date: ${formatMomentDate(now, COMPOSE_DATE_FORMAT, timezone)}`);
  if (kind !== 'page' && request.tags && request.tags.length > 0) lines.push(`tags: ${jekyllFlowList(request.tags)}`);
  // Jekyll's categories are flat: a hierarchy's names are each a category.
  const categories = kind === 'page' ? [] : [...new Set((request.categories ?? []).flatMap((item) => (typeof item === 'string' ? [item] : [...item])))];
  if (categories.length > 0) lines.push(`categories: ${jekyllFlowList(categories)}`);
  const frontMatter = `---\n${lines.join('\n')}\n---\n`;
  const content = `${frontMatter}\n`;
  return { kind, layout: written, path, content, bodyOffset: content.length, operations: [{ kind: 'create', path, content }] };
}

/** The Markdown extension most of the site's posts use (`.md` when none, or on a tie with it). */
async function usualExtension(fs: FileSystemPort, postsFolder: string): Promise<string> {
  const counts = new Map<string, number>([['.md', 0]]);
  for (const entry of await entriesOf(fs, postsFolder)) {
    const extension = extname(entry.name).toLowerCase();
    if (entry.kind === 'file' && DATED_NAME.test(entry.name) && JEKYLL_MARKDOWN_EXTENSIONS.has(extension)) counts.set(extension, (counts.get(extension) ?? 0) + 1);
  }
  let best = '.md';
  for (const [extension, count] of counts) if (count > (counts.get(best) ?? 0)) best = extension;
  return best;
}

async function entriesOf(fs: FileSystemPort, folder: string): Promise<Array<{ name: string; kind: string }>> {
  try {
    return await fs.readDirectory(folder);
  } catch {
    return []; // no folder yet: nothing is taken
  }
}

/** The stem of a file name: `2026-03-02-a.md` → `2026-03-02-a`. */
function stemOf(name: string): string {
  return name.slice(0, name.length - extname(name).length);
}

/**
 * `stem + extension` in `folder`, else `stem-1`, `stem-2`…, as the other generators' new posts are
 * named. A name is taken by a file of the same stem whatever its extension: Jekyll would build both
 * to one URL.
 */
async function unusedPath(fs: FileSystemPort, folder: string, stem: string, extension: string): Promise<string> {
  const taken = new Set((await entriesOf(fs, folder)).map((entry) => stemOf(entry.name)));
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? stem : `${stem}-${n}`;
    const path = joinPath(folder, candidate + extension);
    if (!taken.has(candidate) && !(await fs.stat(path))) return path;
  }
}

/** The same place under another of Jekyll's folders: `news/_drafts/a.md` → `news/_posts/<name>`. */
function counterpart(site: JekyllSite, path: string, from: '_drafts' | '_posts', to: '_drafts' | '_posts', name: string): string {
  const relative = relativeInside(site.sourceRoot, path) ?? basename(path);
  const parts = relative.split('/');
  const at = parts.indexOf(from);
  parts[at] = to;
  parts[parts.length - 1] = name;
  return joinPath(site.sourceRoot, ...parts);
}

/** A file at `path` (or one Jekyll would build to the same URL): the plans never write over it. */
async function refuseTaken(fs: FileSystemPort, site: JekyllSite, path: string, what: string): Promise<void> {
  const folder = dirname(path);
  const stem = stemOf(basename(path));
  const clash = (await fs.stat(path)) ? basename(path) : (await entriesOf(fs, folder)).find((entry) => stemOf(entry.name) === stem)?.name;
  if (clash !== undefined) {
    const shown = relativeInside(site.root, joinPath(folder, clash)) ?? clash;
    throw new PostPlanError(`A ${what} already exists at ${shown}: rename or move one of them first.`);
  }
}

function unreadableFrontMatter(path: string, text: string): PostPlanError | undefined {
  const parsed = parseJekyllFrontMatter(text);
  return parsed.valid ? undefined : new PostPlanError(`${basename(path)}: ${parsed.errors[0]?.message ?? 'its front matter does not parse'}`);
}

/**
 * `jekyll publish`: the draft moves to `_posts` as `YYYY-MM-DD-<its name>` (under the same folders, so
 * its folder categories stay), and gets a date: a date it has is kept unless the writer asks for now
 * (`redate`), as jekyll-compose keeps one (`data["date"] ||=`). Unlike jekyll-compose, the name takes
 * the post's own date, so that the name and the date agree.
 */
async function planPublish(fs: FileSystemPort, site: JekyllSite, draftPath: string, text: string, clock: Clock, options: PublishOptions = {}): Promise<MovePlan> {
  if (site.classify(draftPath) !== 'draft') throw new PostPlanError(`${basename(draftPath)} is not a draft of this site.`);
  const broken = unreadableFrontMatter(draftPath, text);
  if (broken) throw broken;
  const parsed = parseJekyllFrontMatter(text);
  const { timezone } = site.config;
  const written = parsed.data.date;
  let date: Date | undefined;
  if (!options.redate && rubyTruthy(written)) {
    date = readJekyllDate(written instanceof Date ? written : rubyToS(written), timezone);
    if (!date) throw new PostPlanError(`${basename(draftPath)} has the date ${JSON.stringify(rubyToS(written))}, which Jekyll cannot read: correct it, or publish it dated now.`);
  }
  let content = text;
  if (!date) {
    const now = clock.now();
    date = now;
    const stamp = formatMomentDate(now, COMPOSE_DATE_FORMAT, timezone);
    const edit = parsed.block ? setFieldEdit(text, parsed, 'date', stamp, 'title') : undefined;
    content = edit ? applyTextEdits(text, [edit]) : parsed.block ? text : `---\ndate: ${stamp}\n---\n${text.replace(/^\ufeff/, '')}`;
  }
  const path = counterpart(site, draftPath, '_drafts', '_posts', `${formatMomentDate(date, 'YYYY-MM-DD', timezone)}-${basename(draftPath)}`);
  await refuseTaken(fs, site, path, 'post');
  return { path, content, operations: [{ kind: 'create', path, content }, { kind: 'delete', path: draftPath }] };
}

/**
 * `jekyll unpublish`: the post goes back to `_drafts` (under the same folders) without the date in
 * its name, and without its `date:` line, as jekyll-compose drops it: the draft is then dated by its
 * file, and publishing it again dates it anew.
 */
async function planUnpublish(fs: FileSystemPort, site: JekyllSite, postPath: string): Promise<MovePlan & { readonly from: string }> {
  if (site.classify(postPath) !== 'post') throw new PostPlanError(`${basename(postPath)} is not a post of this site.`);
  const text = new TextDecoder().decode(await fs.readFile(postPath));
  const dated = DATED_NAME.exec(basename(postPath));
  const name = dated ? `${dated[4]}${dated[5]}` : basename(postPath);
  const path = counterpart(site, postPath, '_posts', '_drafts', name);
  await refuseTaken(fs, site, path, 'draft');
  const parsed = parseJekyllFrontMatter(text);
  const edits: TextEdit[] = [];
  const removal = parsed.valid ? removeFieldEdit(text, parsed, 'date') : undefined;
  if (removal) edits.push(removal);
  const content = applyTextEdits(text, edits);
  return { from: postPath, path, content, operations: [{ kind: 'create', path, content }, { kind: 'delete', path: postPath }] };
}
