import { attributes, escapeHtml } from './html';

/**
 * The preview's HTML page. The content arrives later by message and is patched in (morphdom), so
 * the page itself holds no post text: a post's unbalanced HTML cannot close the page's own
 * elements. The CSP admits scripts by nonce only; styles from the extension and the site (style
 * attributes are allowed because KaTeX lays formulas out with them; raw HTML styles are filtered by
 * the sanitizer); images from the extension/site, https and data:; nothing else.
 */
export interface PreviewPageOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
  /** The user's `postcraft.preview.styles`, already turned into webview URIs. */
  readonly extraStyleUris?: readonly string[];
  readonly lang?: string;
  readonly title?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} https: data:`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function previewPageHtml(options: PreviewPageOptions): string {
  const styles = [...options.styleUris, ...(options.extraStyleUris ?? [])]
    .map((uri) => `<link rel="stylesheet"${attributes({ href: uri })}>`).join('\n  ');
  return `<!DOCTYPE html>
<html${attributes({ lang: options.lang ?? 'zh-CN' })}>
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy"${attributes({ content: contentSecurityPolicy(options.cspSource, options.nonce) })}>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(options.title ?? 'Postcraft Preview')}</title>
  ${styles}
</head>
<body>
  <article class="pc-post">
    <header id="pc-header" class="pc-header"></header>
    <div id="pc-content" class="pc-content"></div>
  </article>
  <script${attributes({ nonce: options.nonce, src: options.scriptUri })}></script>
</body>
</html>`;
}

/** A fresh nonce per page (crypto.getRandomValues exists in Node 20 and browsers). */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
