// Bundles the extension (Node, `vscode` external), the CLI and the benchmark with esbuild.
// Runtime libraries are bundled, so the .vsix ships no node_modules.
import * as esbuild from 'esbuild';

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

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

/**
 * The extension's bundle as one-byte text. The extension host keeps a bundle's source in memory (twice,
 * measured in a heap snapshot); esbuild leaves non-ASCII characters in regular expressions (pinyin-pro's
 * tone marks) and comments (Chinese in pinyin-pro's), and one such character makes V8 store all 3 MB
 * as two bytes a character. Comments and whitespace go (identifiers stay, for readable stack traces);
 * the rest is escaped per UTF-16 unit, which means the same in strings, regular expressions and names.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      for (const file of result.outputFiles ?? []) {
        mkdirSync(dirname(file.path), { recursive: true });
        const text = file.path.endsWith('.js')
          ? file.text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
          : file.text;
        writeFileSync(file.path, text);
      }
    });
  },
};

/**
 * The browser build's variants: where `x.web.ts` sits beside `x.ts` in src/, an import of `./x` takes
 * it. A variant replaces only what needs Node (its type is the Node module's, so tsc keeps them alike).
 */
const webVariants = {
  name: 'web-variants',
  setup(build) {
    const sources = resolve('src');
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!args.importer.startsWith(sources)) return undefined;
      const variant = resolve(args.resolveDir, `${args.path}.web.ts`);
      return existsSync(variant) ? { path: variant } : undefined;
    });
  },
};

const extension = {
  ...common,
  entryPoints: ['src/vscode/extension.ts'],
  external: ['vscode'],
  // The banner runs before any bundled module: activation is timed from the moment the code began to load.
  banner: { js: 'var POSTCRAFT_LOAD_START = Date.now();' },
  minifyWhitespace: true,
  minifySyntax: true,
  write: false,
};

const builds = [
  { ...extension, outfile: 'dist/extension.js', plugins: [asciiOnly] },
  // The same extension for the web worker extension host (vscode.dev, github.dev): no Node there, so
  // Node's modules fail the build instead of being left to `require` (`events`, which nunjucks's
  // parser extends, comes from the `events` package).
  { ...extension, outfile: 'dist/web/extension.js', platform: 'browser', target: 'es2022', plugins: [webVariants, asciiOnly] },
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
  // Issue #17 sets a budget for the browser's download: watch it.
  console.log(`dist/web/extension.js: ${(statSync('dist/web/extension.js').size / 1024 / 1024).toFixed(2)} MB`);
}
