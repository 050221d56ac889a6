import type { FileSystemPort } from '../../ports';
import { extname, joinPath } from '../../path';
import type { JekyllConfig } from './jekyllConfig';

/**
 * Where Ruby keeps installed gems, for a theme gem's `_layouts`: Bundler's `vendor/bundle` inside the
 * site first (`bundle config path vendor/bundle`), then the system's gem folders (Debian's packaged
 * gems, `gem install` as root, Homebrew and macOS Ruby). `*` stands for the Ruby version folder.
 */
const GEM_FOLDERS = [
  'vendor/bundle/ruby/*/gems',
  '/usr/share/rubygems-integration/all/gems',
  '/var/lib/gems/*/gems',
  '/usr/local/lib/ruby/gems/*/gems',
  '/usr/lib/ruby/gems/*/gems',
  '/opt/homebrew/lib/ruby/gems/*/gems',
  '/Library/Ruby/Gems/*/gems',
];

/**
 * The layouts a post of this site may name, name → the file (relative to the site root, or absolute
 * for a theme's): the site's `layouts_dir`, then its theme gem's `_layouts` where the gem is
 * installed (a site layout of the same name wins, as Jekyll's LayoutReader has it).
 */
export async function readJekyllLayouts(fs: FileSystemPort, sourceRoot: string, config: JekyllConfig, themeRoot: string | undefined): Promise<Map<string, string>> {
  const layouts = new Map<string, string>();
  for (const [name, file] of await layoutFiles(fs, joinPath(sourceRoot, config.layoutsDir))) layouts.set(name, `${config.layoutsDir}/${file}`);
  if (themeRoot) {
    const themeLayouts = joinPath(themeRoot, '_layouts');
    for (const [name, file] of await layoutFiles(fs, themeLayouts)) if (!layouts.has(name)) layouts.set(name, joinPath(themeLayouts, file));
  }
  return layouts;
}

/** A layouts folder's files by layout name (the file name without its extension). */
async function layoutFiles(fs: FileSystemPort, folder: string): Promise<Array<[string, string]>> {
  const entries = await fs.readDirectory(folder).catch(() => []);
  return entries
    .filter((entry) => entry.kind === 'file' && !entry.name.startsWith('.'))
    .map((entry): [string, string] => [entry.name.slice(0, entry.name.length - extname(entry.name).length), entry.name])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The folder of the newest installed version of the theme gem (holding its `_layouts`), if any. */
export async function findThemeRoot(fs: FileSystemPort, root: string, theme: string): Promise<string | undefined> {
  for (const pattern of GEM_FOLDERS) {
    const absolute = pattern.startsWith('/') ? pattern : joinPath(root, pattern);
    for (const gems of await expandStar(fs, absolute)) {
      const versions = (await fs.readDirectory(gems).catch(() => []))
        .filter((entry) => entry.kind === 'directory' && entry.name.startsWith(`${theme}-`) && /^\d/.test(entry.name.slice(theme.length + 1)))
        .map((entry) => entry.name)
        .sort(compareGemVersions);
      const newest = versions[versions.length - 1];
      if (newest && (await fs.stat(joinPath(gems, newest, '_layouts')))?.kind === 'directory') return joinPath(gems, newest);
    }
  }
  return undefined;
}

/** The folders a path with one `*` segment names (the path itself when it has none). */
async function expandStar(fs: FileSystemPort, path: string): Promise<string[]> {
  const star = path.indexOf('/*/');
  if (star === -1) return [path];
  const parent = path.slice(0, star);
  const rest = path.slice(star + 3);
  const entries = await fs.readDirectory(parent).catch(() => []);
  return entries.filter((entry) => entry.kind === 'directory').map((entry) => joinPath(parent, entry.name, rest));
}

/** `minima-2.5.1` before `minima-2.10.0`: numeric parts compared as numbers. */
function compareGemVersions(a: string, b: string): number {
  const parts = (name: string) => name.split(/[-.]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? -1, y[i] ?? -1];
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}
