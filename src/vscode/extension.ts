import * as vscode from 'vscode';
import type { WordCount } from '../core/api';
import { registerCompletion } from './features/completion';
import { registerBodyLinks } from './features/bodyLinks';
import { registerPasteAssets } from './features/pasteAssets';
import { registerReferences } from './features/references';
import { SiteFileSets } from './services/siteFileSets';
import { registerPostFeatures } from './features/posts';
import { registerPreview } from './features/preview/previewManager';
import { registerSiteSummary } from './features/siteSummary';
import { registerValidation } from './features/validation';
import { WordCountStatus } from './features/wordCountStatus';
import { installOutputLog } from './services/outputLog';
import { SiteService } from './services/siteService';
import { InternalCommands } from './constants';

/** Set by the bundle's banner (scripts/build.mjs); absent when the compiled sources run as they are. */
declare const POSTCRAFT_LOAD_START: number | undefined;

/** What `extensions.getExtension(EXTENSION_ID).exports` offers tests and other extensions. */
export interface PostcraftApi {
  /** The word count shown in the status bar for the active post, if any. */
  readonly wordCount: () => WordCount | undefined;
  /** Resolves when every site in the workspace is indexed. */
  readonly whenIndexed: () => Promise<void>;
  /**
   * When activation started (Date.now(): the bundle's first line, before its modules load) and how
   * long the activate() call took, for the editor benchmark.
   */
  readonly activatedAt: number;
  readonly activationMs: number;
  /** From the bundle's first line to the activate() call: loading and evaluating the code. */
  readonly loadMs: number;
  /** Every file the indexes hold, as core paths (for tests). */
  readonly indexedPaths: () => string[];
  /** Whether any site's index counts this tag now (for tests and the editor benchmark). */
  readonly hasTag: (name: string) => boolean;
  /** How many posts the sites' indexes count under this tag now (for tests). */
  readonly tagCount: (name: string) => number;
}

/**
 * Wires the features. Returns at once: site discovery and indexing run in the background, so no
 * editor feature waits on a large blog (a 10,000-post site takes seconds to read).
 */
export function activate(context: vscode.ExtensionContext): PostcraftApi {
  const called = Date.now();
  const activatedAt = typeof POSTCRAFT_LOAD_START === 'number' ? POSTCRAFT_LOAD_START : called;
  context.subscriptions.push(installOutputLog());
  const sites = new SiteService();
  const wordCount = new WordCountStatus(sites);
  context.subscriptions.push(sites, wordCount, registerSiteSummary(sites));
  // The files under each site's source folder: what link rules look up and body completion offers.
  const siteFiles = new SiteFileSets(sites.fileEvents);
  context.subscriptions.push(siteFiles, registerCompletion(sites, siteFiles), registerBodyLinks(sites), registerPasteAssets(sites), registerReferences(sites));
  context.subscriptions.push(registerValidation(sites, siteFiles));
  context.subscriptions.push(registerPostFeatures(sites));
  context.subscriptions.push(registerPreview(context, sites));
  void sites.start();
  const api: PostcraftApi = { wordCount: () => wordCount.current, whenIndexed: () => sites.whenIndexed(), activatedAt, activationMs: Date.now() - called, loadMs: called - activatedAt,
    indexedPaths: () => sites.sites.flatMap((index) => [...index.posts()].map((record) => record.path)),
    hasTag: (name) => sites.sites.some((index) => index.tagCounts().some((tag) => tag.name === name)),
    tagCount: (name) => sites.sites.reduce((sum, index) => sum + (index.tagCounts().find((tag) => tag.name === name)?.count ?? 0), 0),
  };
  context.subscriptions.push(registerTestApi(api));
  return api;
}

/**
 * The test API as a command (InternalCommands.testApi): `(member, ...args)` answers what `api[member]`
 * gives, awaited, as JSON. The browser build's tests run in another extension host than the extension.
 */
function registerTestApi(api: PostcraftApi): vscode.Disposable {
  return vscode.commands.registerCommand(InternalCommands.testApi, async (member: keyof PostcraftApi, ...args: unknown[]) => {
    if (!Object.hasOwn(api, member)) throw new Error(`no test API member ${String(member)}`);
    const value = api[member];
    return typeof value === 'function' ? await (value as (...parameters: unknown[]) => unknown)(...args) : value;
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
