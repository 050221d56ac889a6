// A UTF-8 BOM is dropped on decoding, as Hexo's reader (hexo-fs `escapeBOM`) and VS Code's documents do.
const utf8 = new TextDecoder('utf-8');

/** Node's Buffer, when the core runs in Node: its UTF-8 decoder is several times faster than TextDecoder's. */
const nodeBuffer = (globalThis as { Buffer?: { from(buffer: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'utf8'): string } } }).Buffer;

/** UTF-8 bytes to text, replacing invalid sequences as `TextDecoder` does, a BOM kept. */
export type Utf8Decoder = (bytes: Uint8Array) => string;

const nodeDecoder: Utf8Decoder | undefined = nodeBuffer && ((bytes) => nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));

let installed: Utf8Decoder | undefined;

/**
 * A faster decoder an adapter may install for the process (the CLI's, src/cli/utf8.ts), which must
 * give exactly the text the default gives; undefined restores the default.
 */
export function useUtf8Decoder(decoder: Utf8Decoder | undefined): void {
  installed = decoder;
}

export function decodeText(bytes: Uint8Array): string {
  const decode = installed ?? nodeDecoder;
  // TextDecoder drops the BOM itself; the others keep it.
  if (!decode) return utf8.decode(bytes);
  const text = decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A NUL byte in the first 8 KB marks a binary file, the same heuristic git uses. */
export function looksBinary(bytes: Uint8Array): boolean {
  // The typed array's own search, several times faster than a loop over 8 KB of every post.
  return bytes.subarray(0, 8192).indexOf(0) !== -1;
}
