import type { FileSystemPort } from '../ports';
import { extname, joinPath } from '../path';
import { decodeText } from '../text/decode';

/** A file's text, or undefined when it is absent or unreadable: what site detection and config reading need. */
export async function readTextIfPresent(fs: FileSystemPort, path: string): Promise<string | undefined> {
  try {
    return decodeText(await fs.readFile(path));
  } catch {
    return undefined; // absent (or unreadable): what the name promises
  }
}

/**
 * The texts of a folder's files by name without extension (Hexo's scaffolds, Hugo's archetypes:
 * `post.md` is `post`); hidden files and sub-folders are left out, a missing folder gives none.
 */
export async function readTemplateFolder(fs: FileSystemPort, folder: string): Promise<Map<string, string>> {
  const templates = new Map<string, string>();
  let entries;
  try {
    entries = await fs.readDirectory(folder);
  } catch {
    return templates; // no such folder: the generator's built-in templates apply
  }
  for (const entry of entries) {
    if (entry.kind !== 'file' || entry.name.startsWith('.')) continue;
    const text = await readTextIfPresent(fs, joinPath(folder, entry.name));
    if (text === undefined) continue;
    const extension = extname(entry.name);
    templates.set(extension ? entry.name.slice(0, -extension.length) : entry.name, text);
  }
  return templates;
}
