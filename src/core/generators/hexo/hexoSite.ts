import type { FileSystemPort } from '../../ports';
import { basename, extname, joinPath, relativeInside } from '../../path';
import { HEXO_DEFAULT_CONFIG, readHexoConfig, type HexoConfig } from './hexoConfig';
import type { ConfigProblem, PostKind, PostRecord } from '../../site/types';
import type { PostFileName, Site } from '../generator';
import { hexoGenerator } from './hexoGenerator';
import { fileNameDateParts, parsePostFileName } from './postFileName';
import { readPostRecord } from './postRecord';
import { MARKDOWN_EXTENSIONS } from '../../site/markdownFiles';
import { readTemplateFolder, readTextIfPresent } from '../../site/readText';
import { readRegisteredTags } from './scripts';

/** Hexo skips names starting with `_` or `.` anywhere in the path (hexo `processor/common.ts` `isHiddenFile`). */
function isHiddenPath(relative: string): boolean {
  return /(^|\/)[_.]/.test(relative);
}

/** Editor backups and temp files (hexo `isTmpFile`). */
function isTemporaryPath(relative: string): boolean {
  return relative.endsWith('%') || relative.endsWith('~');
}

export class HexoSite implements Site {
  readonly generator = hexoGenerator;

  constructor(
    readonly root: string,
    readonly config: HexoConfig,
    readonly configProblems: readonly ConfigProblem[],
    readonly scaffolds: ReadonlyMap<string, string>,
    /** The tag plugins the site's and its theme's scripts register: name → takes a body. */
    readonly registeredTags: ReadonlyMap<string, boolean> = new Map(),
  ) {
    this.sourceRoot = joinPath(root, config.sourceDir);
  }

  /** Asked for every file the index and the rules look at: computed once. */
  readonly sourceRoot: string;

  get postsDir(): string {
    return joinPath(this.sourceRoot, '_posts');
  }

  get draftsDir(): string {
    return joinPath(this.sourceRoot, '_drafts');
  }

  /** Which kind of content `path` is for Hexo (hexo `lib/plugins/processor/post.ts` pattern), if any. */
  classify(path: string): PostKind | undefined {
    const relative = relativeInside(this.sourceRoot, path);
    if (relative === undefined || relative === '' || isTemporaryPath(relative)) return undefined;
    const extension = extname(path).toLowerCase();
    if (!MARKDOWN_EXTENSIONS.has(extension)) return undefined;
    for (const [folder, kind] of [['_posts/', 'post'], ['_drafts/', 'draft']] as const) {
      if (!relative.startsWith(folder)) continue;
      const inner = relative.slice(folder.length);
      if (inner === '' || isHiddenPath(inner)) return undefined;
      // With post asset folders Hexo renders only files with new_post_name's extension.
      if (this.config.postAssetFolder && extension !== extname(this.config.newPostName).toLowerCase()) return undefined;
      return kind;
    }
    return isHiddenPath(relative) ? undefined : 'page';
  }

  /** The path below `_posts/` or `_drafts/` (what `new_post_name` is matched against). */
  postRelativePath(path: string): string {
    const relative = relativeInside(this.sourceRoot, path) ?? basename(path);
    return relative.replace(/^_(posts|drafts)\//, '');
  }

  readPost(path: string, kind: PostKind, text: string): PostRecord {
    return readPostRecord(this, path, kind, text);
  }

  /** Hexo lists a post (and counts its tags and categories) only when it is shown (hexo `Post#notPublished`). */
  isListed(record: PostRecord, now: Date): boolean {
    if (record.kind === 'page' || record.error) return false;
    if (!this.config.future && record.date && record.date.getTime() > now.getTime()) return false;
    return this.config.renderDrafts || record.published;
  }

  /** The slug and date Hexo reads from a post's path below `_posts/` by `new_post_name`. */
  postFileName(path: string): PostFileName {
    const fields = parsePostFileName(this.config.newPostName, this.postRelativePath(path));
    const date = fileNameDateParts(fields);
    return date ? { slug: fields.title, date } : { slug: fields.title };
  }
}

/** Loads a Hexo site's config and scaffolds. A missing or broken `_config.yml` is a problem, not a failure. */
export async function loadHexoSite(fs: FileSystemPort, root: string): Promise<HexoSite> {
  const configPath = joinPath(root, '_config.yml');
  let config: HexoConfig = HEXO_DEFAULT_CONFIG;
  const problems: ConfigProblem[] = [];
  const configText = await readTextIfPresent(fs, configPath);
  if (configText === undefined) {
    problems.push({ file: configPath, message: 'No _config.yml: Hexo defaults apply.' });
  } else {
    const result = readHexoConfig(configText, configPath);
    config = result.config;
    problems.push(...result.problems);
  }
  return new HexoSite(root, config, problems, await readTemplateFolder(fs, joinPath(root, 'scaffolds')), await readRegisteredTags(fs, root, config.theme));
}
