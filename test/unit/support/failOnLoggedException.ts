import { exceptionText, setLogPort } from '../../../src/core/log';

/**
 * Mocha root hooks (loaded by .mocharc.json): an exception the core reports to its log port fails the
 * test that caused it. The core swallows such exceptions to keep the editor working, so without this
 * a rule that throws would pass every test, "never throws" included.
 */
const logged: string[] = [];

export const mochaHooks = {
  beforeAll(): void {
    setLogPort({ exception: (where, error) => logged.push(`${where}: ${exceptionText(error)}`) });
  },
  afterEach(this: Mocha.Context): void {
    if (logged.length === 0) return;
    const message = `the core logged ${logged.length} exception(s):\n${logged.join('\n')}`;
    logged.length = 0;
    // A hook's error() fails the current test, not the hook, so the run goes on.
    (this.test as Mocha.Hook & { error(error: Error): void }).error(new Error(message));
  },
};
