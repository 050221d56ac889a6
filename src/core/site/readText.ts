import type { FileSystemPort } from '../ports';
import { decodeText } from '../text/decode';

/** A file's text, or undefined when it is absent or unreadable: what site detection and config reading need. */
export async function readTextIfPresent(fs: FileSystemPort, path: string): Promise<string | undefined> {
  try {
    return decodeText(await fs.readFile(path));
  } catch {
    return undefined; // absent (or unreadable): what the name promises
  }
}
