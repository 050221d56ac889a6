#!/usr/bin/env node
// Installs the editor the integration tests run in: code-server, which ships a full VS Code build
// (server, web workbench, Node extension host, built-in extensions) through the npm registry.
// Desktop VS Code and Electron cannot be downloaded on our CI machines, code-server can.
//
// It goes into the git-ignored `.vscode-test/code-server/`, never into the project's node_modules:
// its postinstall builds native modules and needs the workarounds below. Running this again is
// cheap: a marker file holding the version skips everything once an install has succeeded.
//
// Usage: node scripts/test-editor/install.mjs [--force]
// Other scripts import `ensureTestEditor()` and `codeServerBin`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// 4.100.3 (= VS Code 1.100.3) is the newest code-server whose engines.node accepts Node 20.
// Keep @types/vscode at ~1.100.0 and engines.vscode at ^1.100.0 or lower to match.
export const CODE_SERVER_VERSION = '4.100.3';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const installDir = path.join(repoRoot, '.vscode-test', 'code-server');
const packageDir = path.join(installDir, 'node_modules', 'code-server');
export const codeServerBin = path.join(installDir, 'node_modules', '.bin', 'code-server');
const markerFile = path.join(installDir, '.postcraft-installed');

// Debian packages: chromium drives the web workbench, libkrb5-dev and the build tools are for the
// native modules (kerberos, node-pty, spdlog, argon2...), ripgrep replaces the rg binary that
// @vscode/ripgrep would download from GitHub, and the fonts make screenshots legible (CJK posts).
// hugo: the oracle of the Hugo tests (test/oracle/hugoRead.cjs), Debian's 0.111.3; jekyll: the oracle of the
// Jekyll tests (test/oracle/jekyllRead.cjs), Debian's 4.3.1.
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'fonts-dejavu-core', 'fonts-noto-cjk', 'python3', 'make', 'g++', 'hugo', 'jekyll'];

// Dependencies of code-server (and of its nested `npm install` in lib/vscode) whose install scripts
// must run. npm 11 blocks dependency install scripts unless allowed; Windows-only ones never run here.
const ALLOWED_SCRIPTS = [
  'code-server',
  'argon2',
  'kerberos',
  'node-pty',
  'native-watchdog',
  '@parcel/watcher',
  '@vscode/ripgrep',
  '@vscode/spdlog',
  '@vscode/deviceid',
];

// The version @vscode/ripgrep in code-server 4.100.3 expects, and the asset it would download.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function log(message) {
  console.log(`[test-editor] ${message}`);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args[0] ?? ''} exited with ${result.status ?? result.signal}`);
}

export function isTestEditorInstalled() {
  try {
    return fs.readFileSync(markerFile, 'utf8').trim() === CODE_SERVER_VERSION && fs.existsSync(codeServerBin);
  } catch {
    return false;
  }
}

function isDebianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureDebianPackages() {
  if (process.platform !== 'linux' || spawnSync('dpkg-query', ['--version']).status !== 0) {
    log(`not a Debian system: make sure these are installed yourself: ${DEBIAN_PACKAGES.join(' ')}`);
    return;
  }
  const missing = DEBIAN_PACKAGES.filter((name) => !isDebianPackageInstalled(name));
  if (missing.length === 0) {
    log(`Debian packages present: ${DEBIAN_PACKAGES.join(' ')}`);
    return;
  }
  log(`installing missing Debian packages: ${missing.join(' ')}`);
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (asRoot.length ? run('sudo', ['apt-get', ...args], { env: aptEnv }) : run('apt-get', args, { env: aptEnv }));
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
}

// @vscode/ripgrep's postinstall looks for its download in $TMPDIR/vscode-ripgrep-cache-<version>/
// before going to GitHub, which this machine cannot reach: seed that cache with Debian's rg.
function seedRipgrepCache() {
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const tarball = path.join(cacheDir, RIPGREP_ASSET);
  if (fs.existsSync(tarball)) {
    log(`ripgrep cache present: ${tarball}`);
    return;
  }
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new Error(`${rg} is missing: install the Debian package ripgrep`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-rg-'));
  try {
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    run('tar', ['-czf', tarball, '-C', staging, 'rg']);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  log(`seeded ripgrep cache from ${rg}: ${tarball}`);
}

function installCodeServer() {
  // Start from scratch: a half-finished install (no marker) is not worth repairing.
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  const env = {
    ...process.env,
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`, which must not stop to ask.
    npm_config_yes: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  // A small private project of its own, so the project's package.json, lockfile and node_modules
  // stay untouched. (Not `npm install -g --prefix`: npm exports the prefix to the postinstall's
  // nested `npm install` runs, which then install into the wrong tree.)
  const manifest = {
    name: 'postcraft-test-editor',
    version: '0.0.0',
    private: true,
    description: 'The code-server build the Postcraft integration tests run in (scripts/test-editor/install.mjs).',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: Object.fromEntries(ALLOWED_SCRIPTS.map((name) => [name, true])),
  };
  fs.writeFileSync(path.join(installDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Two steps, because code-server's postinstall runs `npm install` again in lib/vscode and
  // lib/vscode/extensions, projects without allowScripts, where npm 11 rejects --allow-scripts and
  // npm_config_allow_scripts: unpack everything first, give those two projects an .npmrc with the
  // allow-list, then run the install scripts.
  const npmArgs = ['--no-fund', '--no-audit', '--no-package-lock'];
  run('npm', ['install', '--ignore-scripts', ...npmArgs], { cwd: installDir, env });
  for (const nested of ['lib/vscode', 'lib/vscode/extensions']) {
    fs.writeFileSync(path.join(packageDir, nested, '.npmrc'), `allow-scripts=${ALLOWED_SCRIPTS.join(',')}\n`);
  }
  run('npm', ['rebuild', ...npmArgs], { cwd: installDir, env });
  if (!fs.existsSync(codeServerBin)) throw new Error(`install finished but ${codeServerBin} is missing`);
  const rgBinary = path.join(packageDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!fs.existsSync(rgBinary)) throw new Error(`install finished but ${rgBinary} is missing (did the ripgrep postinstall run?)`);
  // Keep it from writing ~/.config/code-server/config.yaml.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-cs-version-'));
  const version = spawnSync(process.execPath, [path.join(packageDir, 'out', 'node', 'entry.js'), '--version'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch },
  });
  fs.rmSync(scratch, { recursive: true, force: true });
  const versionLine = version.stdout.split('\n').find((line) => line.startsWith(CODE_SERVER_VERSION));
  if (version.status !== 0 || !versionLine) throw new Error(`code-server --version failed: ${version.stdout}${version.stderr}`);
  log(`code-server --version: ${versionLine}`);
  fs.writeFileSync(markerFile, `${CODE_SERVER_VERSION}\n`);
}

/** Installs the test editor unless it is there already. Returns the code-server launcher path. */
export function ensureTestEditor({ force = false } = {}) {
  // Checked every time (a dpkg query): a cached editor does not bring the packages the tests need (hugo).
  ensureDebianPackages();
  if (!force && isTestEditorInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${path.relative(repoRoot, installDir)}: skipping`);
    return codeServerBin;
  }
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} installs and runs on Node 20 only; this is Node ${process.versions.node}`);
  }
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(repoRoot, installDir)}`);
  seedRipgrepCache();
  installCodeServer();
  log(`installed code-server ${CODE_SERVER_VERSION} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return codeServerBin;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureTestEditor({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`[test-editor] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
