// Bundles the extension (Node, `vscode` external), the CLI and the benchmark with esbuild.
// Runtime libraries are bundled, so the .vsix ships no node_modules.
import * as esbuild from 'esbuild';

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
// `--analyze`: also print what the browser build is made of, by package (its size has a budget).
const analyze = process.argv.includes('--analyze');
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

/**
 * Nunjucks for the browser from its sources, as its own browser build is made: the web loaders instead
 * of the file-system ones, no Express glue. Its package's `browser` entry is a prebuilt copy of those
 * same sources, which the rule checks' imports of `nunjucks/src/*` would otherwise bundle a second time.
 * `path` is left empty: only a loader resolving a relative `{% include %}` reaches it, and Postcraft
 * renders scaffolds from strings (a scaffold that includes a file fails with a message, as offline).
 */
const nunjucksForBrowser = {
  name: 'nunjucks-for-browser',
  setup(build) {
    const sources = resolve('node_modules/nunjucks/src');
    build.onResolve({ filter: /^nunjucks$/ }, () => ({ path: resolve(sources, 'environment.js') }));
    build.onResolve({ filter: /^(\.\/loaders|\.\/express-app|path)$/ }, (args) => {
      if (!args.importer.startsWith(sources)) return undefined;
      if (args.path === './loaders') return { path: resolve(sources, 'web-loaders.js') };
      return { path: args.path, namespace: 'empty-module' };
    });
    build.onLoad({ filter: /.*/, namespace: 'empty-module' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * The sanitizer uses htmlparser2's tokenizer only; the package's one entry also brings its DOM builder,
 * DomUtils and a serializer with a second copy of `entities` (~130 KB of the browser build), which
 * esbuild cannot leave out of a namespace re-export. The tokenizer's own module is not in its exports
 * map, so it is resolved here by path, for every build.
 */
const htmlTokenizerOnly = {
  name: 'html-tokenizer-only',
  setup(build) {
    const tokenizer = resolve('node_modules/htmlparser2/dist/esm/Tokenizer.js');
    build.onResolve({ filter: /^htmlparser2$/ }, (args) => (args.importer.startsWith(resolve('src')) ? { path: 'htmlparser2', namespace: 'html-tokenizer' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'html-tokenizer' }, () => ({ contents: `export { default as Tokenizer } from ${JSON.stringify(tokenizer)};`, loader: 'js', resolveDir: resolve('.') }));
  },
};

/**
 * pinyin-pro's character dictionary is one object literal, `{ 'líng': ['〇', '伶', …], … }`: ~3,400
 * readings and ~20,000 characters, each character a quoted string (six bytes for three). It is written
 * as one string decoded when the module loads, `líng|〇伶…` a line: 45% of pinyin-pro in every bundle.
 * The build fails unless the decoded object equals the literal, keys in the same order.
 */
const compactCharacterDictionary = {
  name: 'compact-character-dictionary',
  setup(build) {
    build.onLoad({ filter: /pinyin-pro[\\/]dist[\\/]esm[\\/]data[\\/]dict1\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const literal = source.match(/const map = (\{[\s\S]*?\n\});\r?\n/);
      if (!literal) throw new Error(`${args.path}: no \`const map = {…};\` to compact`);
      const map = new Function(`return (${literal[1]});`)();
      const lines = Object.entries(map).map(([reading, characters]) => `${reading}|${characters.join('')}`);
      const decoder = `Object.fromEntries(${JSON.stringify(lines.join('\n'))}.split("\\n").map((line) => { const bar = line.indexOf("|"); return [line.slice(0, bar), [...line.slice(bar + 1)]]; }))`;
      if (JSON.stringify(new Function(`return ${decoder};`)()) !== JSON.stringify(map)) throw new Error(`${args.path}: the compacted dictionary differs from pinyin-pro's`);
      return { contents: source.replace(literal[0], () => `const map = ${decoder};\n`), loader: 'js' };
    });
  },
};

/**
 * The editor's Node bundle and the CLI load pinyin-pro on demand (src/vscode/services/lazyPinyin.ts and
 * src/cli/lazyPinyin.ts take the place of the core's converter there; the converter itself is built
 * alone as dist/pinyin.js).
 */
function lazyPinyinFrom(replacement) {
  return {
    name: 'lazy-pinyin',
    setup(build) {
      const converter = resolve('src/core/text/pinyinConverter.ts');
      build.onResolve({ filter: /pinyinConverter$/ }, (args) => (resolve(args.resolveDir, `${args.path}.ts`) === converter
        ? { path: resolve(replacement) }
        : undefined));
    },
  };
}

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
  { ...extension, outfile: 'dist/extension.js', plugins: [htmlTokenizerOnly, lazyPinyinFrom('src/vscode/services/lazyPinyin.ts'), asciiOnly] },
  { ...extension, entryPoints: ['src/core/text/pinyinConverter.ts'], outfile: 'dist/pinyin.js', banner: {}, plugins: [compactCharacterDictionary, asciiOnly] },
  // The same extension for the web worker extension host (vscode.dev, github.dev): no Node there, so
  // Node's modules fail the build instead of being left to `require` (`events`, which nunjucks's
  // parser extends, comes from the `events` package).
  { ...extension, outfile: 'dist/web/extension.js', platform: 'browser', target: 'es2022', minifyIdentifiers: true, charset: 'utf8', write: true, metafile: analyze, plugins: [webVariants, nunjucksForBrowser, htmlTokenizerOnly, compactCharacterDictionary] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { POSTCRAFT_VERSION: JSON.stringify(version) }, minifyWhitespace: true, minifySyntax: true, plugins: [htmlTokenizerOnly, lazyPinyinFrom('src/cli/lazyPinyin.ts')] },
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
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  if (analyze) printComposition(results[builds.findIndex((options) => options.outfile === 'dist/web/extension.js')].metafile);
  // Issue #17 sets a budget for the browser's download: watch it.
  const webBytes = statSync('dist/web/extension.js').size;
  console.log(`dist/web/extension.js: ${webBytes.toLocaleString('en')} bytes (${(webBytes / 1e6).toFixed(2)} MB)`);
}

function printComposition(metafile) {
  const bytesByPackage = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs).find((output) => output.entryPoint).inputs)) {
    const owner = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 4).join('/');
    bytesByPackage.set(owner, (bytesByPackage.get(owner) ?? 0) + bytesInOutput);
  }
  for (const [owner, bytes] of [...bytesByPackage].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(bytes / 1024).toFixed(0).padStart(6)} KB  ${owner}`);
}
