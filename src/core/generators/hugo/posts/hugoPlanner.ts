import { applyTextEdits, type FileOperation, type TextEdit } from '../../../edits';
import { basename, dirname, extname, joinPath } from '../../../path';
import type { Clock, FileSystemPort } from '../../../ports';
import { PostPlanError, type MovePlan, type NewPostPlan, type NewPostRequest, type PostPlanner } from '../../../posts/plans';
import { postSlug } from '../../../posts/slug';
import { formatMomentDate } from '../../../site/dateFormat';
import type { Site } from '../../generator';
import { HUGO_FRONT_MATTER } from '../frontMatter';
import { HugoSite } from '../hugoSite';
import { DEFAULT_ARCHETYPE, renderArchetype } from './archetype';
import { setFieldEdit, type FieldValue } from './fields';

/**
 * `hugo new <section>/<name>.md` as a plan, publishing as `draft: false` in place, and `lastmod` set
 * to now. Hugo keeps drafts where they are (a front-matter flag), so publishing is one edit.
 */
export const hugoPlanner: PostPlanner = {
  planNewPost: (fs, site, request, clock) => planNewPost(fs, hugoSiteOf(site), request, clock),
  planPublish: async (_fs, site, path, text, clock, options) => setDraft(path, text, false, { site: hugoSiteOf(site), now: clock.now(), redate: options?.redate === true }),
  planUnpublish: async (fs, _site, path) => ({ ...setDraft(path, await readText(fs, path), true), from: path }),
  updateTimestampEdits: (site, text, now) => {
    const edit = setFieldEdit(text, 'lastmod', { literal: writtenDate(hugoSiteOf(site), now) });
    return edit ? [edit] : [];
  },
};

function hugoSiteOf(site: Site): HugoSite {
  if (!(site instanceof HugoSite)) throw new Error(`Hugo's planner was given a ${site.generator.displayName} site`);
  return site;
}

/** A date as `hugo new` writes `.Date`: RFC 3339, here in the site's zone. */
function writtenDate(site: HugoSite, date: Date): string {
  return formatMomentDate(date, site.config.writtenDateFormat ?? 'YYYY-MM-DDTHH:mm:ssZ', site.config.timezone);
}

async function planNewPost(fs: FileSystemPort, site: HugoSite, request: NewPostRequest, clock: Clock): Promise<NewPostPlan> {
  const title = request.title.trim();
  if (!title) throw new PostPlanError('A post needs a title.');
  const layout = (request.layout || 'post').toLowerCase();
  const kind = layout === 'page' ? 'page' : layout === 'draft' ? 'draft' : 'post';
  // Lower-cased, as Hugo sites name content files (Hugo lower-cases the URLs it makes from them anyway).
  const slug = postSlug(request.slug ?? title, request.slug ? 'hexo' : request.slugStyle ?? 'hexo', 1);
  if (!slug) throw new PostPlanError(`"${title}" gives an empty file name.`);
  // Posts go to the first main section (`posts` unless the site says otherwise); pages to the top.
  const section = kind === 'page' ? '' : site.config.mainSections?.[0] ?? 'posts';
  const folder = section ? joinPath(site.sourceRoot, section) : site.sourceRoot;
  const context = { date: writtenDate(site, clock.now()), section: section || 'page', siteTitle: site.config.title ?? '' };
  // `hugo new <section>/<name>` copies a directory archetype of the section when there is one.
  const directory = request.bundle === false || !section ? undefined : await directoryArchetype(fs, site, section);
  const bundle = directory !== undefined || request.bundle === true;
  const path = bundle ? joinPath(await unusedPath(fs, joinPath(folder, slug)), 'index.md') : await unusedPath(fs, joinPath(folder, `${slug}.md`));
  const name = bundle ? basename(dirname(path)) : basename(path).slice(0, -extname(path).length);
  const indexTemplate = directory?.find((file) => file.relative === 'index.md')?.text;
  // The archetype lookup of `hugo new` (the site's and its themes'), else Hugo's own.
  const template = indexTemplate ?? site.archetypeFor(section) ?? DEFAULT_ARCHETYPE;
  let content = renderArchetype(template, { ...context, name, baseFileName: bundle ? 'index' : name });
  // What the writer chose wins over what the archetype derives from the file name.
  const fields: Array<[string, FieldValue]> = [['title', title]];
  if (request.tags && request.tags.length > 0) fields.push(['tags', [...request.tags]]);
  if (request.categories && request.categories.length > 0) fields.push(['categories', request.categories.map((item) => (typeof item === 'string' ? item : item.join('/')))]);
  if (kind === 'draft') fields.push(['draft', true]);
  for (const [key, value] of fields) content = withField(content, key, value);
  const parsed = HUGO_FRONT_MATTER.parse(content);
  if (!parsed.valid) throw new PostPlanError(`The archetype does not give front matter Hugo can read: ${parsed.errors[0]?.message ?? ''}`);
  const operations: FileOperation[] = [{ kind: 'create', path, content }];
  // The directory archetype's other files: content files filled like the index (each named by its own
  // file name, as hugo new does), anything else copied byte for byte.
  for (const file of directory ?? []) {
    if (file.relative === 'index.md') continue;
    const target = joinPath(dirname(path), file.relative);
    const own = basename(file.relative).slice(0, -extname(file.relative).length);
    operations.push({ kind: 'create', path: target, content: file.text !== undefined ? renderArchetype(file.text, { ...context, name: own, baseFileName: own }) : file.bytes });
  }
  return { kind, layout, path, content, bodyOffset: parsed.bodyOffset, operations };
}

/** A file of a directory archetype: text for the content files Hugo fills as templates, bytes for the rest. */
interface ArchetypeFile {
  readonly relative: string;
  readonly text?: string;
  readonly bytes: Uint8Array;
}

/** Hugo fills these as templates in a directory archetype; other files are copied. */
const CONTENT_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.html', '.htm', '.org', '.adoc', '.pandoc', '.rst']);

/** The section's directory archetype (`archetypes/<section>/`, the site's, else a theme's): its files, or undefined. */
async function directoryArchetype(fs: FileSystemPort, site: HugoSite, section: string): Promise<ArchetypeFile[] | undefined> {
  for (const folder of site.archetypeFolders) {
    const root = joinPath(folder, section);
    if ((await fs.stat(root))?.kind !== 'directory') continue;
    const files: ArchetypeFile[] = [];
    const walk = async (at: string, prefix: string): Promise<void> => {
      for (const entry of await fs.readDirectory(at)) {
        const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.kind === 'directory') await walk(joinPath(at, entry.name), relative);
        else if (entry.kind === 'file') {
          const bytes = await fs.readFile(joinPath(at, entry.name));
          files.push({ relative, bytes, ...(CONTENT_EXTENSIONS.has(extname(entry.name).toLowerCase()) ? { text: new TextDecoder().decode(bytes) } : {}) });
        }
      }
    };
    await walk(root, '');
    return files;
  }
  return undefined;
}

function withField(content: string, key: string, value: FieldValue): string {
  const edit = setFieldEdit(content, key, value);
  return edit ? applyTextEdits(content, [edit]) : content;
}

/** `name.md` (or the folder `name`), else `name-1.md`, `name-2.md`…: a new post never overwrites one (`hugo new` refuses). */
async function unusedPath(fs: FileSystemPort, path: string): Promise<string> {
  const extension = extname(path);
  const stem = path.slice(0, path.length - extension.length);
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? path : `${stem}-${n}${extension}`;
    if (!(await fs.stat(candidate))) return candidate;
  }
}

/**
 * `draft` set in place (publishing is `draft: false`; Hugo reads `published: false` as a draft too).
 * Publishing a draft that has no date Hugo can read writes now: Hugo would date the page year 1.
 */
function setDraft(path: string, text: string, draft: boolean, publishing?: { site: HugoSite; now: Date; redate: boolean }): MovePlan {
  const parsed = HUGO_FRONT_MATTER.parse(text);
  if (!parsed.valid || !parsed.block) throw new PostPlanError(`${basename(path)} has no front matter Hugo can read.`);
  const edits: TextEdit[] = [];
  const published = parsed.entries.find((entry) => entry.key.toLowerCase() === 'published');
  if (published && !draft) {
    const edit = setFieldEdit(text, 'published', true, parsed);
    if (edit) edits.push(edit);
  }
  const draftEdit = setFieldEdit(text, 'draft', draft, parsed);
  if (draftEdit) edits.push(draftEdit);
  // A written date stays, readable or not (PC305 speaks of the unreadable one), unless the writer asks for now.
  if (publishing && (publishing.redate || !parsed.entries.some((entry) => entry.key.toLowerCase() === 'date'))) {
    const dateEdit = setFieldEdit(text, 'date', { literal: writtenDate(publishing.site, publishing.now) }, parsed);
    if (dateEdit) edits.push(dateEdit);
  }
  const content = applyTextEdits(text, edits);
  return { path, content, operations: [{ kind: 'edit', path, edits }] };
}

async function readText(fs: FileSystemPort, path: string): Promise<string> {
  return new TextDecoder().decode(await fs.readFile(path));
}

