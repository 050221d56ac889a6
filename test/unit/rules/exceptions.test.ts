import * as assert from 'node:assert/strict';
import { setLogPort } from '../../../src/core/log';
import { checkPost, RULES, type Rule } from '../../../src/core/rules';
import { contextFor, POST_PATH } from './support';

describe('a rule that throws', () => {
  const broken: Rule = {
    code: 'PC999',
    id: 'broken-rule',
    defaultSeverity: 'warning',
    check: () => {
      throw new TypeError('cannot read properties of undefined');
    },
  };

  it('is reported to the log port with its code and the post, and the other rules still run', async () => {
    const logged: Array<{ where: string; error: unknown }> = [];
    const restore = setLogPort({ exception: (where, error) => logged.push({ where, error }) });
    try {
      const context = await contextFor();
      const diagnostics = checkPost('---\ntitle: ""\ndate: 2026-01-01 10:00:00\n---\n', context, [broken, ...RULES]);
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['PC202'], 'the empty title is still reported');
      assert.equal(logged.length, 1);
      assert.equal(logged[0].where, `rule PC999 (broken-rule) on ${POST_PATH}`);
      assert.ok(logged[0].error instanceof TypeError);
    } finally {
      restore();
    }
  });

  it('is not run, and not reported, when its severity is off', async () => {
    const logged: string[] = [];
    const restore = setLogPort({ exception: (where) => logged.push(where) });
    try {
      const context = await contextFor({ settings: { rules: { PC999: 'off' } } });
      assert.deepEqual(checkPost('---\ntitle: t\n---\n', context, [broken]), []);
      assert.deepEqual(logged, []);
    } finally {
      restore();
    }
  });
});
