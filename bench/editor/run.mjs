#!/usr/bin/env node
// `npm run bench:editor`: the 10,000-post synthetic site opened in the real test editor, measured by
// bench/editor/index.ts inside the extension host. Needs `npm run build` and `npm run compile`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { ensureSyntheticSite } = require(path.join(repoRoot, 'out', 'bench', 'syntheticSite.js'));
const site = ensureSyntheticSite(path.join(repoRoot, '.bench', 'site-10000'), 10_000);

const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'integration', 'run.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, POSTCRAFT_TEST_WORKSPACE: site, POSTCRAFT_TEST_ENTRY: path.join('out', 'bench', 'editor', 'index.js') },
});
process.exit(result.status ?? 1);
