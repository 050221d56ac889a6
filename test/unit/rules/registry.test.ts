import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../../../src/core/rules';
import { allRules } from '../../../src/core/generators/registry';

describe('rule registry', () => {
  it('gives every rule a unique stable code and id, documented in docs/rules.md with its default severity', async () => {
    const ALL_RULES = await allRules();
    const docs = readFileSync(resolve(__dirname, '..', '..', '..', '..', 'docs', 'rules.md'), 'utf8');
    assert.equal(new Set(ALL_RULES.map((rule) => rule.code)).size, ALL_RULES.length);
    assert.equal(new Set(ALL_RULES.map((rule) => rule.id)).size, ALL_RULES.length);
    for (const rule of ALL_RULES) {
      assert.match(rule.code, /^PC[1-5]\d\d$/);
      assert.ok(docs.includes(`## ${rule.code} \`${rule.id}\``), `docs/rules.md has no section for ${rule.code}`);
      assert.ok(docs.includes(`| ${rule.code} | \`${rule.id}\` | ${rule.defaultSeverity} |`), `docs/rules.md table row for ${rule.code}`);
    }
  });

  it('keeps error for what breaks the post in Hexo', () => {
    const errors = RULES.filter((rule) => rule.defaultSeverity === 'error').map((rule) => rule.code);
    assert.deepEqual(errors, ['PC101', 'PC102', 'PC103', 'PC104', 'PC106', 'PC107', 'PC301', 'PC401', 'PC504', 'PC505', 'PC506', 'PC509', 'PC510']);
  });
});
