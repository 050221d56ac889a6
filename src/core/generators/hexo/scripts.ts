import { extname, joinPath } from '../../path';
import type { FileSystemPort } from '../../ports';
import { readTextIfPresent } from '../../site/readText';
import { walkFiles } from '../../walkFiles';

/** A site's scripts are few; a folder of thousands is not read past this. */
const MAX_SCRIPT_FILES = 300;
const MAX_SCRIPT_BYTES = 1024 * 1024;
const SCRIPT_EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);
const REGISTER = /hexo\.extend\.tag\.register\(\s*(['"`])([A-Za-z_][\w-]*)\1/g;

/** Hexo's own packages, which register no tag a post uses. */
const NOT_TAG_PLUGINS = new Set(['hexo', 'hexo-cli', 'hexo-fs', 'hexo-util', 'hexo-log', 'hexo-i18n', 'hexo-front-matter', 'hexo-server', 'hexo-bunyan']);

/**
 * The tag plugins a Hexo site's own scripts, its theme's and its installed plugins register
 * (`scripts/`, `themes/<theme>/scripts/`, and the `hexo-*` dependencies of its package.json found in
 * `node_modules/`, all of which Hexo loads): name → whether the tag takes a body. Read from the source,
 * not run: a call is `hexo.extend.tag.register('name', fn, …)`, and it takes a body when its options
 * say `ends: true` (or a lone `true`) before the next registration. A plugin not installed is not read.
 */
export async function readRegisteredTags(fs: FileSystemPort, root: string, theme: string | undefined): Promise<Map<string, boolean>> {
  const tags = new Map<string, boolean>();
  const folders = [joinPath(root, 'scripts'), ...(theme ? [joinPath(root, 'themes', theme, 'scripts')] : []), ...(await pluginFolders(fs, root))];
  for (const folder of folders) {
    let files: string[];
    try {
      files = await walkFiles(fs, folder, { skipFolder: (name) => name === 'node_modules' || name.startsWith('.') });
    } catch {
      continue; // no scripts folder
    }
    for (const file of files.filter((path) => SCRIPT_EXTENSIONS.has(extname(path))).slice(0, MAX_SCRIPT_FILES)) {
      const stat = await fs.stat(file);
      if (!stat || stat.size > MAX_SCRIPT_BYTES) continue;
      const text = await readTextIfPresent(fs, file);
      if (text) for (const [name, ends] of registrations(text)) if (!tags.has(name)) tags.set(name, ends);
    }
  }
  return tags;
}

function registrations(text: string): Array<[string, boolean]> {
  const found = Array.from(text.matchAll(REGISTER));
  return found.map((match, i) => {
    const after = text.slice(match.index + match[0].length, found[i + 1]?.index ?? text.length);
    return [match[2], /\bends\s*:\s*true\b|,\s*true\s*\)/.test(after)];
  });
}

/** The installed `hexo-*` plugins the site's package.json depends on. */
async function pluginFolders(fs: FileSystemPort, root: string): Promise<string[]> {
  const text = await readTextIfPresent(fs, joinPath(root, 'package.json'));
  if (!text) return [];
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return []; // a broken package.json: Hexo would not start either
  }
  const dependencies = typeof manifest === 'object' && manifest !== null ? (manifest as { dependencies?: unknown }).dependencies : undefined;
  if (typeof dependencies !== 'object' || dependencies === null) return [];
  const names = Object.keys(dependencies).filter((name) => /^(@[\w.-]+\/)?hexo-[\w.-]+$/.test(name) && !NOT_TAG_PLUGINS.has(name));
  const folders: string[] = [];
  for (const name of names) {
    const folder = joinPath(root, 'node_modules', ...name.split('/'));
    if ((await fs.stat(folder))?.kind === 'directory') folders.push(folder);
  }
  return folders;
}
