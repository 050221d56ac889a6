// A UTF-8 BOM is dropped on decoding, as Hexo's reader (hexo-fs `escapeBOM`) and VS Code's documents do.
const utf8 = new TextDecoder('utf-8');

export function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** A NUL byte in the first 8 KB marks a binary file, the same heuristic git uses. */
export function looksBinary(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, 8192);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return true;
  return false;
}
