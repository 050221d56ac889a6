import * as assert from 'node:assert/strict';
import { applyTextEdits, type FileOperation } from '../../../src/core/edits';
import type { DirectoryEntry, FileStat } from '../../../src/core/ports';
import { loadHexoSite, type HexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';

/** The memory file system plus empty folders, applying plans the way the editor does: never overwriting. */
export class PlanFileSystem extends MemoryFileSystem {
  readonly folders = new Set<string>();

  override async readDirectory(path: string): Promise<DirectoryEntry[]> {
    let entries: DirectoryEntry[] = [];
    try {
      entries = await super.readDirectory(path);
    } catch {
      // Maybe only empty folders live here.
    }
    const prefix = `${path}/`;
    for (const folder of this.folders) {
      if (!folder.startsWith(prefix)) continue;
      const name = folder.slice(prefix.length).split('/')[0];
      if (!entries.some((entry) => entry.name === name)) entries.push({ name, kind: 'directory' });
    }
    if (entries.length === 0 && !this.folders.has(path)) throw new Error(`ENOENT: ${path}`);
    return entries;
  }

  override async stat(path: string): Promise<FileStat | undefined> {
    return (await super.stat(path)) ?? (this.folders.has(path) ? { kind: 'directory', size: 0, mtime: 0, ctime: 0 } : undefined);
  }

  text(path: string): string {
    const bytes = this.files.get(path);
    assert.ok(bytes, `${path} exists`);
    return new TextDecoder().decode(bytes);
  }

  has(path: string): boolean {
    return this.files.has(path) || this.folders.has(path) || [...this.files.keys()].some((file) => file.startsWith(`${path}/`));
  }

  /** Applies a plan; throws (as WorkspaceEdit fails) if anything would be overwritten. */
  apply(operations: readonly FileOperation[]): void {
    for (const operation of operations) {
      switch (operation.kind) {
        case 'create':
          assert.ok(!this.has(operation.path), `create would overwrite ${operation.path}`);
          this.write(operation.path, operation.content);
          break;
        case 'createFolder':
          assert.ok(!this.files.has(operation.path), `a file is at ${operation.path}`);
          this.folders.add(operation.path);
          break;
        case 'move': {
          assert.ok(this.has(operation.from), `${operation.from} exists`);
          assert.ok(!this.has(operation.to), `move would overwrite ${operation.to}`);
          for (const [path, bytes] of [...this.files]) {
            if (path === operation.from || path.startsWith(`${operation.from}/`)) {
              this.files.delete(path);
              this.files.set(operation.to + path.slice(operation.from.length), bytes);
            }
          }
          for (const folder of [...this.folders]) {
            if (folder === operation.from || folder.startsWith(`${operation.from}/`)) {
              this.folders.delete(folder);
              this.folders.add(operation.to + folder.slice(operation.from.length));
            }
          }
          break;
        }
        case 'delete':
          assert.ok(this.files.has(operation.path), `${operation.path} exists`);
          this.files.delete(operation.path);
          break;
        case 'edit':
          this.write(operation.path, applyTextEdits(this.text(operation.path), operation.edits));
          break;
      }
    }
  }
}

export const ROOT = '/blog';

export const STANDARD_SCAFFOLDS: Record<string, string> = {
  'scaffolds/post.md': '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n',
  'scaffolds/draft.md': '---\ntitle: {{ title }}\ntags:\n---\n',
  'scaffolds/page.md': '---\ntitle: {{ title }}\ndate: {{ date }}\n---\n',
};

/** A site under /blog from `_config.yml` lines and files relative to the root. */
export async function makeSite(config: string, files: Record<string, string> = {}, scaffolds = STANDARD_SCAFFOLDS): Promise<{ fs: PlanFileSystem; site: HexoSite }> {
  const fs = new PlanFileSystem();
  fs.write(`${ROOT}/_config.yml`, config);
  for (const [path, text] of Object.entries({ ...scaffolds, ...files })) fs.write(`${ROOT}/${path}`, text);
  return { fs, site: await loadHexoSite(fs, ROOT) };
}

/** 2026-03-04 13:06:07 in Shanghai. */
export const fixedClock = { now: () => new Date('2026-03-04T05:06:07Z') };
export const SHANGHAI = 'timezone: Asia/Shanghai\n';
