/**
 * The preview's webview side: patches the DOM with each render (morphdom: unchanged nodes,
 * loaded images and the scroll position stay), keeps the editor and the preview scrolled
 * together through `data-line` attributes, and hands clicks on links back to the extension.
 * Bundled by esbuild (scripts/build.mjs) into dist/preview/preview.js.
 */
import morphdom from 'morphdom';
import type { FromWebview, PreviewWebviewState, ToWebview } from '../../src/core/render/previewMessages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewWebviewState | undefined;
  setState(state: PreviewWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const header = document.getElementById('pc-header') as HTMLElement;
const content = document.getElementById('pc-content') as HTMLElement;
let state: PreviewWebviewState = vscode.getState() ?? {};
let lineElements: HTMLElement[] = [];
/** Scroll events caused by the editor are not sent back to it. */
let ignoreScrollUntil = 0;
let firstUpdate = true;

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function saveState(patch: Partial<PreviewWebviewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

/** Parses HTML in an inert template: nothing loads or runs until morphdom moves nodes in. */
function fragmentOf(html: string, tag: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const wrapper = document.createElement(tag);
  wrapper.appendChild(template.content);
  return wrapper;
}

/** Keeps what the page learned about an image (failed, fell back) when the new HTML is the same. */
function keepImageState(from: HTMLElement, to: HTMLElement): void {
  if (from.tagName !== 'IMG' || to.tagName !== 'IMG') return;
  const original = from.dataset.pcOriginal ?? from.getAttribute('src');
  if (original !== to.getAttribute('src')) return;
  for (const key of ['pcOriginal', 'pcFailed', 'pcTriedFallback']) {
    const value = from.dataset[key];
    if (value !== undefined) to.dataset[key] = value;
  }
  const current = from.getAttribute('src');
  if (current) to.setAttribute('src', current);
}

function patch(target: HTMLElement, html: string): void {
  morphdom(target, fragmentOf(html, target.tagName.toLowerCase()), {
    childrenOnly: true,
    onBeforeElUpdated(from, to) {
      if (from.isEqualNode(to)) return false;
      keepImageState(from as HTMLElement, to as HTMLElement);
      return true;
    },
  });
}

function update(message: Extract<ToWebview, { type: 'update' }>): void {
  const started = performance.now();
  if (message.newDocument) firstUpdate = true;
  patch(header, message.headerHtml);
  patch(content, message.bodyHtml);
  document.body.classList.toggle('pc-locked', message.locked);
  lineElements = Array.from(document.querySelectorAll<HTMLElement>('[data-line]'));
  saveState({ resource: message.resource, locked: message.locked });
  if (firstUpdate) {
    firstUpdate = false;
    const line = message.line ?? state.line;
    if (line !== undefined && line > 0) scrollToLine(line);
    else if (message.newDocument) window.scrollTo(0, 0);
  }
  const headings = Array.from(content.querySelectorAll('h1, h2, h3, h4, h5, h6'), (element) => element.textContent ?? '');
  post({
    type: 'rendered',
    version: message.version,
    title: header.querySelector('.pc-title')?.textContent ?? '',
    headings,
    patchMs: performance.now() - started,
    images: content.querySelectorAll('img').length,
    pending: content.querySelectorAll('.pc-pending, .pc-math-pending').length,
  });
}

function lineOf(element: HTMLElement): number {
  return Number(element.dataset.line);
}

/** The blocks around a source line: the last one at or before it and the next one after. */
function blocksAround(line: number): { previous?: HTMLElement; next?: HTMLElement } {
  let previous: HTMLElement | undefined;
  let next: HTMLElement | undefined;
  for (const element of lineElements) {
    const at = lineOf(element);
    if (at <= line) {
      if (!previous || at >= lineOf(previous)) previous = element;
    } else if (!next || at < lineOf(next)) {
      next = element;
    }
  }
  return { previous, next };
}

function topOf(element: HTMLElement): number {
  return element.getBoundingClientRect().top + window.scrollY;
}

function scrollToLine(line: number): void {
  const { previous, next } = blocksAround(line);
  if (!previous) {
    ignoreScrollUntil = Date.now() + 150;
    window.scrollTo(0, 0);
    return;
  }
  let top = topOf(previous);
  if (next && lineOf(next) > lineOf(previous)) {
    const fraction = Math.min(1, (line - lineOf(previous)) / (lineOf(next) - lineOf(previous)));
    top += (topOf(next) - top) * fraction;
  } else {
    const rect = previous.getBoundingClientRect();
    top += rect.height * Math.min(1, line - lineOf(previous));
  }
  ignoreScrollUntil = Date.now() + 150;
  window.scrollTo(0, Math.max(0, top - 8));
  saveState({ line });
}

/** The source line at the top of the preview, interpolated between blocks. */
function lineAtTop(): number | undefined {
  const y = window.scrollY + 8;
  let previous: HTMLElement | undefined;
  let next: HTMLElement | undefined;
  for (const element of lineElements) {
    const top = topOf(element);
    if (top <= y) {
      if (!previous || top >= topOf(previous)) previous = element;
    } else if (!next || top < topOf(next)) {
      next = element;
    }
  }
  if (!previous) return next ? 0 : undefined;
  if (!next) return lineOf(previous);
  const fraction = (y - topOf(previous)) / Math.max(1, topOf(next) - topOf(previous));
  return lineOf(previous) + (lineOf(next) - lineOf(previous)) * fraction;
}

let scrollFrame = 0;
window.addEventListener('scroll', () => {
  if (Date.now() < ignoreScrollUntil) return;
  cancelAnimationFrame(scrollFrame);
  scrollFrame = requestAnimationFrame(() => {
    const line = lineAtTop();
    if (line === undefined) return;
    saveState({ line });
    post({ type: 'revealLine', line });
  });
}, { passive: true });

document.addEventListener('dblclick', (event) => {
  const element = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-line]');
  if (element) post({ type: 'openSource', line: lineOf(element) });
});

document.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement | null)?.closest('a');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  const path = link.dataset.pcOpen;
  if (path) {
    post({ type: 'openLink', href, path });
  } else if (href.startsWith('#')) {
    let id = href.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep it as written
    }
    document.getElementById(id)?.scrollIntoView();
  } else if (href) {
    post({ type: 'openLink', href });
  }
});

/** A missing image: try the fallback location once, then show a placeholder with the path. */
document.addEventListener('error', (event) => {
  const image = event.target;
  if (!(image instanceof HTMLImageElement)) return;
  const fallback = image.dataset.pcFallback;
  if (fallback && !image.dataset.pcTriedFallback) {
    image.dataset.pcOriginal = image.getAttribute('src') ?? '';
    image.dataset.pcTriedFallback = '1';
    image.setAttribute('src', fallback);
    return;
  }
  image.dataset.pcFailed = '1';
}, true);

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'update':
      update(message);
      break;
    case 'scrollToLine':
      scrollToLine(message.line);
      break;
    case 'setLocked':
      document.body.classList.toggle('pc-locked', message.locked);
      saveState({ locked: message.locked });
      break;
  }
});

post({ type: 'ready' });
