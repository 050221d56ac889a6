import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repo = resolve(__dirname, '..', '..', '..');

/**
 * A scratch copy of a Hexo site for the oracle, with the project's node_modules linked in so Hexo
 * finds itself and hexo-renderer-marked; no db.json, so Hexo reads cold.
 */
export function scratchSite(site: string, edit?: (root: string) => void): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'postcraft-oracle-')), 'site');
  cpSync(site, copy, { recursive: true });
  rmSync(join(copy, 'db.json'), { force: true });
  rmSync(join(copy, 'node_modules'), { recursive: true, force: true });
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  edit?.(copy);
  return copy;
}

/** A plain scratch copy of a fixture site (Hugo, Jekyll), leaving out generated folders named in `skip`. */
export function scratchCopy(site: string, generator: string, skip: readonly string[] = []): string {
  const copy = join(mkdtempSync(join(tmpdir(), `postcraft-${generator}-oracle-`)), 'site');
  cpSync(site, copy, { recursive: true, filter: (source) => !skip.some((name) => source.endsWith(`/${name}`) || source.endsWith(`\\${name}`)) });
  return copy;
}
