// The entry point VS Code loads as `extensionTestsPath`: it runs every compiled
// `out/test/integration/**/*.test.js` with mocha inside the extension host, where `vscode` resolves
// to the real API. scripts/integration/run.mjs starts the editor (code-server, or desktop VS Code
// through @vscode/test-electron) and reads the closing `integration: N passed, N failed` line.
//
// Set POSTCRAFT_TEST_GREP to run only the tests whose full title matches.
//
// With POSTCRAFT_TEST_WEB=1 (scripts/integration/run.mjs --web) Postcraft's browser build runs in the
// web worker extension host and these tests reach it through the editor. Tests that cannot apply in a
// browser (a terminal, a process, the Node host's view of the extension) carry `[node]` in their title
// and are left out there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

const SUITE_TIMEOUT_MS = 30_000;
/** The title tag of tests left out in the web worker host. */
const NODE_ONLY = /\[node\]/;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function findTestFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...findTestFiles(entryPath));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) files.push(entryPath);
  }
  return files.sort();
}

// The editor forwards an extension host's console output to the test runner's log, but joins the
// arguments with commas instead of formatting them (`'%s passing', 2` arrives as `%s passing,2`).
// Mocha's reporters log printf-style, and so may tests and the extension: format first.
function formatConsoleOutput(): void {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console);
    // The editor installs these as accessor properties whose setter ignores assignment.
    Object.defineProperty(console, method, {
      value: (...args: unknown[]) => original(format(...args)),
      writable: true,
      configurable: true,
    });
  }
  // Mocha captured the original console.log when it loaded.
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args) => console.log(...args);
}

export async function run(): Promise<void> {
  formatConsoleOutput();
  const mocha = new Mocha({
    ui: 'bdd',
    // `spec` writes through console.log, which the editor forwards to the test runner's log.
    reporter: 'spec',
    color: false,
    timeout: SUITE_TIMEOUT_MS,
  });
  const grep = process.env.POSTCRAFT_TEST_GREP;
  if (process.env.POSTCRAFT_TEST_WEB === '1') {
    // Mocha has one grep: the tester's, if any, goes into the same pattern as the leaving out.
    mocha.grep(grep ? new RegExp(`^(?!.*${NODE_ONLY.source}).*${escapeRegExp(grep)}`) : NODE_ONLY);
    if (!grep) mocha.invert();
  } else if (grep) mocha.grep(grep);

  const files = findTestFiles(__dirname);
  if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}: run \`npm run compile\` first`);
  for (const file of files) mocha.addFile(file);

  let passed = 0;
  let failed = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    // Counts failing hooks too, which mocha reports as failures of the hook.
    runner.on('fail', () => failed++);
  });

  console.log(`integration: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} integration test${failed === 1 ? '' : 's'} failed`);
}
