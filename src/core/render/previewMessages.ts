/**
 * The message protocol between the preview panel (extension side) and its webview script
 * (media/preview). Both sides import these types, so a change breaks the build, not the preview.
 */
import type { PreviewHeading } from './types';

/** Extension → webview. */
export type ToWebview =
  | {
    readonly type: 'update';
    /** The document's URI, kept in the webview state so the serializer can restore the preview. */
    readonly resource: string;
    readonly headerHtml: string;
    readonly bodyHtml: string;
    readonly title: string;
    readonly locked: boolean;
    /** Increases with every render of this panel. */
    readonly version: number;
    /** Scroll to this source line after the first render of a document. */
    readonly line?: number;
    /** The document changed (another post): reset the scroll position. */
    readonly newDocument: boolean;
  }
  | { readonly type: 'scrollToLine'; readonly line: number }
  | { readonly type: 'setLocked'; readonly locked: boolean };

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  /** After each DOM patch: what the webview really shows (for tests and timings). */
  | {
    readonly type: 'rendered';
    readonly version: number;
    readonly title: string;
    readonly headings: readonly string[];
    /** ms from the update message's arrival to the patched DOM. */
    readonly patchMs: number;
    readonly images: number;
    /** Code blocks and formulas still shown as written, waiting for the follow-up render. */
    readonly pending: number;
  }
  /** The preview scrolled: the editor follows (line may be fractional). */
  | { readonly type: 'revealLine'; readonly line: number }
  /** Double-click: open the source at this line. */
  | { readonly type: 'openSource'; readonly line: number }
  /** A link was clicked. `path` is set for links to files of the site. */
  | { readonly type: 'openLink'; readonly href: string; readonly path?: string };

/** What the webview keeps across reloads (`vscode.setState`), read back by the serializer. */
export interface PreviewWebviewState {
  readonly resource?: string;
  readonly locked?: boolean;
  readonly line?: number;
}

export type { PreviewHeading };
