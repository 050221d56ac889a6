import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../src/core/edits';
import { updateTimestampEdits } from '../../../src/core/generators/hexo/posts/updateTimestamp';

const now = new Date('2026-03-04T05:06:07Z');
const stamp = (text: string): string => applyTextEdits(text, updateTimestampEdits(text, now, 'Asia/Shanghai'));

describe('updating the updated timestamp', () => {
  it('adds updated after date, in the site zone, as hexo new writes dates', () => {
    assert.equal(stamp('---\ntitle: t\ndate: 2025-01-01 00:00:00\ntags: [a]\n---\nBody'), '---\ntitle: t\ndate: 2025-01-01 00:00:00\nupdated: 2026-03-04 13:06:07\ntags: [a]\n---\nBody');
  });

  it('adds it at the end of the front matter when there is no date, keeping CRLF', () => {
    assert.equal(stamp('---\ntitle: t\n---\n'), '---\ntitle: t\nupdated: 2026-03-04 13:06:07\n---\n');
    assert.equal(stamp('---\r\ntitle: t\r\n---\r\n'), '---\r\ntitle: t\r\nupdated: 2026-03-04 13:06:07\r\n---\r\n');
  });

  it('replaces only the value of an existing updated, keeping its quotes', () => {
    assert.equal(stamp("---\nupdated: '2025-01-01' # edited\n---\n"), "---\nupdated: '2026-03-04 13:06:07' # edited\n---\n");
    assert.equal(stamp('---\nupdated:\ntitle: t\n---\n'), '---\nupdated: 2026-03-04 13:06:07\ntitle: t\n---\n');
  });

  it('writes JSON front matter as JSON, and leaves files without front matter alone', () => {
    assert.equal(stamp(';;;\n"title": "t"\n;;;\n'), ';;;\n"updated": "2026-03-04 13:06:07",\n"title": "t"\n;;;\n');
    assert.deepEqual(updateTimestampEdits('no front matter', now, ''), []);
  });
});
