import tseslint from 'typescript-eslint';

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
          { name: 'fs', message: 'src/core does I/O through ports (src/core/ports.ts).' },
          { name: 'node:fs', message: 'src/core does I/O through ports (src/core/ports.ts).' },
          { name: 'fs/promises', message: 'src/core does I/O through ports (src/core/ports.ts).' },
          { name: 'node:fs/promises', message: 'src/core does I/O through ports (src/core/ports.ts).' },
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
