import type { FileSystemPort } from '../../ports';
import { basename, dirname, extname, joinPath, relativeInside } from '../../path';
import { MARKDOWN_EXTENSIONS } from '../../site/markdownFiles';
import { readTemplateFolder, readTextIfPresent } from '../../site/readText';
import type { ConfigProblem, PostKind, PostRecord } from '../../site/types';
import type { PostFileName, Site } from '../generator';
import { readHugoDate } from './dates';
import { readHugoFrontMatterData } from './frontMatter';
import { findHugoConfig, HUGO_DEFAULT_CONFIG, readConfigData, readHugoConfig, type HugoConfig } from './hugoConfig';
import { hugoGenerator } from './hugoGenerator';
import { hugoTermKey, valueOf, writtenTerms } from './terms';

export interface ShortcodeTemplate {
  /** Whether the template evaluates `.Inner` (then Hugo needs the shortcode closed or self-closed). */
  readonly usesInner: boolean;
}


export class HugoSite implements Site {
  readonly generator = hugoGenerator;
  readonly sourceRoot: string;

  constructor(
    readonly root: string,
    readonly config: HugoConfig,
    readonly configProblems: readonly ConfigProblem[],
    readonly scaffolds: ReadonlyMap<string, string>,
    /** The shortcodes the site's layouts and themes define, by name. */
    readonly shortcodes: ReadonlyMap<string, ShortcodeTemplate> = new Map(),
    /** Where a shortcode may come from that is not on disk (a configured theme or module that is absent). */
    readonly missingShortcodeSources: readonly string[] = [],
    /** The oldest Hugo the site says it needs (`[module.hugoVersion] min`), if it says. */
    readonly minimumHugoVersion?: string,
    /** The themes' archetypes, by name (the first theme's win). */
    readonly themeArchetypes: ReadonlyMap<string, string> = new Map(),
    /** The folders archetypes are looked up in, the site's then its themes' (directory archetypes are read from them when used). */
    readonly archetypeFolders: readonly string[] = [],
  ) {
    this.sourceRoot = joinPath(root, config.contentDir);
  }

  /**
   * The archetype `hugo new` fills for a section, in Hugo 0.111's order (measured): the site's for the
   * section, the theme's for the section, the site's default, the theme's default.
   */
  archetypeFor(section: string): string | undefined {
    return (section ? this.scaffolds.get(section) ?? this.themeArchetypes.get(section) : undefined)
      ?? this.scaffolds.get('default') ?? this.themeArchetypes.get('default');
  }

  /** Folders holding a leaf bundle's `index.md`: their other Markdown files are the bundle's resources. */
  private readonly leafBundles = new Set<string>();

  noteFiles(paths: readonly string[]): void {
    for (const path of paths) if (isLeafIndex(path)) this.leafBundles.add(dirname(path));
  }

  /** Plural names of the site's taxonomies, as configured. */
  get taxonomies(): readonly string[] {
    return [...new Set(this.config.taxonomies.values())];
  }

  /**
   * Content files: a section's `_index.md` and files outside any section are pages; regular pages in
   * a section (of `params.mainSections`, when set) are posts. Hugo has no drafts folder.
   */
  classify(path: string): PostKind | undefined {
    const relative = relativeInside(this.sourceRoot, path);
    if (relative === undefined || relative === '') return undefined;
    if (!MARKDOWN_EXTENSIONS.has(extname(path).toLowerCase())) return undefined;
    if (relative.split('/').some((part) => part.startsWith('.'))) return undefined;
    const name = basename(path);
    if (name.startsWith('_index.')) return 'page';
    if (isLeafIndex(path)) this.leafBundles.add(dirname(path));
    else if (this.inLeafBundle(path)) return undefined;
    const slash = relative.indexOf('/');
    if (slash === -1) return 'page';
    const mainSections = this.config.mainSections;
    return mainSections && !mainSections.includes(relative.slice(0, slash)) ? 'page' : 'post';
  }

  /** Whether a folder above `path` (inside the content folder) is a leaf bundle. */
  private inLeafBundle(path: string): boolean {
    for (let folder = dirname(path); folder.length > this.sourceRoot.length; folder = dirname(folder)) {
      if (this.leafBundles.has(folder)) return true;
    }
    return false;
  }

  /** Hugo dates pages by their file's modification time where `[frontmatter]` names `:fileModTime`. */
  needsFileTime(): boolean {
    return this.datesByFileTime;
  }

  private get datesByFileTime(): boolean {
    return Object.values(this.config.dateSources).some((sources: readonly string[]) => sources.includes(':filemodtime'));
  }

  readPost(path: string, kind: PostKind, text: string, modified?: number): PostRecord {
    const read = readHugoFrontMatterData(text);
    const data = read.error ? {} : read.data;
    const zone = this.config.timezone;
    const dateOf = (sources: readonly string[]) => {
      for (const source of sources) {
        // `:git` reads nothing, as in Hugo without `enableGitInfo`.
        const date = source === ':filename' ? fileNameDate(path, zone)
          : source === ':filemodtime' ? (modified === undefined ? undefined : new Date(modified))
            : readHugoDate(valueOf(data, source), zone);
        if (date) return date;
      }
      return undefined;
    };
    const { dateSources } = this.config;
    const title = valueOf(data, 'title');
    const terms: Record<string, string[]> = {};
    const termSpellings: Record<string, string[]> = {};
    for (const plural of this.taxonomies) {
      const written = writtenTerms(valueOf(data, plural));
      termSpellings[plural] = written;
      terms[plural] = written.map(hugoTermKey);
    }
    const publishDate = dateOf(dateSources.publishDate);
    const expiryDate = dateOf(dateSources.expiryDate);
    const layout = valueOf(data, 'layout');
    const slug = valueOf(data, 'slug');
    return {
      path,
      kind,
      // Hugo casts the title to a string: `title: No` (a go-yaml v2 boolean) is the title "false".
      title: typeof title === 'string' || typeof title === 'number' || typeof title === 'boolean' ? String(title) : '',
      date: dateOf(dateSources.date),
      updated: dateOf(dateSources.lastmod),
      layout: typeof layout === 'string' ? layout : this.config.defaultLayout,
      tags: terms.tags ?? [],
      categories: (terms.categories ?? []).map((key) => [key]),
      keys: Object.keys(data),
      ...(typeof slug === 'string' || typeof slug === 'number' ? { slug: String(slug) } : {}),
      published: !isDraft(data),
      ...(publishDate ? { publishDate } : {}),
      ...(expiryDate ? { expiryDate } : {}),
      terms,
      termSpellings,
      frontMatterLines: read.frontMatterLines,
      error: read.error,
    };
  }

  /** Whether the default build (no -D, -F, -E unless configured) renders the page and files its terms. */
  isListed(record: PostRecord, now: Date): boolean {
    if (record.error) return false;
    if (!record.published && !this.config.renderDrafts) return false;
    // Hugo's publishDate comes from `publishDate` or the `date` key (not the date `lastmod` gave).
    if (!this.config.future && record.publishDate && record.publishDate.getTime() > now.getTime()) return false;
    if (!this.config.buildExpired && record.expiryDate && record.expiryDate.getTime() <= now.getTime()) return false;
    return true;
  }

  /** The slug Hugo takes from the file name (a leaf bundle's from its folder). */
  postFileName(path: string): PostFileName {
    const name = basename(path);
    const stem = name.slice(0, name.length - extname(name).length);
    if (stem === 'index' || stem === '_index') {
      const parent = path.slice(0, path.length - name.length - 1);
      return { slug: basename(parent) };
    }
    return { slug: stem };
  }
}

/** A leaf bundle's page: `index.md` (not a branch bundle's `_index.md`). */
function isLeafIndex(path: string): boolean {
  const name = basename(path);
  return name.startsWith('index.') && MARKDOWN_EXTENSIONS.has(extname(name).toLowerCase());
}

/** `:filename`: a date at the start of the file's name (a bundle's folder name), `2024-03-04-title.md`. */
function fileNameDate(path: string, zone: string): Date | undefined {
  let name = basename(path);
  if (/^_?index\./.test(name)) name = basename(path.slice(0, path.length - name.length - 1));
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(name);
  return match ? readHugoDate(match[1], zone) : undefined;
}

/** `draft: true` (or a string strconv.ParseBool reads as true), or `published: false`. */
function isDraft(data: Readonly<Record<string, unknown>>): boolean {
  const draft = valueOf(data, 'draft');
  if (draft === true || (typeof draft === 'string' && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(draft))) return true;
  const published = valueOf(data, 'published');
  return published === false || (typeof published === 'string' && ['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(published));
}

/** Loads a Hugo site's configuration and archetypes. A broken configuration is a problem, not a failure. */
export async function loadHugoSite(fs: FileSystemPort, root: string): Promise<HugoSite> {
  const problems: ConfigProblem[] = [];
  const file = await findHugoConfig(fs, root);
  let config = HUGO_DEFAULT_CONFIG;
  let raw: Record<string, unknown> = {};
  if (file) {
    const extra = await readConfigFolderKeys(fs, root, problems);
    const result = readHugoConfig(file, extra);
    config = result.config;
    raw = result.raw;
    problems.push(...result.problems);
  } else {
    problems.push({ file: joinPath(root, 'hugo.toml'), message: 'No Hugo configuration file: Hugo defaults apply.' });
  }
  const { shortcodes, missing } = await readShortcodes(fs, root, raw);
  const themeArchetypes = new Map<string, string>();
  const themeArchetypeFolders = themeRoots(root, raw).map((theme) => joinPath(theme, 'archetypes'));
  for (const folder of themeArchetypeFolders) {
    for (const [name, text] of await readTemplateFolder(fs, folder)) if (!themeArchetypes.has(name)) themeArchetypes.set(name, text);
  }
  const siteArchetypes = joinPath(root, config.archetypeDir);
  return new HugoSite(root, config, problems, await readTemplateFolder(fs, siteArchetypes), shortcodes, missing, minimumHugoVersion(raw), themeArchetypes, [siteArchetypes, ...themeArchetypeFolders]);
}

/**
 * The shortcode templates of the site (`layouts/shortcodes/`, sub-folders included) and of its
 * themes (`themes/<theme>/layouts/shortcodes/`); a theme not on disk, or a module import, is a place
 * a shortcode may come from that Postcraft cannot see.
 */
/** The configured themes' folders (`themesDir`/`theme`), in the order the configuration lists them. */
function themeRoots(root: string, raw: Record<string, unknown>): string[] {
  const themesDir = typeof raw.themesdir === 'string' ? raw.themesdir : 'themes';
  const themes = typeof raw.theme === 'string' ? [raw.theme] : Array.isArray(raw.theme) ? raw.theme.map(String) : [];
  return themes.map((theme) => joinPath(root, themesDir, theme));
}

async function readShortcodes(fs: FileSystemPort, root: string, raw: Record<string, unknown>): Promise<{ shortcodes: Map<string, ShortcodeTemplate>; missing: string[] }> {
  const shortcodes = new Map<string, ShortcodeTemplate>();
  const missing: string[] = [];
  // `layouts/_shortcodes/` is where Hugo 0.146 and later look.
  const folders = [joinPath(root, 'layouts', 'shortcodes'), joinPath(root, 'layouts', '_shortcodes')];
  for (const themeRoot of themeRoots(root, raw)) {
    if ((await fs.stat(themeRoot))?.kind === 'directory') folders.push(joinPath(themeRoot, 'layouts', 'shortcodes'), joinPath(themeRoot, 'layouts', '_shortcodes'));
    else missing.push(`the theme "${basename(themeRoot)}"`);
  }
  const module = raw.module;
  if (typeof module === 'object' && module !== null && 'imports' in module) missing.push('a module');
  for (const folder of folders) {
    // The site's own templates win over a theme's.
    for (const [name, template] of await readShortcodeFolder(fs, folder, '')) if (!shortcodes.has(name)) shortcodes.set(name, template);
  }
  return { shortcodes, missing };
}

/** One folder's templates; the variants of a name (`name.en.html`, `name.amp.html`) are one shortcode. */
async function readShortcodeFolder(fs: FileSystemPort, folder: string, prefix: string): Promise<Map<string, ShortcodeTemplate>> {
  const templates = new Map<string, ShortcodeTemplate>();
  let entries;
  try {
    entries = await fs.readDirectory(folder);
  } catch {
    return templates;
  }
  for (const entry of entries) {
    if (entry.kind === 'directory' && prefix === '') {
      for (const [name, template] of await readShortcodeFolder(fs, joinPath(folder, entry.name), `${entry.name}/`)) templates.set(name, template);
      continue;
    }
    if (entry.kind !== 'file' || entry.name.startsWith('.')) continue;
    const name = prefix + entry.name.split('.')[0];
    const text = await readTextIfPresent(fs, joinPath(folder, entry.name));
    const usesInner = text !== undefined && /\.Inner/.test(text);
    templates.set(name, { usesInner: (templates.get(name)?.usesInner ?? false) || usesInner });
  }
  return templates;
}

/** `config/_default/<key>.<ext>` files each hold one top-level key (`taxonomies.toml`, `params.yaml`). */
async function readConfigFolderKeys(fs: FileSystemPort, root: string, problems: ConfigProblem[]): Promise<Map<string, unknown>> {
  const keys = new Map<string, unknown>();
  const folder = joinPath(root, 'config', '_default');
  let entries;
  try {
    entries = await fs.readDirectory(folder);
  } catch {
    return keys;
  }
  for (const entry of entries) {
    const extension = extname(entry.name);
    const key = entry.name.slice(0, entry.name.length - extension.length).toLowerCase();
    if (entry.kind !== 'file' || !['.toml', '.yaml', '.yml', '.json'].includes(extension) || key === 'hugo' || key === 'config') continue;
    const path = joinPath(folder, entry.name);
    const text = await readTextIfPresent(fs, path);
    const data = text === undefined ? undefined : readConfigData({ path, text }, problems);
    if (data) keys.set(key, data);
  }
  return keys;
}

function minimumHugoVersion(raw: Record<string, unknown>): string | undefined {
  const module = raw.module as Record<string, unknown> | undefined;
  const version = typeof module === 'object' && module !== null ? Object.entries(module).find(([key]) => key.toLowerCase() === 'hugoversion')?.[1] : undefined;
  const min = typeof version === 'object' && version !== null ? (version as Record<string, unknown>).min : undefined;
  return typeof min === 'string' && /^\d+\.\d+/.test(min) ? min : undefined;
}

