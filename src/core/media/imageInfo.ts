import { imageSize } from 'image-size';

/** An image's pixel size and its file's size, for hovers. */
export interface ImageInfo {
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

/** Reads the size from the image's header (image-size: PNG, JPEG, GIF, WebP, SVG, AVIF, ...); undefined when it cannot. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  try {
    const { width, height } = imageSize(bytes);
    return width && height ? { width, height, bytes: bytes.length } : undefined;
  } catch {
    return undefined;
  }
}

/** `800 × 600 px · 120 KB` */
export function describeImage(info: ImageInfo): string {
  const size = info.bytes >= 1024 * 1024 ? `${(info.bytes / 1024 / 1024).toFixed(1)} MB` : info.bytes >= 1024 ? `${Math.round(info.bytes / 1024)} KB` : `${info.bytes} B`;
  return `${info.width} × ${info.height} px · ${size}`;
}
