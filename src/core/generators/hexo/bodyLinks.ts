import type { BodyLink, Site } from '../generator';
import type { TextEdit } from '../../edits';
import type { SiteIndexView } from '../../index/types';
import { dirname, joinPath, relativeInside, relativePath } from '../../path';
import { isImageName, markdownReference, type AssetPlacement } from '../../posts/assetPlacement';
import { HexoSite } from './hexoSite';
import { scanBody } from '../../rules/bodyScan';
import type { PostRecord } from '../../site/types';
import { LineMap } from '../../text/lineMap';
import { readHexoDate, splitFrontMatter } from '../../frontMatter';
import { hexoPostPath, hexoUrlFor, permalinkFollowsFileName, safeDecode } from './permalink';
import { fileNameDateParts, hexoPostSlug, parsePostFileName } from './postFileName';
import { hexoPermalinkOf, type HexoPostRecord } from './postRecord';
import { postAtUrl, postUrls } from './postUrls';
import { pageKey } from './urlLinks';

const POST_TAGS = new Set(['post_link', 'post_path']);
const ASSET_TAGS = new Set(['asset_img', 'asset_image', 'asset_link', 'asset_path']);

/**
 * What a Hexo post's tag plugins point at, outside code as Hexo sees it: `post_link`/`post_path` to
 * the post Hexo finds (by slug, then title), `asset_*` to files of the post's asset folder (every
 * argument of `asset_img` is a candidate, as Hexo tries each; the adapter keeps those on disk).
 */
export function hexoBodyLinks(text: string, path: string, index: SiteIndexView | undefined): BodyLink[] {
  const split = splitFrontMatter(text);
  const body = scanBody(text, split.bodyOffset);
  const lines = new LineMap(text);
  const links: BodyLink[] = [];
  const assetFolder = path.replace(/\.[^./]+$/, '');
  let targets: LinkTargets | undefined;
  // Markdown links to a post by the URL Hexo serves it at.
  const urls = index && index.site instanceof HexoSite && body.links.some((link) => !link.image && link.url.startsWith('/')) ? postUrls(index, index.site.config) : undefined;
  for (const link of urls ? body.links : []) {
    const post = link.image ? undefined : postAtUrl(link.url, urls!);
    if (post) links.push({ range: lines.range(link.start, link.end), target: post.path, post });
  }
  for (const tag of body.tags) {
    if (POST_TAGS.has(tag.name)) {
      const first = tag.args[0];
      targets ??= index && linkTargets(index);
      const post = first && targets ? targets.bySlug.get(first.value) ?? targets.byTitle.get(first.value) : undefined;
      if (post) links.push({ range: lines.range(first.start, first.end), target: post.path, post });
    } else if (ASSET_TAGS.has(tag.name) && index?.site.config.postAssetFolder) {
      const candidates = tag.name.startsWith('asset_im') ? tag.args : tag.args.slice(0, 1);
      for (const arg of candidates) links.push({ range: lines.range(arg.start, arg.end), target: joinPath(assetFolder, arg.value), ifExists: true });
    }
  }
  return links;
}

interface LinkTargets {
  readonly bySlug: ReadonlyMap<string, PostRecord>;
  readonly byTitle: ReadonlyMap<string, PostRecord>;
}

const targetCache = new WeakMap<SiteIndexView, { version: number; targets: LinkTargets }>();

/**
 * Every post `post_link` can find, by slug and by title (the first of each), kept until a post comes,
 * goes or is retitled: finding every link to a post reads the links of every post.
 */
function linkTargets(index: SiteIndexView): LinkTargets {
  const version = index.taxonomyVersion;
  const cached = targetCache.get(index);
  if (cached && version !== undefined && cached.version === version) return cached.targets;
  const targets = buildLinkTargets(index);
  if (version !== undefined) targetCache.set(index, { version, targets });
  return targets;
}

function buildLinkTargets(index: SiteIndexView): LinkTargets {
  const bySlug = new Map<string, PostRecord>();
  const byTitle = new Map<string, PostRecord>();
  for (const record of linkablePosts(index)) {
    const slug = index.site.postFileName(record.path).slug;
    if (!bySlug.has(slug)) bySlug.set(slug, record);
    if (record.title && !byTitle.has(record.title)) byTitle.set(record.title, record);
  }
  return { bySlug, byTitle };
}

/** The posts `post_link` looks among: posts, and drafts where the site renders them. */
export function* linkablePosts(index: SiteIndexView): Iterable<PostRecord> {
  const { renderDrafts } = index.site.config;
  for (const record of index.posts()) if (record.kind === 'post' || (record.kind === 'draft' && renderDrafts)) yield record;
}

/**
 * The post `post_link` finds for `name` (hexo `plugins/tag/post_link.ts`): by slug, then by title;
 * drafts only where the site renders them.
 */
export function findLinkedPost(name: string, index: SiteIndexView): PostRecord | undefined {
  let byTitle: PostRecord | undefined;
  for (const record of linkablePosts(index)) {
    if (index.site.postFileName(record.path).slug === name) return record;
    if (!byTitle && record.title === name) byTitle = record;
  }
  return byTitle;
}

/**
 * The edits that keep `post_link`/`post_path` working when the post at `from` moves to `to`: each
 * that names it by its slug (outside code, as Hexo reads the body) names the new slug, quoted when it
 * has a space. A link by title still finds the post, and is left alone.
 */
export function hexoRenamedPostEdits(text: string, from: string, to: string, site: Site, _path?: string, index?: SiteIndexView): TextEdit[] {
  // `post_link` names posts and drafts only: a page of the same slug is not what it links to.
  if (site.classify(from) === 'page') return [];
  const before = site.postFileName(from).slug;
  const after = site.postFileName(to).slug;
  const slugMoves = Boolean(before && after && before !== after && text.includes(before));
  const url = text.includes('](/') && site instanceof HexoSite ? movedUrl(from, to, site, index) : undefined;
  if (!slugMoves && !url) return [];
  const body = scanBody(text, splitFrontMatter(text).bodyOffset);
  const lines = new LineMap(text);
  const edits: TextEdit[] = [];
  for (const tag of slugMoves ? body.tags : []) {
    const first = tag.args[0];
    if (!POST_TAGS.has(tag.name) || !first || first.value !== before) continue;
    edits.push({ range: lines.range(first.start, first.end), newText: /\s/.test(after) ? `"${after}"` : after });
  }
  for (const link of url ? body.links : []) {
    if (link.image || !link.url.startsWith('/') || pageKey(link.url) !== url!.key) continue;
    edits.push({ range: lines.range(link.start, link.end), newText: relinked(link.url, url!.before, url!.after) });
  }
  return edits.sort((a, b) => a.range.startOffset - b.range.startOffset);
}

/**
 * The post's URL before and after it moves from `from` to `to`, when the move changes it: the rule
 * names the file's slug and no front-matter `permalink:` fixes the URL.
 */
function movedUrl(from: string, to: string, site: HexoSite, index: SiteIndexView | undefined): { key: string; before: string; after: string } | undefined {
  const { config } = site;
  const record = index?.post(from) as HexoPostRecord | undefined;
  const kind = site.classify(to);
  const permalink = record ? hexoPermalinkOf(record, site) : undefined;
  if (!permalinkFollowsFileName(config) || !record || permalink === undefined || record.permalinkData?.override || (kind !== 'post' && kind !== 'draft')) return undefined;
  const published = kind === 'post' && (record.kind !== 'post' || record.published);
  let date = record.date;
  if (!record.keys.includes('date')) {
    // A post dated by its file name takes the new name's date.
    const parts = fileNameDateParts(parsePostFileName(config.newPostName, site.postRelativePath(to)));
    if (parts) date = readHexoDate(new Date(parts.year, parts.month - 1, parts.day), config.timezone);
  }
  const path = hexoPostPath({
    slug: hexoPostSlug(config.newPostName, site.postRelativePath(to)), title: record.title, titled: record.keys.includes('title'), date,
    categories: published || config.renderDrafts ? record.categories : [], layout: record.layout, fields: record.permalinkData?.fields,
  }, config);
  if (path === undefined) return undefined;
  const before = hexoUrlFor(permalink, config);
  const after = hexoUrlFor(path, config);
  return before === after ? undefined : { key: pageKey(before), before, after };
}

/** The new URL written as the link wrote the old one: decoded if it was, its query and fragment kept. */
function relinked(written: string, before: string, after: string): string {
  const cut = written.search(/[?#]/);
  const suffix = cut === -1 ? '' : written.slice(cut);
  const path = cut === -1 ? written : written.slice(0, cut);
  const decoded = safeDecode(after);
  return (path === safeDecode(before) && path !== before && !/[\s()<>]/.test(decoded) ? decoded : after) + suffix;
}

/** A post's asset folder where the site has them (`post_asset_folder`): its path without the extension. */
export function hexoAssetFolder(path: string, site: Site): string | undefined {
  return site.config.postAssetFolder ? path.replace(/\.[^./]+$/, '') : undefined;
}

/**
 * A pasted or dropped file in a Hexo post: into the post's asset folder (`post_asset_folder`), shown
 * with `![](name)` where hexo-renderer-marked resolves it (`marked.postAsset`), else with `asset_img`
 * or `asset_link`; without asset folders, into `fallbackFolder` (default `source/images`) by the path
 * it is served at.
 */
export function placeHexoAsset(site: Site, postPath: string, fallbackFolder: string): AssetPlacement {
  const own = hexoAssetFolder(postPath, site);
  if (own) {
    const postAsset = site instanceof HexoSite && site.config.markedPostAsset;
    return {
      folder: own,
      reference: (name) => (postAsset ? markdownReference(name, name) : `{% ${isImageName(name) ? 'asset_img' : 'asset_link'} ${/\s/.test(name) ? `"${name}"` : name} %}`),
    };
  }
  const folder = joinPath(site.root, fallbackFolder || `${relativeInside(site.root, site.sourceRoot) ?? 'source'}/images`);
  const served = relativeInside(site.sourceRoot, folder);
  // A folder Hexo does not serve (outside `source/`) is linked relatively, for editors' previews at least.
  return { folder, reference: (name) => markdownReference(name, served !== undefined ? `/${served ? `${served}/` : ''}${name}` : relativePath(dirname(postPath), `${folder}/${name}`)) };
}

/**
 * The edits that keep a post showing its asset once the file moves from `from` to `to` within the
 * post's asset folder: `asset_img`/`asset_link`/`asset_path` arguments and, where hexo-renderer-marked
 * resolves them (`marked.postAsset`), Markdown links and images that name the file.
 */
export function hexoRenamedAssetEdits(text: string, postPath: string, from: string, to: string, site: Site): TextEdit[] {
  const folder = hexoAssetFolder(postPath, site);
  if (!folder || dirname(from) !== folder || dirname(to) !== folder) return [];
  const before = from.slice(folder.length + 1);
  const after = to.slice(folder.length + 1);
  if (!text.includes(before) && !text.includes(encodeURI(before))) return [];
  const body = scanBody(text, splitFrontMatter(text).bodyOffset);
  const lines = new LineMap(text);
  const edits: TextEdit[] = [];
  for (const tag of body.tags) {
    if (!ASSET_TAGS.has(tag.name)) continue;
    for (const arg of tag.name.startsWith('asset_im') ? tag.args : tag.args.slice(0, 1)) {
      if (arg.value === before) edits.push({ range: lines.range(arg.start, arg.end), newText: /\s/.test(after) ? `"${after}"` : after });
    }
  }
  if (site instanceof HexoSite && site.config.markedPostAsset) {
    for (const link of body.links) {
      if (link.url === before || safeDecodeUri(link.url) === before) edits.push({ range: lines.range(link.start, link.end), newText: after.replace(/[ ()<>]/g, (char) => encodeURIComponent(char)) });
    }
  }
  return edits;
}

function safeDecodeUri(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
