import { logException } from '../../../src/core/log';

// Not a test of its own (no .test suffix): harness.test.ts runs it through mocha to show that the
// harness fails a test whose code logged an exception, and goes on with the next.
describe('a suite whose code swallows an exception', () => {
  it('logs one and would pass otherwise', () => {
    logException('rule PC000 (example) on /b/post.md', new RangeError('offset out of range'));
  });
  it('logs none', () => undefined);
});
