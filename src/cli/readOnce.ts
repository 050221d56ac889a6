import type { FileSystemPort } from '../core/api';

/**
 * A port that keeps what the index read so that the check after it need not read each post again:
 * on ten thousand posts the second open/read/close was a tenth of `postcraft check`. The bytes are
 * handed out once, then dropped; past `budgetBytes` nothing more is kept and files are read again.
 * The check then reports on the posts as the index read them, a second before (a stat to confirm
 * each was measured to cost as much as the read it saves). Not for `--fix`, which writes what it
 * read: that text must be the one on disk right before.
 */
export function readOnce(port: FileSystemPort, budgetBytes = DEFAULT_BUDGET_BYTES): FileSystemPort {
  const kept = new Map<string, Uint8Array>();
  let keptBytes = 0;
  return {
    readDirectory: (path) => port.readDirectory(path),
    stat: (path) => port.stat(path),
    async readFile(path: string): Promise<Uint8Array> {
      const data = kept.get(path);
      if (data) {
        kept.delete(path);
        keptBytes -= data.length;
        return data;
      }
      const read = await port.readFile(path);
      if (keptBytes + read.length <= budgetBytes) {
        kept.set(path, read);
        keptBytes += read.length;
      }
      return read;
    },
  };
}

/** Posts are small; a site whose posts exceed this reads the rest twice rather than hold it all. */
const DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024;
