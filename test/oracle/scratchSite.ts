import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { applyTextEdits } from '../../src/core/edits';
import type { SiteIndex } from '../../src/core/index/siteIndex';
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

/**
 * Applies, on disk, the edits a site's generator makes in every post when the post at `from` moves to
 * `to` (what the editor's rename participant does); resolves to how many edits it made.
 */
export function applyRenamedPostEdits(index: SiteIndex, from: string, to: string): number {
  let edited = 0;
  for (const record of index.posts()) {
    const text = readFileSync(record.path, 'utf8');
    const edits = index.site.generator.renamedPostEdits!(text, from, to, index.site, record.path);
    edited += edits.length;
    if (edits.length > 0) writeFileSync(record.path, applyTextEdits(text, edits));
  }
  return edited;
}
