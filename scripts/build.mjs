// Bundles the extension (Node, `vscode` external), the CLI and the benchmark with esbuild.
// Runtime libraries are bundled, so the .vsix ships no node_modules.
import * as esbuild from 'esbuild';

import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  // The banner runs before any bundled module: activation is timed from the moment the code began to load.
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], banner: { js: 'var POSTCRAFT_LOAD_START = Date.now();' } },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { POSTCRAFT_VERSION: JSON.stringify(version) } },
  { ...common, entryPoints: ['bench/main.ts'], outfile: 'dist/bench.js' },
  // The preview's webview script (media/preview), for the browser.
  { ...common, entryPoints: ['media/preview/preview.ts'], outfile: 'dist/preview/preview.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true },
];

// KaTeX's stylesheet and woff2 fonts for the preview (the .vsix ships no node_modules).
mkdirSync('dist/preview/katex/fonts', { recursive: true });
copyFileSync('node_modules/katex/dist/katex.min.css', 'dist/preview/katex/katex.min.css');
for (const font of readdirSync('node_modules/katex/dist/fonts').filter((name) => name.endsWith('.woff2'))) {
  copyFileSync(`node_modules/katex/dist/fonts/${font}`, `dist/preview/katex/fonts/${font}`);
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
