import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

describe('the unit test harness', () => {
  it('fails the test whose code logged an exception to the core, naming it, and runs the next', () => {
    const root = resolve(__dirname, '..', '..', '..', '..');
    const run = spawnSync(process.execPath, [
      join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--reporter', 'json',
      '--require', join(__dirname, 'failOnLoggedException.js'), join(__dirname, 'loggedExceptionSpec.js'),
    ], { encoding: 'utf8', cwd: root });
    const report = JSON.parse(run.stdout) as { failures: Array<{ title: string; err: { message: string } }>; passes: Array<{ title: string }> };
    assert.equal(run.status, 1);
    assert.deepEqual(report.failures.map((test) => test.title), ['logs one and would pass otherwise']);
    assert.ok(report.passes.some((test) => test.title === 'logs none'), 'the next test ran');
    assert.match(report.failures[0].err.message, /logged 1 exception\(s\):\nrule PC000 \(example\) on \/b\/post\.md: RangeError: offset out of range/);
  });
});
