import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Node's built-in modules (fs, path, crypto, ...), banned from src/core without their `node:` prefix too. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

const NODE_MESSAGE = 'src/core runs in a browser too: no Node built-ins; I/O goes through ports (src/core/ports.ts).';

const CORE_BANNED_PATHS = [
  { name: 'vscode', message: 'src/core must not depend on the editor; convert in src/vscode.' },
  ...NODE_BUILTINS.map((name) => ({ name, message: NODE_MESSAGE })),
];

const CORE_BANNED_PATTERNS = [
  { group: ['node:*'], message: NODE_MESSAGE },
  { group: ['**/vscode/**', '**/cli/**'], message: 'src/core knows no host: the adapters import the core, never the other way round.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'examples/**', 'test/fixtures/**', 'media/vendor/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The core serves the extension, the CLI and a future browser build: no editor, no disk.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: CORE_BANNED_PATHS, patterns: CORE_BANNED_PATTERNS }] },
  },
  {
    // The generator seam: shared code sees generators only through generators/generator.ts; the
    // registry and the core's entry point (which import every generator) are for the adapters.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/generators/**', 'src/core/api.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: CORE_BANNED_PATHS,
        patterns: [
          ...CORE_BANNED_PATTERNS,
          { group: ['**/generators/*/**', '**/generators/registry', '**/api'], message: 'Shared core code knows no generator by name: go through the Generator/Site interface (src/core/generators/generator.ts).' },
        ],
      }],
    },
  },
  {
    // The adapters reach the core through its entry points only: core/api, and the areas the editor
    // loads when a feature first needs them (completion, rules, render, frontMatter).
    files: ['src/vscode/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/core/*', '**/core/*/**', '!**/core/api', '!**/core/completion', '!**/core/rules', '!**/core/render', '!**/core/frontMatter'],
          message: 'Import the core through src/core/api.ts (or an area\'s entry point), not its inner files.',
        }],
      }],
    },
  },
  {
    // Plain Node scripts that run Hexo itself in a child process (the oracle).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
