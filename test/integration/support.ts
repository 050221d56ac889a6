import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WordCount } from '../../src/core/api';
import type { PostcraftApi } from '../../src/vscode/extension';
import { EXTENSION_ID, InternalCommands } from '../../src/vscode/constants';

/**
 * Whether Postcraft runs in the web worker extension host (scripts/integration/run.mjs --web loads its
 * browser build there) while these tests run in the Node host, where `vscode.extensions` cannot see it.
 */
export const inWebHost = process.env.POSTCRAFT_TEST_WEB === '1';

/** `PostcraftApi` as the tests reach it in either host: every member answers a promise. */
export interface TestApi {
  readonly whenIndexed: () => Promise<void>;
  readonly indexedPaths: () => Promise<string[]>;
  readonly hasTag: (name: string) => Promise<boolean>;
  readonly tagCount: (name: string) => Promise<number>;
  readonly wordCount: () => Promise<WordCount | undefined>;
  /** When the bundle started loading (Date.now() in its host), how long loading and activate() took. */
  readonly timing: () => Promise<{ activatedAt: number; loadMs: number; activationMs: number }>;
}

/** Asks the test API command (the web host's way in); `member` names a PostcraftApi member. */
function askTestApi<T>(member: keyof PostcraftApi, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(InternalCommands.testApi, member, ...args));
}

function apiThroughCommand(): TestApi {
  return {
    whenIndexed: () => askTestApi('whenIndexed'),
    indexedPaths: () => askTestApi('indexedPaths'),
    hasTag: (name) => askTestApi('hasTag', name),
    tagCount: (name) => askTestApi('tagCount', name),
    wordCount: async () => (await askTestApi<WordCount | null | undefined>('wordCount')) ?? undefined,
    timing: async () => ({ activatedAt: await askTestApi('activatedAt'), loadMs: await askTestApi('loadMs'), activationMs: await askTestApi('activationMs') }),
  };
}

function apiFromExports(api: PostcraftApi): TestApi {
  return {
    whenIndexed: () => api.whenIndexed(),
    indexedPaths: async () => api.indexedPaths(),
    hasTag: async (name) => api.hasTag(name),
    tagCount: async (name) => api.tagCount(name),
    wordCount: async () => api.wordCount(),
    timing: async () => ({ activatedAt: api.activatedAt, loadMs: api.loadMs, activationMs: api.activationMs }),
  };
}

/** Resolves once the web worker host has activated Postcraft: its commands appear in the editor. */
export async function webHostActivated(): Promise<void> {
  let commands: string[] = [];
  await waitFor(async () => {
    commands = await vscode.commands.getCommands(true);
    return commands.includes(InternalCommands.testApi) || undefined;
  }, 60_000, () => `${InternalCommands.testApi} among ${commands.filter((command) => command.startsWith('postcraft.')).join(', ') || 'no postcraft commands'}`);
}

/** Activates Postcraft and waits until the sample blogs are indexed. */
export async function activatePostcraft(): Promise<TestApi> {
  let api: TestApi;
  if (inWebHost) {
    await webHostActivated();
    api = apiThroughCommand();
  } else {
    const extension = vscode.extensions.getExtension<PostcraftApi>(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
    api = apiFromExports(await extension.activate());
  }
  await api.whenIndexed();
  return api;
}

/**
 * Postcraft's manifest and folder as the editor loaded them. In the web host the extension is out of
 * `vscode.extensions`' sight: the runner names the browser-only copy it loaded.
 */
export function postcraftExtension(): { packageJSON: unknown; extensionPath: string } {
  if (inWebHost) {
    const extensionPath = process.env.POSTCRAFT_TEST_EXTENSION_PATH;
    assert.ok(extensionPath, 'the runner names the browser-only copy in POSTCRAFT_TEST_EXTENSION_PATH');
    return { packageJSON: JSON.parse(readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as unknown, extensionPath };
  }
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded: check extensionDevelopmentPath`);
  return { packageJSON: extension.packageJSON, extensionPath: extension.extensionPath };
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the sample blog open as a workspace folder');
  return folder.uri;
}

export function blogFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function openPost(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(blogFile(...segments));
  return vscode.window.showTextDocument(document);
}

/**
 * Polls `check` until it returns a value that is not undefined, or fails after `timeoutMs`. `what` may
 * be a function: the message is then written when the wait fails, with what holds by then.
 */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000, what: string | (() => string) = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Replaces the document's text with `textWithCursor` (its `|` marks the cursor), unsaved. */
export async function typeInto(uri: vscode.Uri, textWithCursor: string): Promise<{ editor: vscode.TextEditor; position: vscode.Position }> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
  assert.ok(await editor.edit((edit) => edit.replace(whole, text)));
  const position = document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return { editor, position };
}

/** Renames a file as the Explorer does, through a WorkspaceEdit (which runs the rename participants). */
export async function renameThroughEdit(from: vscode.Uri, to: vscode.Uri): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(from, to);
  assert.ok(await vscode.workspace.applyEdit(edit), `renamed ${from.path} to ${to.path}`);
}
