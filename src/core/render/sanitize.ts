import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { escapeHtml } from './html';

/**
 * A strict allowlist sanitizer for the raw HTML a post may contain (markdown-it `html_block` and
 * `html_inline` tokens). It re-serializes what it parses: only allowed elements and attributes are
 * written, by this code, with escaped values, so nothing the browser could read differently gets
 * through. Everything else is dropped; elements that carry code or load content (`script`, `style`,
 * `iframe`, `object`, `svg`, …) are dropped with their content. `iframe` becomes a labelled
 * placeholder, as the `{% iframe %}` tag does.
 *
 * Fragments are sanitized one at a time and may be unbalanced (`<div align="center">` in one block,
 * `</div>` in a later one, as posts often write them): open and close tags are passed through as
 * they come, and the preview parses the whole body in an isolated document before patching it in.
 */
export interface UrlPolicy {
  /** Attributes for an `<img>` whose `src` is given, or undefined to drop the image source. */
  image(src: string): Record<string, string> | undefined;
  /** Attributes for an `<a>` whose `href` is given, or undefined to drop the link target. */
  link(href: string): Record<string, string> | undefined;
  /** Placeholder HTML for an embedded frame. */
  frame(src: string): string;
}

const VOID = new Set(['br', 'hr', 'img', 'wbr', 'col', 'area', 'embed', 'input', 'link', 'meta', 'base', 'param', 'source', 'track', 'keygen']);

const ALLOWED = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center', 'cite',
  'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'nav', 'ol', 'p',
  'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
]);

/** Dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'textarea', 'title', 'iframe',
  'frame', 'frameset', 'object', 'applet', 'svg', 'math', 'select', 'head', 'video', 'audio', 'canvas',
]);

const GLOBAL_ATTRIBUTES = new Set(['title', 'lang', 'dir', 'class', 'id', 'style', 'align']);
const TAG_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  a: new Set(['href']),
  img: new Set(['src', 'alt', 'width', 'height']),
  ol: new Set(['start', 'type', 'reversed']),
  ul: new Set(['type']),
  li: new Set(['value']),
  td: new Set(['colspan', 'rowspan', 'width', 'valign']),
  th: new Set(['colspan', 'rowspan', 'width', 'valign', 'scope']),
  table: new Set(['width', 'border', 'cellpadding', 'cellspacing']),
  col: new Set(['span', 'width']),
  colgroup: new Set(['span', 'width']),
  details: new Set(['open']),
  font: new Set(['color', 'size', 'face']),
  time: new Set(['datetime']),
  abbr: new Set(['title']),
  bdo: new Set(['dir']),
};

/** CSS properties a post may set inline: layout and colour, nothing that loads or runs anything. */
const STYLE_PROPERTY = /^(?:color|background-color|text-align|text-decoration(?:-[a-z]+)?|text-indent|text-transform|font-(?:weight|style|size|family|variant)|line-height|letter-spacing|word-spacing|white-space|vertical-align|(?:margin|padding)(?:-(?:top|right|bottom|left))?|border(?:-(?:top|right|bottom|left))?(?:-(?:width|style|color))?|border-radius|border-collapse|width|height|max-width|max-height|min-width|min-height|display|float|clear|list-style-type|opacity)$/;
/** Function notation other than these (url(), expression(), image-set() …) is refused. */
const STYLE_FUNCTION = /([a-z-]+)\s*\(/gi;
const SAFE_STYLE_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'calc']);

/** Keeps the declarations of a `style` attribute that are on the allowlist; '' when none is. */
export function sanitizeStyle(style: string): string {
  if (/[\\<>]|\/\*|@import|javascript:|behavior|binding/i.test(style)) return '';
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon <= 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!STYLE_PROPERTY.test(property) || !value) continue;
    let safe = true;
    for (const match of value.matchAll(STYLE_FUNCTION)) if (!SAFE_STYLE_FUNCTIONS.has(match[1].toLowerCase())) safe = false;
    if (safe) kept.push(`${property}: ${value}`);
  }
  return kept.join('; ');
}

/** A URL's scheme as a browser reads it (tabs, new lines and controls are ignored), lower case, or ''. */
export function urlScheme(url: string): string {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return match ? match[1].toLowerCase() : '';
}

export function sanitizeHtml(fragment: string, policy: UrlPolicy): string {
  const out: string[] = [];
  let tag = '';
  let attributes: Array<[string, string]> = [];
  let attributeName = '';
  let attributeValue = '';
  let skipTag = '';
  let skipDepth = 0;
  const slice = (start: number, end: number) => fragment.slice(start, end);

  const openTag = () => {
    const name = tag;
    tag = '';
    if (skipDepth > 0) {
      if (name === skipTag && !VOID.has(name)) skipDepth++;
      return;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (name === 'iframe') {
        const src = attributes.find(([key]) => key === 'src')?.[1] ?? '';
        out.push(policy.frame(src));
      }
      if (!VOID.has(name)) {
        skipTag = name;
        skipDepth = 1;
      }
      return;
    }
    if (!ALLOWED.has(name)) return;
    out.push(`<${name}${serializeAttributes(name, attributes, policy)}>`);
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tag = slice(start, end).toLowerCase();
      attributes = [];
    },
    onattribname(start, end) {
      attributeName = slice(start, end).toLowerCase();
      attributeValue = '';
    },
    onattribdata(start, end) {
      attributeValue += slice(start, end);
    },
    onattribentity(codepoint) {
      attributeValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      attributes.push([attributeName, attributeValue]);
    },
    onopentagend() {
      openTag();
    },
    onselfclosingtag() {
      openTag();
    },
    onclosetag(start, end) {
      const name = slice(start, end).toLowerCase();
      if (skipDepth > 0) {
        if (name === skipTag && --skipDepth === 0) skipTag = '';
        return;
      }
      if (ALLOWED.has(name) && !VOID.has(name)) out.push(`</${name}>`);
    },
    ontext(start, end) {
      if (skipDepth === 0) out.push(escapeHtml(slice(start, end)));
    },
    ontextentity(codepoint) {
      if (skipDepth === 0) out.push(escapeHtml(String.fromCodePoint(codepoint)));
    },
    // Comments, <!DOCTYPE>, <?…?> and CDATA are not content.
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    oncdata() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, callbacks);
  tokenizer.write(fragment);
  tokenizer.end();
  return out.join('');
}

function serializeAttributes(tag: string, attributes: ReadonlyArray<[string, string]>, policy: UrlPolicy): string {
  const kept = new Map<string, string>();
  const perTag = TAG_ATTRIBUTES[tag];
  for (const [name, value] of attributes) {
    if (kept.has(name)) continue; // the first of duplicate attributes wins, as in HTML
    if (!GLOBAL_ATTRIBUTES.has(name) && !perTag?.has(name)) continue;
    if (name === 'style') {
      const style = sanitizeStyle(value);
      if (style) kept.set(name, style);
    } else if (name === 'class') {
      // Class names only; the preview's own classes (pc-*) stay the renderer's.
      const classes = value.split(/\s+/).filter((item) => /^[\w-]+$/.test(item) && !item.startsWith('pc-'));
      if (classes.length) kept.set(name, classes.join(' '));
    } else if (name === 'id') {
      if (/^[^\s"'<>`]+$/.test(value) && !value.startsWith('pc-')) kept.set(name, value);
    } else if (tag === 'a' && name === 'href') {
      for (const [key, resolved] of Object.entries(policy.link(value) ?? {})) kept.set(key, resolved);
    } else if (tag === 'img' && name === 'src') {
      for (const [key, resolved] of Object.entries(policy.image(value) ?? {})) kept.set(key, resolved);
    } else {
      kept.set(name, value);
    }
  }
  let out = '';
  for (const [name, value] of kept) out += ` ${name}="${escapeHtml(value)}"`;
  return out;
}
