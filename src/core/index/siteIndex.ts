import type { Cancellation, Clock, FileSystemPort } from '../ports';
import { neverCancelled, systemClock } from '../ports';
import type { FrontMatterSplit } from '../frontMatter';
import { walkFiles } from '../walkFiles';
import type { Site } from '../generators/generator';
import { categoryFromKey, categoryKey, categoryNodesOf } from '../site/categoryPaths';
import type { CategoryCount, PostRecord, TagCount } from '../site/types';
import { decodeText, looksBinary } from '../text/decode';
import { detached } from '../text/detached';
import type { SiteIndexView } from './types';
import { logException } from '../log';

export interface BuildOptions {
  readonly cancellation?: Cancellation;
  /** Called now and then with how many files are done out of how many were found. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Files read at once (default `READ_CONCURRENCY`). */
  readonly concurrency?: number;
  /** Files larger than this are indexed from their first bytes only (a 10 MB post's front matter is at the top). */
  readonly maxFileBytes?: number;
}

const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Files read at once. Enough reads in flight keep Node's file threads busy while the main thread
 * parses front matter (measured: 64 against 32 makes a 1,000-post index about 10% faster). Each
 * read holds a whole file until it is parsed: 64 typical posts are a few hundred KB.
 */
export const READ_CONCURRENCY = 64;

/**
 * The site-wide index: every post, draft and page with its metadata, and tag/category/key counts kept
 * up to date incrementally, so that one edit costs one post's parse, not a rebuild.
 */
export class SiteIndex implements SiteIndexView {
  private readonly records = new Map<string, PostRecord>();
  /** Files the generator skips for their names (Site.skipsNamedFile), found by the last walk. */
  private readonly skippedFiles = new Set<string>();
  private readonly tagTotals = new Map<string, number>();
  private readonly categoryTotals = new Map<string, number>();
  private readonly keyTotals = new Map<string, number>();
  private readonly names = new Map<string, string>();
  /** Files' modification times, for posts dated by them (`Site.needsFileTime`). */
  private readonly fileTimes = new Map<string, number>();
  private sortedTags: TagCount[] | undefined;
  private sortedCategories: CategoryCount[] | undefined;
  /** Bumped on every change, so that callers can cache what they derive from the index. */
  private changeCount = 0;
  /** Bumped when a change touches what site-wide vocabularies read (see `sameTaxonomy`). */
  private taxonomyChangeCount = 0;

  constructor(readonly site: Site, private readonly clock: Clock = systemClock) {}

  /** Reads every post of the site. Stops early (keeping what it has) when cancelled. */
  static async build(site: Site, fs: FileSystemPort, options: BuildOptions = {}, clock?: Clock): Promise<SiteIndex> {
    const index = new SiteIndex(site, clock);
    await index.rebuild(fs, options);
    return index;
  }

  async rebuild(fs: FileSystemPort, options: BuildOptions = {}): Promise<void> {
    const cancellation = options.cancellation ?? neverCancelled;
    await this.read(fs, await listContentFiles(fs, this.site, this.site.sourceRoot, cancellation, this.skippedFiles), options);
  }

  /** The files the generator skips for their names although they sit where posts go, for the rules to name. */
  skipped(): string[] {
    return [...this.skippedFiles].sort();
  }

  /**
   * Reads the posts below `folder`, as a build would (one moved into the site arrives as a single
   * event for the folder). Resolves to their paths.
   */
  async addFolder(fs: FileSystemPort, folder: string, options: BuildOptions = {}): Promise<string[]> {
    const files = await listContentFiles(fs, this.site, folder, options.cancellation ?? neverCancelled, this.skippedFiles);
    await this.read(fs, files, options);
    return files.filter((path) => this.records.has(path));
  }

  /** Forgets every post below `folder` (deleted or moved out). Resolves to whether any was there. */
  removeFolder(folder: string): boolean {
    const prefix = `${folder}/`;
    let removed = false;
    for (const path of [...this.records.keys()]) if (path.startsWith(prefix)) removed = this.remove(path) || removed;
    return removed;
  }

  private async read(fs: FileSystemPort, files: readonly string[], options: BuildOptions): Promise<void> {
    const cancellation = options.cancellation ?? neverCancelled;
    const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    let done = 0;
    let next = 0;
    const reportEvery = Math.max(1, Math.floor(files.length / 100));
    const worker = async (): Promise<void> => {
      while (next < files.length && !cancellation.isCancellationRequested) {
        const path = files[next++];
        let bytes: Uint8Array | undefined;
        try {
          bytes = await fs.readFile(path);
        } catch {
          // A file that vanished or cannot be read is simply not part of the site any more.
        }
        try {
          if (bytes && this.site.needsFileTime?.(path)) {
            const stat = await fs.stat(path);
            if (stat) this.fileTimes.set(path, stat.mtime);
          }
          if (!bytes || looksBinary(bytes)) this.remove(path);
          else this.update(path, textForIndex(bytes, maxBytes, this.site.generator.frontMatter.split));
        } catch (error) {
          // A post the index cannot take in is a bug: reported, and the rest of the site still read.
          logException(`indexing ${path}`, error);
          this.remove(path);
        }
        done++;
        if (done % reportEvery === 0 || done === files.length) options.onProgress?.(done, files.length);
      }
    };
    const workers = Array.from({ length: Math.max(1, options.concurrency ?? READ_CONCURRENCY) }, worker);
    await Promise.all(workers);
  }

  get version(): number {
    return this.changeCount;
  }

  /**
   * Changes only when a post's kind, title, slug, URL inputs, layout, date, publication, tags, categories or front-matter
   * keys change, or a post comes or goes: typing in a post's body leaves it alone, so what is derived from every post
   * (the rules' vocabulary, draft tags) is not rebuilt on each keystroke.
   */
  get taxonomyVersion(): number {
    return this.taxonomyChangeCount;
  }

  get size(): number {
    return this.records.size;
  }

  /**
   * Reflects the text of `path` (saved or not). Returns the new record, or undefined when the file is
   * not a post, draft or page of this site.
   */
  update(path: string, text: string): PostRecord | undefined {
    const kind = this.site.classify(path);
    if (!kind) {
      if (this.site.skipsNamedFile?.(path)) this.skippedFiles.add(path);
      this.remove(path);
      return undefined;
    }
    // A file read since its last stat (an edit, a change on disk) was modified about now.
    const modified = this.site.needsFileTime?.(path) ? this.fileTimes.get(path) ?? this.clock.now().getTime() : undefined;
    const record = this.intern(this.site.readPost(path, kind, text, modified));
    this.replace(path, record);
    return record;
  }

  remove(path: string): boolean {
    if (!this.records.has(path)) return this.skippedFiles.delete(path) && false;
    this.replace(path, undefined);
    return true;
  }

  posts(): Iterable<PostRecord> {
    return this.records.values();
  }

  post(path: string): PostRecord | undefined {
    return this.records.get(path);
  }

  tagCounts(): readonly TagCount[] {
    this.sortedTags ??= [...this.tagTotals]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || compareNames(a.name, b.name));
    return this.sortedTags;
  }

  categoryCounts(): readonly CategoryCount[] {
    this.sortedCategories ??= [...this.categoryTotals]
      .map(([key, count]) => ({ path: categoryFromKey(key), count }))
      .sort((a, b) => b.count - a.count || compareNames(a.path.join('/'), b.path.join('/')));
    return this.sortedCategories;
  }

  /** Terms of one taxonomy (`PostRecord.terms`) with the number of listed posts filed under each, most used first. */
  termCounts(taxonomy: string): readonly TagCount[] {
    const cached = this.termCountCache.get(taxonomy);
    if (cached && cached.version === this.taxonomyChangeCount) return cached.counts;
    const counts = this.countTerms(taxonomy);
    this.termCountCache.set(taxonomy, { version: this.taxonomyChangeCount, counts });
    return counts;
  }

  /** Recounted only when the taxonomy changes: completion asks on every keystroke. */
  private readonly termCountCache = new Map<string, { version: number; counts: readonly TagCount[] }>();

  private countTerms(taxonomy: string): readonly TagCount[] {
    const totals = new Map<string, number>();
    for (const record of this.records.values()) {
      const terms = record.terms?.[taxonomy];
      if (!terms || terms.length === 0 || !this.isCounted(record)) continue;
      for (const term of terms) totals.set(term, (totals.get(term) ?? 0) + 1);
    }
    return [...totals].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || compareNames(a.name, b.name));
  }

  keyCounts(): ReadonlyMap<string, number> {
    return this.keyTotals;
  }

  /** A post's tags and categories count only when the built site lists it (the generator decides). */
  isCounted(record: PostRecord): boolean {
    return this.site.isListed(record, this.clock.now());
  }

  private replace(path: string, record: PostRecord | undefined): void {
    const previous = this.records.get(path);
    if (!previous || !record || !sameTaxonomy(previous, record)) this.taxonomyChangeCount++;
    if (previous) this.count(previous, -1);
    if (record) {
      this.records.set(path, record);
      this.count(record, +1);
    } else {
      this.records.delete(path);
    }
    this.changeCount++;
  }

  private count(record: PostRecord, delta: 1 | -1): void {
    for (const key of record.keys) adjust(this.keyTotals, key, delta);
    if (!this.isCounted(record)) return;
    if (record.tags.length > 0) {
      for (const tag of record.tags) adjust(this.tagTotals, tag, delta);
      this.sortedTags = undefined;
    }
    if (record.categories.length > 0) {
      for (const node of categoryNodesOf(record.categories)) adjust(this.categoryTotals, categoryKey(node), delta);
      this.sortedCategories = undefined;
    }
  }

  /** Shares one string per tag, category and key name across posts: 10,000 posts repeat a few hundred names. */
  private intern(record: PostRecord): PostRecord {
    const intern = (value: string): string => {
      const known = this.names.get(value);
      if (known !== undefined) return known;
      const own = detached(value);
      this.names.set(own, own);
      return own;
    };
    return {
      ...record,
      title: detached(record.title),
      ...(record.urlInputs === undefined ? {} : { urlInputs: detached(record.urlInputs) }),
      tags: record.tags.map(intern),
      categories: record.categories.map((path) => path.map(intern)),
      keys: record.keys.map(intern),
      // Rare, but an imported site may set it on every post: re-indexing a post keeps one copy.
      ...(record.slug === undefined ? {} : { slug: intern(record.slug) }),
    };
  }
}

function sameTaxonomy(a: PostRecord, b: PostRecord): boolean {
  return a.kind === b.kind && a.title === b.title && sameList(a.keys, b.keys) && a.slug === b.slug && a.published === b.published
    && a.urlInputs === b.urlInputs && a.layout === b.layout
    && Boolean(a.error) === Boolean(b.error) && a.date?.getTime() === b.date?.getTime()
    && sameList(a.tags, b.tags) && a.categories.length === b.categories.length
    && a.categories.every((path, i) => sameList(path, b.categories[i]))
    && a.publishDate?.getTime() === b.publishDate?.getTime() && a.expiryDate?.getTime() === b.expiryDate?.getTime()
    && sameTerms(a.terms, b.terms) && sameTerms(a.termSpellings, b.termSpellings);
}

function sameTerms(a: PostRecord['terms'], b: PostRecord['terms']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => sameList(a[key], b[key] ?? []));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function adjust(table: Map<string, number>, key: string, delta: number): void {
  const next = (table.get(key) ?? 0) + delta;
  if (next > 0) table.set(key, next);
  else table.delete(key);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The index needs only a post's front matter, which sits at the top. Decoding just that is enough
 * when the block closes there: UTF-8 decoding costs per byte, and whole bodies were a third of a
 * cold build. The first head ends just past the first line that starts like a closing fence; then
 * 4 KB, then the whole file. A head is used only when its split closes before its end, which the
 * whole text then splits the same way, so the result is that of reading everything.
 */
const HEAD_BYTES = 4096;

function textForIndex(bytes: Uint8Array, maxBytes: number, splitFrontMatter: (text: string) => FrontMatterSplit): string {
  for (const size of [fenceHeadLength(bytes), HEAD_BYTES]) {
    if (size === 0 || bytes.length <= size) continue;
    const head = decodeText(bytes.subarray(0, size));
    const split = splitFrontMatter(head);
    // A multi-byte character cut at the end decodes as U+FFFD, but only after bodyOffset, in the body.
    if (split.closingFence && split.bodyOffset < head.length) return head;
  }
  return decodeText(bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes);
}

/** Bytes up to one past the line break after the first later line starting `---`, `+++` or `;;;` (0: none in 4 KB). */
function fenceHeadLength(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, HEAD_BYTES) - 3;
  for (let i = 1; i < limit; i++) {
    if (bytes[i - 1] !== 0x0a) continue;
    const c = bytes[i];
    if ((c !== 0x2d && c !== 0x3b && c !== 0x2b) || bytes[i + 1] !== c || bytes[i + 2] !== c) continue;
    const lineEnd = bytes.indexOf(0x0a, i + 3);
    return lineEnd === -1 ? 0 : lineEnd + 2;
  }
  return 0;
}

/** Every file below `folder` (the site's source folder, or one inside it) that could be a post, draft or page. */
async function listContentFiles(fs: FileSystemPort, site: Site, folder: string, cancellation: Cancellation, skipped: Set<string>): Promise<string[]> {
  const files = await walkFiles(fs, folder, { skipFolder: (name) => name === 'node_modules' || name.startsWith('.'), cancellation });
  site.noteFiles?.(files);
  const content = files.filter((path) => site.classify(path));
  if (site.skipsNamedFile) for (const path of files) if (site.skipsNamedFile(path)) skipped.add(path);
  return content.sort();
}
