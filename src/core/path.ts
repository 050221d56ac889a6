/**
 * POSIX-style path helpers for the core, which sees only absolute `/`-separated paths (adapters
 * convert Windows paths and URIs at the edge). Kept here so the core needs no Node built-ins.
 */
/** A path with no empty, `.` or `..` segments and no trailing slash is already normal (the hot case). */
const NEEDS_NORMALIZING = /\/\/|\/\.\.?(?:\/|$)|^\.\.?(?:\/|$)|.\/$/;

export function normalizePath(path: string): string {
  if (path.startsWith('/') && !NEEDS_NORMALIZING.test(path)) return path;
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function joinPath(...segments: string[]): string {
  return normalizePath(segments.filter((segment) => segment !== '').join('/'));
}

export function dirname(path: string): string {
  const index = path.replace(/\/+$/, '').lastIndexOf('/');
  if (index < 0) return '.';
  return index === 0 ? '/' : path.slice(0, index);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The extension with its dot (`.md`), or '' when there is none. */
export function extname(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** `path` relative to `base`, or undefined when `path` is not inside `base`. */
export function relativeInside(base: string, path: string): string | undefined {
  const normalizedBase = normalizePath(base);
  const normalizedPath = normalizePath(path);
  if (normalizedPath === normalizedBase) return '';
  const prefix = normalizedBase.endsWith('/') ? normalizedBase : `${normalizedBase}/`;
  return normalizedPath.startsWith(prefix) ? normalizedPath.slice(prefix.length) : undefined;
}

/** `path` relative to the folder `from` (`../images/a.png`), both absolute `/` paths. */
export function relativePath(from: string, path: string): string {
  const base = normalizePath(from).split('/').filter(Boolean);
  const target = normalizePath(path).split('/').filter(Boolean);
  let common = 0;
  while (common < base.length && common < target.length && base[common] === target[common]) common++;
  return [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}
