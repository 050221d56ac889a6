#!/usr/bin/env node
// Runs the compiled integration suite (out/test/integration/index.js) inside a real VS Code
// extension host and exits with its result. Builds nothing: run `npm run compile` (out/) and
// `npm run build` (dist/extension.js) first, as `npm test` does.
//
// The editor, by default: code-server (VS Code 1.100 for the web, installed by
// scripts/test-editor/install.mjs), driven by Debian's Chromium through playwright-core. Desktop
// VS Code and Electron cannot be downloaded on our CI machines; see /work/shared notes.
//
// Environment:
//   POSTCRAFT_TEST_WORKSPACE   blog folder to test against (default examples/hexo-blog). It is
//                              copied to a temporary folder first, so tests may change files; the
//                              extension host sees the copy's path in POSTCRAFT_TEST_WORKSPACE.
//   POSTCRAFT_TEST_GREP        run only tests whose title matches (read by test/integration/index.ts).
//   POSTCRAFT_TEST_TIMEOUT     overall limit in seconds (default 600).
//   POSTCRAFT_TEST_VERBOSE=1   also print code-server's and the browser console's output.
//   POSTCRAFT_TEST_KEEP=1      keep the temporary folder (workspace copy, editor logs).
//   POSTCRAFT_TEST_EXTENSION   another development extension to load instead of Postcraft (the
//                              editor benchmark's baselines in bench/editor/baselines).
//   VSCODE_EXECUTABLE          a desktop VS Code: run through @vscode/test-electron instead.
//   POSTCRAFT_TEST_ELECTRON=1  same, letting @vscode/test-electron download VS Code (needs internet;
//                              VSCODE_VERSION picks the version, default stable).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, findFreePort, workbenchUrl } from '../test-editor/codeServer.mjs';
import { codeServerBin, isTestEditorInstalled } from '../test-editor/install.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// `--vsix FILE` tests the packaged extension with the package checks (npm run test:package).
const vsixFlag = process.argv.indexOf('--vsix');
if (vsixFlag !== -1) {
  process.env.POSTCRAFT_TEST_VSIX = process.argv[vsixFlag + 1];
  process.env.POSTCRAFT_TEST_ENTRY ||= path.join('out', 'test', 'package', 'index.js');
}
// `--restricted` opens the blog in Restricted Mode (workspace trust on, folder untrusted) and runs the
// Restricted Mode checks (npm run test:restricted).
const restricted = process.argv.includes('--restricted');
if (restricted) process.env.POSTCRAFT_TEST_ENTRY ||= path.join('out', 'test', 'restricted', 'index.js');
// `--reload` runs the window-reload checks (npm run test:reload): their entry prepares a preview and
// reloads the window, and the reloaded workbench runs it again; a marker file in the temporary folder
// (POSTCRAFT_TEST_RELOAD_MARKER) tells the second run apart.
const reload = process.argv.includes('--reload');
if (reload) process.env.POSTCRAFT_TEST_ENTRY ||= path.join('out', 'test', 'reload', 'index.js');
// `--paste` runs the clipboard check (npm run test:paste): the editor asks this runner, through a
// request file in the temporary folder (POSTCRAFT_TEST_PASTE_REQUEST), to put an image on the
// browser's clipboard and press Ctrl+V in the workbench, as a writer pasting a screenshot does.
const paste = process.argv.includes('--paste');
if (paste) process.env.POSTCRAFT_TEST_ENTRY ||= path.join('out', 'test', 'paste', 'index.js');
// `--web` runs the browser build (dist/web/extension.js) in code-server's web worker extension host
// (npm run test:web): a copy of the extension whose manifest has `browser` and no `main` (with both,
// the Node host wins) is the development extension, and the integration suite runs in the Node host
// beside it (POSTCRAFT_TEST_WEB=1: it reaches the extension through the editor, and leaves out the
// tests tagged `[node]`).
const web = process.argv.includes('--web');
// POSTCRAFT_TEST_ENTRY: another compiled entry point to run instead (the editor benchmark uses it).
const extensionTestsPath = path.resolve(repoRoot, process.env.POSTCRAFT_TEST_ENTRY || path.join('out', 'test', 'integration', 'index.js'));
const extensionMain = path.join(repoRoot, 'dist', web ? 'web' : '', 'extension.js');
const sampleBlog = path.join(repoRoot, 'examples', 'hexo-blog');
const hugoBlog = path.join(repoRoot, 'examples', 'hugo-blog');
const jekyllBlog = path.join(repoRoot, 'examples', 'jekyll-blog');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SUMMARY = /^(?:integration|package|restricted|reload|paste): (\d+) passed, (\d+) failed$/;

const timeoutSeconds = Number(process.env.POSTCRAFT_TEST_TIMEOUT || 600);
const verbose = process.env.POSTCRAFT_TEST_VERBOSE === '1';
const keepTemp = process.env.POSTCRAFT_TEST_KEEP === '1';

// Undone in reverse order at the end, and on Ctrl+C or CI cancellation: stop code-server's process
// group, close the browser, remove the temporary folder.
const cleanups = [];
let interrupted = false;
async function cleanup(keep = 0) {
  while (cleanups.length > keep) {
    try {
      await cleanups.pop()();
    } catch (error) {
      log(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function log(message) {
  console.log(`[integration] ${message}`);
}

class SetupError extends Error {}

function fail(message) {
  throw new SetupError(message);
}

function checkBuilt() {
  if (!fs.existsSync(extensionTestsPath)) fail(`${path.relative(repoRoot, extensionTestsPath)} is missing: run \`npm run compile\` first`);
  if (!fs.existsSync(extensionMain)) fail(`${path.relative(repoRoot, extensionMain)} is missing: run \`npm run build\` first`);
}

/**
 * A fresh copy of the blogs to test against, under `tempRoot`: the Hexo sample blog and, beside it in
 * one workspace (a writer may keep several), the Hugo and Jekyll ones; or the one POSTCRAFT_TEST_WORKSPACE
 * names, alone. Returns what to open and the folders.
 */
function copyWorkspace(tempRoot) {
  const chosen = process.env.POSTCRAFT_TEST_WORKSPACE;
  const sources = chosen ? [path.resolve(chosen)] : [sampleBlog, hugoBlog, jekyllBlog];
  const folders = sources.map((source) => {
    if (!fs.existsSync(source)) fail(`test workspace ${source} does not exist`);
    const target = path.join(tempRoot, 'workspace', path.basename(source));
    fs.cpSync(source, target, {
      recursive: true,
      // A blog's own dependencies and generated output are not part of what the tests look at.
      filter: (file) => !['node_modules', '.git', 'public', 'resources', '_site'].includes(path.basename(file)),
    });
    return target;
  });
  if (folders.length === 1) return { open: folders[0], folders };
  const file = path.join(tempRoot, 'workspace', 'blogs.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: folders.map((folder) => ({ path: path.basename(folder) })) }, null, 2));
  return { open: file, workspaceFile: file, folders };
}

/** What the tests are told about the workspace: the Hexo blog first, the Hugo and Jekyll ones if open. */
function workspaceEnv(workspace) {
  return {
    POSTCRAFT_TEST_WORKSPACE: workspace.folders[0],
    ...(workspace.folders[1] ? { POSTCRAFT_TEST_HUGO_WORKSPACE: workspace.folders[1] } : {}),
    ...(workspace.folders[2] ? { POSTCRAFT_TEST_JEKYLL_WORKSPACE: workspace.folders[2] } : {}),
  };
}

/**
 * A copy of the extension under `tempRoot` that only a web worker extension host runs: its manifest
 * keeps `browser` and drops `main`, and it holds what the .vsix ships for the browser.
 */
function browserOnlyCopy(tempRoot) {
  const target = path.join(tempRoot, 'browser-extension');
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  if (!manifest.browser) fail('package.json has no `browser` entry');
  delete manifest.main;
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
  const shipped = ['dist/web', 'dist/preview', 'l10n', 'syntaxes', 'snippets', 'media', ...fs.readdirSync(repoRoot).filter((name) => /^package\.nls(\..+)?\.json$/.test(name))];
  for (const entry of shipped) fs.cpSync(path.join(repoRoot, entry), path.join(target, entry), { recursive: true });
  log(`browser-only copy of the extension (no \`main\`): ${target}`);
  return target;
}

function installVsix(vsix, stateDir) {
  if (!fs.existsSync(vsix)) fail(`${vsix} does not exist: run \`npm run package\` first`);
  const extensions = path.join(stateDir, 'extensions');
  fs.mkdirSync(extensions, { recursive: true });
  const result = spawnSync(process.execPath, [fs.realpathSync(codeServerBin), '--install-extension', vsix, '--extensions-dir', extensions], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'), XDG_DATA_HOME: path.join(stateDir, 'xdg-data') },
  });
  if (result.status !== 0) fail(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
  log(`installed ${path.basename(vsix)}: ${result.stdout.trim().split('\n').pop()}`);
}

/**
 * Answers the editor side's requests until the suite ends: the test writes `request` (JSON), `answer`
 * does what it asks, and `<request>.done` (with what `answer` returns) or `<request>.failed` (with the
 * reason) tells the test it happened.
 */
function serveRequests(request, ended, answer) {
  let over = false;
  void ended.then(() => { over = true; });
  const poll = async () => {
    while (!over) {
      if (fs.existsSync(request)) {
        const asked = JSON.parse(fs.readFileSync(request, 'utf8'));
        fs.rmSync(request);
        try {
          fs.writeFileSync(`${request}.done`, (await answer(asked)) ?? '');
        } catch (error) {
          fs.writeFileSync(`${request}.failed`, error instanceof Error ? error.message : String(error));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  void poll();
}

/** The paste check's request names a PNG file: its bytes go onto the browser's clipboard as an image and the workbench gets a real Ctrl+V. */
async function pasteImage(page, context, { png }) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.bringToFront();
  const base64 = fs.readFileSync(png).toString('base64');
  await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
  }, base64);
  await page.keyboard.press('Control+V');
}

/** What a hostile post's payloads do if they run: call `window.__xss(name)` (test/xss/payloads.ts). */
const DANGEROUS = '.pc-post :is(script, iframe, object, embed, base, meta, style, svg, form, input):not(.katex *), .pc-post :is([onerror], [onload], [onmouseover], [onclick], [onfocus], [ontoggle], [onbegin]), .pc-post :is(a, area)[href^="javascript:" i]';

/**
 * The web suite's question about a preview's webview (--web): the request names the title a preview
 * shows; the frames showing it (the webview's content, inside the workbench's iframes) are hovered and
 * clicked where a payload would wait for it, and the answer says how many there were, whether the
 * `__xss` binding reached them (so that silence means something), which payloads called it, what in
 * them could run code, and any request to evil.example.
 */
async function probeWebviews(page, seen, { title }) {
  const frames = [];
  for (const frame of page.frames()) {
    const shown = await frame.evaluate(() => document.querySelector('.pc-title')?.textContent ?? null).catch(() => null);
    if (shown === title) frames.push(frame);
  }
  let bound = frames.length > 0;
  let dangerous = 0;
  for (const frame of frames) {
    bound &&= await frame.evaluate(() => typeof window.__xss === 'function');
    // Buttons, summaries and titled paragraphs; links are left alone: a click on one opens it in
    // the editor (and the preview's sanitizer leaves no `javascript:` link, counted below).
    for (const selector of ['button', 'summary', 'p[title]', '.xss-link']) {
      for (const element of await frame.$$(selector)) {
        await element.hover({ timeout: 500 }).catch(() => undefined);
        if (selector !== '.xss-link') await element.click({ timeout: 500, force: true }).catch(() => undefined);
      }
    }
    dangerous += await frame.$$eval(DANGEROUS, (elements) => elements.length);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return JSON.stringify({ frames: frames.length, bound, calls: [...seen.calls], dangerous, offsite: [...seen.offsite] });
}

async function runInCodeServer(workspace, tempRoot) {
  if (!isTestEditorInstalled()) fail('the test editor is not installed: run `node scripts/test-editor/install.mjs`');
  if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing: run \`node scripts/test-editor/install.mjs\` (installs the Debian package chromium)`);
  const { chromium } = await import('playwright-core');

  const editorOutput = [];
  const reloadMarker = path.join(tempRoot, 'reload-marker.json');
  const pasteRequest = path.join(tempRoot, 'paste-request.json');
  const webviewProbe = path.join(tempRoot, 'webview-probe.json');
  const port = await findFreePort();
  // POSTCRAFT_TEST_VSIX: test the packaged extension. It is installed into this run's extensions folder
  // and an empty probe takes the place of the development extension the test runner needs.
  const vsix = process.env.POSTCRAFT_TEST_VSIX;
  const developmentPath = vsix
    ? path.join(repoRoot, 'test', 'package', 'probe-extension')
    : web ? browserOnlyCopy(tempRoot) : path.resolve(repoRoot, process.env.POSTCRAFT_TEST_EXTENSION || '.');
  if (vsix) installVsix(path.resolve(repoRoot, vsix), path.join(tempRoot, 'code-server'));
  const server = await startCodeServer({
    port,
    stateDir: path.join(tempRoot, 'code-server'),
    env: { ...workspaceEnv(workspace), ...(web ? { POSTCRAFT_TEST_WEB: '1', POSTCRAFT_TEST_EXTENSION_PATH: developmentPath, POSTCRAFT_TEST_WEBVIEW_PROBE: webviewProbe } : {}), ...(reload ? { POSTCRAFT_TEST_RELOAD_MARKER: reloadMarker } : {}), ...(paste ? { POSTCRAFT_TEST_PASTE_REQUEST: pasteRequest } : {}) },
    workspaceTrust: restricted,
    onOutput: (line) => {
      editorOutput.push(line);
      if (verbose) console.log(`[code-server] ${line}`);
    },
  });
  cleanups.push(() => server.stop());
  log(`code-server listening on 127.0.0.1:${port} (process group ${server.pid})`);

  let result;
  try {
    const context = await chromium.launchPersistentContext(path.join(tempRoot, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      // Our own handlers stop the browser and then code-server; Playwright's would exit first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    cleanups.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    // --web: a hostile post's payloads, should one run in a webview, call this (probeWebviews).
    const xssSeen = { calls: [], offsite: [] };
    if (web) {
      await context.exposeBinding('__xss', (_source, name) => { xssSeen.calls.push(String(name)); });
      await context.route(/evil\.example/, (route) => {
        xssSeen.offsite.push(route.request().url());
        return route.abort();
      });
    }

    let summarySeen;
    const exitCode = new Promise((resolve) => {
      // The workbench calls these when it runs extension tests (extensionTestsPath in the payload).
      void page.exposeFunction('codeAutomationLog', (level, message) => {
        const text = String(message);
        for (const line of text.split('\n')) {
          const match = SUMMARY.exec(line.trim());
          if (match) summarySeen = { passed: Number(match[1]), failed: Number(match[2]) };
        }
        // The workbench asks the extension gallery for updates; offline that fails, harmlessly.
        if (!verbose && text.includes('ENOTFOUND open-vsx.org')) {
          console.log('(open-vsx.org is unreachable: the gallery query failed, harmless offline)');
          return;
        }
        console.log(level === 'info' ? text : `[${level}] ${text}`);
      });
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    if (verbose) page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    const crashed = new Promise((resolve) => page.once('crash', () => resolve('the browser page crashed')));
    const serverExited = server.exited.then(({ code, signal }) => `code-server exited early (${signal ?? `code ${code}`})`);
    const timedOut = new Promise((resolve) => setTimeout(() => resolve(`no result within ${timeoutSeconds} s`), timeoutSeconds * 1000).unref());

    const url = workbenchUrl(port, { folder: workspace.open, workspace: workspace.workspaceFile, extensionDevelopmentPath: developmentPath, extensionTestsPath });
    log(`opening ${url}`);
    // The result arrives through codeAutomationExit; page load itself can be slow on a busy machine.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });

    if (paste) serveRequests(pasteRequest, exitCode, (asked) => pasteImage(page, context, asked));
    if (web) serveRequests(webviewProbe, exitCode, (asked) => probeWebviews(page, xssSeen, asked));
    const outcome = await Promise.race([exitCode, crashed, serverExited, timedOut]);
    if (typeof outcome === 'number') {
      result = outcome;
      if (!summarySeen) log('warning: the suite ended without its "integration: N passed, N failed" line');
      else if (result === 0 && summarySeen.failed > 0) result = 1;
      if (reload && result === 0 && !fs.existsSync(reloadMarker)) {
        log('error: the reload checks passed without a reload (no marker file)');
        result = 1;
      }
    } else {
      if (!interrupted) log(`error: ${outcome}`);
      result = 1;
    }
  } finally {
    // Stop the browser and the editor now (the temporary folder goes last, in main()).
    await cleanup(1);
  }
  if (result !== 0 && !verbose && !interrupted && editorOutput.length) {
    log('code-server output (set POSTCRAFT_TEST_VERBOSE=1 to see it as it comes):');
    for (const line of editorOutput.slice(-200)) console.log(`[code-server] ${line}`);
  }
  return result;
}

async function runInDesktopVsCode(workspace, tempRoot) {
  // The clipboard is driven through the browser page, which only the code-server route has.
  if (web) fail('--web needs the code-server route (its web worker extension host); unset VSCODE_EXECUTABLE and POSTCRAFT_TEST_ELECTRON');
  if (paste) fail('--paste needs the code-server route (a browser page to paste into); unset VSCODE_EXECUTABLE and POSTCRAFT_TEST_ELECTRON');
  const { runTests } = await import('@vscode/test-electron');
  const options = {
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: workspaceEnv(workspace),
    launchArgs: [workspace.open, '--disable-extensions', `--user-data-dir=${path.join(tempRoot, 'user-data')}`],
  };
  if (process.env.VSCODE_EXECUTABLE) options.vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  else options.version = process.env.VSCODE_VERSION || 'stable';
  log(`running in desktop VS Code (${options.vscodeExecutablePath ?? `download ${options.version}`})`);
  try {
    return await runTests(options);
  } catch (error) {
    log(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function main() {
  checkBuilt();
  const started = Date.now();
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-integration-'));
  cleanups.push(() => {
    if (keepTemp) log(`kept ${tempRoot}`);
    else fs.rmSync(tempRoot, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      interrupted = true;
      log(`${signal}: stopping`);
      void cleanup().then(() => process.exit(130));
    });
  }
  // A last resort for a hang outside the test phase (browser launch, page load).
  setTimeout(() => {
    log(`still running after ${timeoutSeconds + 60} s: giving up`);
    void cleanup().then(() => process.exit(1));
  }, (timeoutSeconds + 60) * 1000).unref();
  let code = 1;
  try {
    const workspace = copyWorkspace(tempRoot);
    log(`workspace: ${workspace.open}`);
    const desktop = Boolean(process.env.VSCODE_EXECUTABLE) || process.env.POSTCRAFT_TEST_ELECTRON === '1';
    code = desktop ? await runInDesktopVsCode(workspace, tempRoot) : await runInCodeServer(workspace, tempRoot);
  } finally {
    await cleanup();
  }
  log(`${code === 0 ? 'passed' : `failed (exit code ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

main().catch((error) => {
  console.error(error instanceof SetupError ? `[integration] ${error.message}` : error);
  process.exit(1);
});
