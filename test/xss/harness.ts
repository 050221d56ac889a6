import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNonce, previewPageHtml, renderPost, type RenderContext, type RenderedPost } from '../../src/core/render';
import { DEFAULT_GENERATOR } from '../../src/core/api';
import { hexoBodySyntax } from '../../src/core/generators/hexo/render/hexoBody';

/**
 * The preview page as the webview shows it, in headless Chromium: the same HTML and CSP
 * (previewPageHtml), the bundled script (dist/preview/preview.js, from `npm run build`) and CSS,
 * served from a local origin that stands in for the webview's resource origin. The VS Code API
 * is a stub that records what the script posts.
 */
export const REPO = path.resolve(__dirname, '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

export interface PreviewHarness {
  readonly origin: string;
  readonly browser: Browser;
  /** A URL for a file of the repository (what asWebviewUri does in the editor). */
  resourceUrl(file: string): string;
  /** Opens a fresh preview page, with the theme's body class and CSS variables. */
  openPage(theme?: ThemeName): Promise<Page>;
  close(): Promise<void>;
}

export type ThemeName = 'light' | 'dark' | 'high-contrast';

/** A subset of the variables VS Code sets on a webview (Light+ / Dark+ / High Contrast). */
export const THEMES: Record<ThemeName, { bodyClass: string; variables: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    variables: {
      '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171',
      '--vscode-textLink-foreground': '#005fb8', '--vscode-textLink-activeForeground': '#005fb8', '--vscode-panel-border': '#e5e5e5',
      '--vscode-textCodeBlock-background': '#f3f3f3', '--vscode-textBlockQuote-background': '#f8f8f8', '--vscode-textBlockQuote-border': '#e5e5e5',
      '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b', '--vscode-editor-font-family': 'Consolas, "Courier New", monospace',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    variables: {
      '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-textLink-foreground': '#4daafc', '--vscode-textLink-activeForeground': '#4daafc', '--vscode-panel-border': '#2b2b2b',
      '--vscode-textCodeBlock-background': '#2b2b2b', '--vscode-textBlockQuote-background': '#2b2b2b', '--vscode-textBlockQuote-border': '#616161',
      '--vscode-badge-background': '#616161', '--vscode-badge-foreground': '#f8f8f8', '--vscode-editor-font-family': 'Consolas, "Courier New", monospace',
      '--vscode-inputValidation-errorBackground': '#5a1d1d', '--vscode-inputValidation-errorBorder': '#be1100',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    variables: {
      '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff',
      '--vscode-textLink-foreground': '#21a6ff', '--vscode-panel-border': '#6fc3df', '--vscode-contrastBorder': '#6fc3df',
      '--vscode-textCodeBlock-background': '#000000', '--vscode-textBlockQuote-background': '#000000', '--vscode-textBlockQuote-border': '#ffffff',
    },
  },
};

export async function startHarness(): Promise<PreviewHarness> {
  if (!existsSync(path.join(REPO, 'dist', 'preview', 'preview.js'))) throw new Error('dist/preview/preview.js is missing: run `npm run build` first');
  let page = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/preview.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
      return;
    }
    const file = path.normalize(decodeURIComponent(url.pathname.replace(/^\/fs/, '')));
    if (!file.startsWith(REPO + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const resourceUrl = (file: string) => `${origin}/fs${encodeURI(file)}`;
  page = previewPageHtml({
    cspSource: origin,
    nonce: createNonce(),
    scriptUri: resourceUrl(path.join(REPO, 'dist', 'preview', 'preview.js')),
    styleUris: [resourceUrl(path.join(REPO, 'dist', 'preview', 'katex', 'katex.min.css')), resourceUrl(path.join(REPO, 'media', 'preview', 'preview.css'))],
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    origin,
    browser,
    resourceUrl,
    async openPage(theme: ThemeName = 'light') {
      const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 1 });
      const tab = await context.newPage();
      const { bodyClass, variables } = THEMES[theme];
      await tab.addInitScript(({ bodyClass: className, variables: vars }) => {
        const w = window as unknown as Record<string, unknown>;
        w.__posted = [];
        w.acquireVsCodeApi = () => ({
          postMessage: (message: unknown) => (w.__posted as unknown[]).push(message),
          getState: () => undefined,
          setState: () => undefined,
        });
        document.addEventListener('DOMContentLoaded', () => {
          document.body.classList.add(className);
          for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
        });
      }, { bodyClass, variables });
      await tab.goto(`${origin}/preview.html`);
      await tab.waitForFunction(() => ((window as unknown as { __posted: Array<{ type: string }> }).__posted).some((message) => message.type === 'ready'));
      return tab;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends a render to the page as the extension would, and waits for the webview's report. */
export async function showRendered(page: Page, rendered: Pick<RenderedPost, 'headerHtml' | 'bodyHtml'>, version = 1): Promise<void> {
  await page.evaluate(({ headerHtml, bodyHtml, version: v }) => {
    window.postMessage({ type: 'update', resource: 'file:///post.md', headerHtml, bodyHtml, title: '', locked: false, version: v, newDocument: true }, '*');
  }, { headerHtml: rendered.headerHtml, bodyHtml: rendered.bodyHtml, version });
  await page.waitForFunction((v) => ((window as unknown as { __posted: Array<{ type: string; version?: number }> }).__posted).some((message) => message.type === 'rendered' && message.version === v), version);
}

export function renderForHarness(harness: PreviewHarness, text: string, context: Omit<RenderContext, 'resourceUrl'>): RenderedPost {
  // As the editor previews a post outside any site: with the default generator's syntax.
  return renderPost(text, { generator: DEFAULT_GENERATOR, syntax: hexoBodySyntax, ...context, resourceUrl: harness.resourceUrl });
}
