import { isUtf8, transcode } from 'node:buffer';
import type { Utf8Decoder } from '../core/api';

/**
 * UTF-8 through ICU's converter into UTF-16, then copied into a string: for Chinese posts about five
 * times faster than V8's UTF-8 decoder (which `Buffer#toString` and `TextDecoder` use in Node 20),
 * measured on the bench's 64 MB of posts: 31 ms against 151 ms. That decoding was the largest single
 * cost of `postcraft check`. Bytes that are not valid UTF-8 take the default decoder, so that
 * invalid sequences become U+FFFD exactly as there (test/unit/cli/utf8.test.ts holds both equal).
 */
export const icuUtf8Decoder: Utf8Decoder = (bytes) => {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.length >= ICU_FROM_BYTES && isUtf8(buffer) ? transcode(buffer, 'utf8', 'utf16le').toString('utf16le') : buffer.toString('utf8');
};

/** The decoder to install: none on a Node built without ICU, which has no `transcode`. */
export const fastUtf8Decoder: Utf8Decoder | undefined = typeof transcode === 'function' ? icuUtf8Decoder : undefined;

/**
 * Below this, V8's decoder is as fast or faster (the converter's set-up and its second buffer cost
 * more than they save): the index decodes only front matter, a few hundred bytes a post.
 */
const ICU_FROM_BYTES = 512;
