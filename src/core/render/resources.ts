import { dirname, extname, joinPath, relativeInside } from '../path';
import { isMarkdownPath } from '../site/markdownFiles';
import { escapeHtml } from './html';
import { urlScheme, type UrlPolicy } from './sanitize';
import type { RenderContext } from './types';

/**
 * Where images and links of a post point, the way Hexo and hexo-renderer-marked read them:
 * - `https://…` stays remote (the preview's CSP admits https images only);
 * - `/images/x.png` is root-relative: it is served from the site's `source/` folder;
 * - `x.png` with `post_asset_folder: true` is looked up in the post's asset folder
 *   (hexo-renderer-marked `postAsset`), falling back to the post's own folder;
 * - anything else is relative to the post's folder.
 */
const IMAGE_DATA_URL = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,[a-z0-9+/=\s]+$/i;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

export interface ResolvedImage {
  readonly src: string;
  /** Tried when `src` fails to load. */
  readonly fallback?: string;
  /** The file the image was looked for in (shown in the missing-image placeholder). */
  readonly path?: string;
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path; // a stray `%` in the writer's path: used as written
  }
}

/** The post's asset folder (`source/_posts/foo.md` → `source/_posts/foo`), when the site uses them. */
export function assetFolderOf(context: RenderContext): string | undefined {
  const site = context.site;
  if (!site?.config.postAssetFolder) return undefined;
  const kind = site.classify(context.documentPath);
  if (kind !== 'post' && kind !== 'draft') return undefined;
  const extension = extname(context.documentPath);
  return context.documentPath.slice(0, context.documentPath.length - extension.length);
}

/** A local file path for a site-relative reference, or undefined for remote and unsafe ones. */
function localPath(reference: string, context: RenderContext, base: string): string | undefined {
  const clean = decodePath(reference.split(/[?#]/)[0]);
  if (!clean) return undefined;
  if (clean.startsWith('/')) return joinPath(context.site?.sourceRoot ?? dirname(context.documentPath), clean);
  return joinPath(base, clean);
}

export function resolveImage(src: string, context: RenderContext): ResolvedImage | undefined {
  const trimmed = src.trim();
  const scheme = urlScheme(trimmed);
  if (scheme === 'https' || scheme === 'http') return { src: trimmed };
  if (trimmed.startsWith('//')) return { src: `https:${trimmed}` };
  if (scheme === 'data') return IMAGE_DATA_URL.test(trimmed) ? { src: trimmed } : undefined;
  if (scheme) return undefined;
  const documentFolder = dirname(context.documentPath);
  const assets = assetFolderOf(context);
  if (assets && !trimmed.startsWith('/')) {
    const inAssets = localPath(trimmed, context, assets);
    const beside = localPath(trimmed, context, documentFolder);
    if (!inAssets || !beside) return undefined;
    return { src: context.resourceUrl(inAssets), fallback: context.resourceUrl(beside), path: inAssets };
  }
  const path = localPath(trimmed, context, documentFolder);
  return path ? { src: context.resourceUrl(path), path } : undefined;
}

export function imageAttributes(image: ResolvedImage | undefined, original: string): Record<string, string> {
  if (!image) return { 'data-pc-missing': original };
  const out: Record<string, string> = { src: image.src };
  if (image.fallback) out['data-pc-fallback'] = image.fallback;
  out['data-pc-path'] = image.path ?? original;
  return out;
}

/** Link attributes: external links stay; links to Markdown files in the site open them in the editor. */
export function linkAttributes(href: string, context: RenderContext): Record<string, string> | undefined {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return { href: trimmed };
  const scheme = urlScheme(trimmed);
  if (scheme) return LINK_SCHEMES.has(scheme) ? { href: trimmed } : undefined;
  if (trimmed.startsWith('//')) return { href: `https:${trimmed}` };
  const path = localPath(trimmed, context, dirname(context.documentPath));
  if (path && isMarkdownPath(path) && (!context.site || relativeInside(context.site.root, path) !== undefined)) {
    return { href: trimmed, 'data-pc-open': path };
  }
  return { href: trimmed };
}

export function urlPolicy(context: RenderContext, frame: (src: string) => string): UrlPolicy {
  return {
    image: (src) => imageAttributes(resolveImage(src, context), src),
    link: (href) => linkAttributes(href, context),
    frame,
  };
}

export function frameHtml(src: string, label: string): string {
  const safe = linkAttributes(src, { documentPath: '/', resourceUrl: () => '' });
  const link = safe && /^https?:/i.test(safe.href) ? `<a href="${escapeHtml(safe.href)}">${escapeHtml(safe.href)}</a>` : escapeHtml(src);
  return `<span class="pc-embed" role="note"><span class="pc-embed-label">${escapeHtml(label)}</span> ${link}</span>`;
}
