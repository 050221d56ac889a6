import { extname } from '../path';

/**
 * Where a file pasted or dropped into a post goes and how the post refers to it, as the post's
 * generator serves it (Hexo's asset folder and `asset_img`, Hugo's page bundle, else a served folder).
 */
export interface AssetPlacement {
  /** Absolute `/` path of the folder the file is written to. */
  readonly folder: string;
  /** What the post says to show or link the file named `name` in that folder. */
  reference(name: string): string;
}

const IMAGE = /\.(png|jpe?g|gif|webp|svg|avif|bmp|ico)$/i;

export function isImageName(name: string): boolean {
  return IMAGE.test(name);
}

/** A Markdown image or link to `target`, with spaces and parentheses escaped so the target stays one. */
export function markdownReference(name: string, target: string): string {
  const escaped = target.replace(/[ ()<>]/g, (char) => encodeURIComponent(char));
  return isImageName(name) ? `![](${escaped})` : `[${name}](${escaped})`;
}

/** `name`, else `stem-1.ext`, `stem-2.ext`…: the first name not `taken`, so nothing is overwritten. */
export function unusedFileName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const extension = extname(name);
  const stem = extension ? name.slice(0, -extension.length) : name;
  for (let n = 1; ; n++) {
    const candidate = `${stem}-${n}${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Characters that make a poor file name on some system, or in a URL, replaced by `-`. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|#%\u0000-\u001f]+/g, '-').replace(/^\.+/, '').trim() || 'image';
}
