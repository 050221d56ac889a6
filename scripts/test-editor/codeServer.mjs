// Starts and stops the code-server installed by ./install.mjs, headless and isolated: its own
// process group, user data, extensions and XDG folders under a temporary directory, so it never
// reads or writes ~/.config/code-server or the developer's extensions.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeServerBin } from './install.mjs';

const HOST = '127.0.0.1';
const READY_LINE = 'HTTP server listening';
const READY_TIMEOUT_MS = 60_000;
const USER_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  // code-server defaults to afterDelay; desktop VS Code (and our "unsaved edit" tests) to off.
  'files.autoSave': 'off',
};

/** A port nobody listens on right now (the kernel picks it). */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether `port` on 127.0.0.1 can be listened on. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`: how the web workbench names a file on the server. */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://${HOST}:${port}${pathToFileURL(absolutePath).pathname}`;
}

/**
 * The workbench URL that opens `folder` and loads the extension at `extensionDevelopmentPath`
 * (and runs the tests at `extensionTestsPath`, if given). code-server has no
 * --extensionDevelopmentPath flag; its web workbench reads these from the `payload` parameter.
 */
export function workbenchUrl(port, { folder, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const payload = [['extensionDevelopmentPath', remoteUri(port, extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
  // `workspace`: a .code-workspace file (several folders); else one `folder`.
  const query = new URLSearchParams({ ...(workspace ? { workspace } : { folder }), payload: JSON.stringify(payload) });
  return `http://${HOST}:${port}/?${query.toString()}`;
}

/**
 * Starts code-server on 127.0.0.1:`port` with state under `stateDir` (created if needed).
 * `env` is added to the environment of the server and so of its extension host.
 * `onOutput(line)` receives every line it prints. Resolves once it listens.
 */
export async function startCodeServer({ port, stateDir, env = {}, onOutput = () => {}, workspaceTrust = false }) {
  const dirs = {
    userData: path.join(stateDir, 'user-data'),
    extensions: path.join(stateDir, 'extensions'),
    xdgConfig: path.join(stateDir, 'xdg-config'),
    xdgData: path.join(stateDir, 'xdg-data'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  // Quiet, deterministic user settings: no gallery queries (open-vsx.org is unreachable offline and
  // its errors are noise), no welcome page, no telemetry.
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
  }
  const configFile = path.join(stateDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: ${HOST}:${port}\nauth: none\ncert: false\n`);

  const args = [
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--config', configFile,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    // Trust is off unless a test checks Restricted Mode: then the folder opens untrusted.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
  ];
  // The launcher is a symlink to code-server's entry.js: run it with this very Node.
  const child = spawn(process.execPath, [fs.realpathSync(codeServerBin), ...args], {
    // Its own process group, so stop() reaches the language servers and helpers it forks too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, ...env },
  });

  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not print "${READY_LINE}" within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    const watch = (stream) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) {
          onOutput(line);
          if (line.includes(READY_LINE)) {
            clearTimeout(timer);
            resolve();
          }
        }
      });
    };
    watch(child.stdout);
    watch(child.stderr);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exitPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited before listening (${signal ?? `code ${code}`})`));
    });
  });

  /** Stops the whole process group: SIGTERM, then SIGKILL after a grace period. */
  async function stop(graceMs = 5_000) {
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is gone already.
      }
    };
    signalGroup('SIGTERM');
    if (!exited) await Promise.race([exitPromise, new Promise((resolve) => setTimeout(resolve, graceMs))]);
    // Children that ignored SIGTERM (or outlived the server) go now.
    signalGroup('SIGKILL');
  }

  // Last resort if this process exits without stop(): never leave the editor running.
  const killOnExit = () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
  };
  process.once('exit', killOnExit);
  void exitPromise.then(() => process.removeListener('exit', killOnExit));

  try {
    await ready;
  } catch (error) {
    await stop(1_000);
    throw error;
  }
  return { port, pid: child.pid, stop, exited: exitPromise };
}
