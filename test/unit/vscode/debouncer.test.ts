import * as assert from 'node:assert/strict';
import { Debouncer } from '../../../src/vscode/services/debouncer';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Debouncer', () => {
  it('runs only the last action of a burst per key, each key on its own', async () => {
    const debouncer = new Debouncer<string>();
    const ran: string[] = [];
    for (const n of [1, 2, 3]) debouncer.schedule('a', 5, () => ran.push(`a${n}`));
    debouncer.schedule('b', 5, () => ran.push('b'));
    await settle(40);
    assert.deepEqual(ran.sort(), ['a3', 'b']);
  });

  it('runs nothing cancelled or scheduled before dispose', async () => {
    const debouncer = new Debouncer<string>();
    const ran: string[] = [];
    debouncer.schedule('a', 5, () => ran.push('a'));
    debouncer.schedule('b', 5, () => ran.push('b'));
    debouncer.cancel('a');
    debouncer.dispose();
    debouncer.schedule('c', 5, () => ran.push('c'));
    await settle(40);
    assert.deepEqual(ran, ['c'], 'a scheduled after dispose still runs: dispose clears, it does not close');
  });
});
