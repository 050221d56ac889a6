import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The README is the front door: it must name every command, setting and rule the manifest ships. */
const repo = resolve(__dirname, '..', '..', '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string }>; configuration: { properties: Record<string, unknown> } };
};

describe('README', () => {
  it('documents every command in the palette', () => {
    const missing = manifest.contributes.commands.map((entry) => entry.command).filter((id) => !readme.includes(`\`${id}\``));
    assert.deepEqual(missing, []);
  });

  it('documents every setting', () => {
    const missing = Object.keys(manifest.contributes.configuration.properties).filter((key) => !readme.includes(`\`${key}\``));
    assert.deepEqual(missing, []);
  });

  it('gives the two quick-start commands', () => {
    assert.match(readme, /npm ci && npm start/);
    assert.match(readme, /npm ci && npm test/);
  });
});
