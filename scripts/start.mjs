#!/usr/bin/env node
// `npm start`: try Postcraft by hand in a real VS Code, in the browser. Installs the editor
// (code-server) if needed, rebuilds dist/extension.js when src/ changed, and serves the sample blog
// with Postcraft loaded in development mode. Runs until Ctrl+C.
//
// Environment: PORT (default 8080, else the next free one), POSTCRAFT_BLOG (folder or .code-workspace
// to open, default examples/blogs.code-workspace: the Hexo, Hugo and Jekyll sample blogs side by side;
// opened in place, so edits are real).
// Reload the browser tab after `npm run build` (or keep `node scripts/build.mjs --watch` running)
// to pick up changes.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestEditor } from './test-editor/install.mjs';
import { isPortFree, startCodeServer, workbenchUrl } from './test-editor/codeServer.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionMain = path.join(repoRoot, 'dist', 'extension.js');
const blog = path.resolve(process.env.POSTCRAFT_BLOG || path.join(repoRoot, 'examples', 'blogs.code-workspace'));
const isWorkspaceFile = blog.endsWith('.code-workspace');

function log(message) {
  console.log(`[start] ${message}`);
}

/** The newest modification time under `dir` (files only), or 0. */
function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(entryPath));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(entryPath).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const built = fs.existsSync(extensionMain) ? fs.statSync(extensionMain).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(repoRoot, 'src')), fs.statSync(path.join(repoRoot, 'package.json')).mtimeMs);
  if (built >= sources) {
    log('dist/extension.js is up to date');
    return;
  }
  log(built ? 'src/ changed since the last build: npm run build' : 'dist/extension.js is missing: npm run build');
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

async function choosePort() {
  const wanted = Number(process.env.PORT || 8080);
  for (let port = wanted; port < wanted + 100; port++) {
    if (await isPortFree(port)) return port;
    if (process.env.PORT) log(`port ${port} is taken, trying ${port + 1}`);
  }
  throw new Error(`no free port in ${wanted}-${wanted + 99}`);
}

async function main() {
  ensureTestEditor();
  ensureBuilt();
  if (!fs.existsSync(blog)) throw new Error(`${blog} does not exist`);

  const port = await choosePort();
  // Fresh editor state each time (settings, open editors), kept out of ~/.config.
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-start-'));
  const server = await startCodeServer({
    port,
    stateDir,
    onOutput: (line) => {
      if (process.env.POSTCRAFT_START_VERBOSE === '1' || /error/i.test(line)) console.log(`[code-server] ${line}`);
    },
  });

  let stopping = false;
  const stop = async (reason) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping code-server`);
    await server.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl+C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  void server.exited.then(({ code, signal }) => {
    if (stopping) return;
    log(`code-server exited (${signal ?? `code ${code}`})`);
    fs.rmSync(stateDir, { recursive: true, force: true });
    process.exit(1);
  });

  const url = workbenchUrl(port, { folder: blog, ...(isWorkspaceFile ? { workspace: blog } : {}), extensionDevelopmentPath: repoRoot });
  console.log('');
  log(`Postcraft (development mode) with ${path.relative(repoRoot, blog) || blog} is ready. Open in a browser:`);
  console.log(`\n  ${url}\n`);
  log('With desktop VS Code instead:');
  console.log(`\n  code --extensionDevelopmentPath=${repoRoot} ${blog}\n`);
  log('Press Ctrl+C to stop.');
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
