import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Every user-facing string is localized: the manifest's `%keys%` and every `vscode.l10n.t` message. */
const repo = resolve(__dirname, '..', '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function readJson(path: string): Record<string, string> {
  return JSON.parse(readFileSync(join(repo, path), 'utf8')) as Record<string, string>;
}

describe('localization', () => {
  it('has every manifest %key% in English and Simplified Chinese', () => {
    const manifest = readFileSync(join(repo, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > 3);
    for (const [file, table] of [['package.nls.json', readJson('package.nls.json')], ['package.nls.zh-cn.json', readJson('package.nls.zh-cn.json')]] as const) {
      const missing = keys.filter((key) => !(key in table));
      assert.deepEqual(missing, [], `missing in ${file}`);
    }
  });

  it('translates every vscode.l10n.t message into Simplified Chinese', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    const messages = new Set<string>();
    for (const file of sourceFiles(join(repo, 'src', 'vscode'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.add(match[1].replace(/\\'/g, "'"));
    }
    assert.ok(messages.size > 3);
    const missing = [...messages].filter((message) => !(message in bundle));
    assert.deepEqual(missing, []);
  });
});
