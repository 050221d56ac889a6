import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../src/core/edits';
import { LineMap } from '../../src/core/text/lineMap';

describe('applying text edits', () => {
  const text = 'tags: [a, b]\n';
  const lines = new LineMap(text);
  it('applies several edits from the end so earlier offsets stay valid', () => {
    const result = applyTextEdits(text, [
      { range: lines.range(7, 8), newText: 'A' },
      { range: lines.range(10, 11), newText: 'B' },
    ]);
    assert.equal(result, 'tags: [A, B]\n');
  });
  it('inserts at an empty range and skips an edit overlapping another', () => {
    const result = applyTextEdits(text, [
      { range: lines.range(11, 11), newText: ', c' },
      { range: lines.range(6, 12), newText: '[]' },
      { range: lines.range(7, 8), newText: 'x' },
    ]);
    assert.equal(result, 'tags: [x, b, c]\n');
  });
});
