import type { DirectoryEntry, FileStat, FileSystemPort } from '../../../src/core/ports';

/** An in-memory file system for core tests: `files` maps absolute paths to text (or bytes). */
export class MemoryFileSystem implements FileSystemPort {
  readonly files = new Map<string, Uint8Array>();
  reads = 0;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.reads++;
    const content = this.files.get(path);
    if (!content) throw new Error(`ENOENT: ${path}`);
    return content;
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const entries = new Map<string, DirectoryEntry>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      entries.set(name, { name, kind: slash < 0 ? 'file' : 'directory' });
    }
    if (entries.size === 0) throw new Error(`ENOENT: ${path}`);
    return [...entries.values()];
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const content = this.files.get(path);
    if (content) return { kind: 'file', size: content.length, mtime: 0, ctime: 0 };
    const prefix = `${path}/`;
    for (const file of this.files.keys()) if (file.startsWith(prefix)) return { kind: 'directory', size: 0, mtime: 0, ctime: 0 };
    return undefined;
  }
}
