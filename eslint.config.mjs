import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Node's built-in modules (fs, path, crypto, ...), banned from src/core without their `node:` prefix too. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

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
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not depend on the editor; convert in src/vscode.' },
          ...NODE_BUILTINS.map((name) => ({ name, message: 'src/core runs in a browser too: no Node built-ins; I/O goes through ports (src/core/ports.ts).' })),
        ],
        patterns: [
          { group: ['node:*'], message: 'src/core runs in a browser too: no Node built-ins; I/O goes through ports (src/core/ports.ts).' },
          { group: ['**/vscode/**', '**/cli/**'], message: 'src/core knows no host: the adapters import the core, never the other way round.' },
        ],
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
