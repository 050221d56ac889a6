import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULE_MESSAGES } from '../../../src/core/rules';

const repo = resolve(__dirname, '..', '..', '..', '..');

describe('rule messages', () => {
  it('are the same templates in the core and in the editor\'s l10n table', () => {
    const adapter = readFileSync(resolve(repo, 'src/vscode/features/validation/messages.ts'), 'utf8');
    const table: Record<string, string> = {};
    for (const match of adapter.matchAll(/^ {2}(\w+): \(a\) => vscode\.l10n\.t\('((?:[^'\\]|\\.)*)', \.\.\.a\),$/gm)) {
      table[match[1]] = match[2].replace(/\\(['\\])/g, '$1');
    }
    assert.deepEqual(table, { ...RULE_MESSAGES });
  });

  it('keep their placeholders in the Chinese bundle', () => {
    const bundle = JSON.parse(readFileSync(resolve(repo, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const placeholders = (text: string): string => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
    for (const template of Object.values(RULE_MESSAGES)) {
      assert.ok(template in bundle, `not translated: ${template}`);
      assert.equal(placeholders(bundle[template]), placeholders(template), template);
    }
  });
});
