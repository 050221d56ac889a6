import * as assert from 'node:assert/strict';
import { fixed, none, only } from './support';

describe('rules: dates (PC301–PC304)', () => {
  it('PC301 reports a date Hexo cannot read and rewrites a Chinese date', async () => {
    const text = '---\ntitle: A\ndate: 2026年3月2日 17:32\n---\n';
    assert.deepEqual(await only(text, 'PC301'), [2, 6, 2, 21,
      'Hexo cannot read 2026年3月2日 17:32 as a date and silently uses the file’s creation time instead (not the date in the file name).']);
    assert.equal(await fixed(text, 'PC301'), '---\ntitle: A\ndate: 2026-03-02 17:32:00\n---\n');
    await none('---\ntitle: A\ndate: 2026/03/02 17:32\n---\n', 'PC301');
    await none('---\ntitle: A\ndate:\n---\n', 'PC301');
  });

  it('PC302 reports an offset Hexo ignores and writes the meant time in the site zone', async () => {
    const text = '---\ntitle: A\ndate: 2026-03-02 10:00:00+09:00\n---\n';
    assert.deepEqual(await only(text, 'PC302'), [2, 6, 2, 31, 'Hexo ignores the offset +09:00: it shows this time as 2026-03-02 01:00:00 in Asia/Shanghai.']);
    assert.equal(await fixed(text, 'PC302'), '---\ntitle: A\ndate: 2026-03-02 09:00:00\n---\n');
    await none('---\ntitle: A\ndate: 2026-03-02 10:00:00\n---\n', 'PC302');
  });

  it('PC301 and PC302 write the date as a JSON string in ;;; front matter (found by the fuzzer)', async () => {
    const text = ';;;\n"title": "A",\n"date": "2026-03-02 10:00:00+09:00"\n;;;\n';
    assert.equal(await fixed(text, 'PC302'), ';;;\n"title": "A",\n"date": "2026-03-02 09:00:00"\n;;;\n');
    assert.equal(await fixed(';;;\n"title": "A",\n"date": "2026年3月2日 17:32"\n;;;\n', 'PC301'), ';;;\n"title": "A",\n"date": "2026-03-02 17:32:00"\n;;;\n');
  });

  it('PC303 reports updated before date and offers now', async () => {
    const text = '---\ntitle: A\ndate: 2026-03-02 10:00:00\nupdated: 2026-03-01 10:00:00\n---\n';
    assert.deepEqual(await only(text, 'PC303'), [3, 9, 3, 28, '"updated" (2026-03-01 10:00:00) is earlier than "date" (2026-03-02 10:00:00).']);
    assert.equal(await fixed(text, 'PC303'), '---\ntitle: A\ndate: 2026-03-02 10:00:00\nupdated: 2026-03-02 17:32:05\n---\n');
    await none('---\ntitle: A\ndate: 2026-03-02 10:00:00\nupdated: 2026-03-02 10:00:00\n---\n', 'PC303');
  });

  it('PC304 tells when a post is dated in the future', async () => {
    assert.deepEqual(await only('---\ntitle: A\ndate: 2026-03-03 00:00:00\n---\n', 'PC304'), [2, 6, 2, 25,
      'The date 2026-03-03 00:00:00 is in the future: Hexo publishes the post now, dated then (future: true).']);
    await none('---\ntitle: A\ndate: 2026-03-02 17:00:00\n---\n', 'PC304');
    await none('---\ntitle: A\ndate: 2027-01-01\n---\n', 'PC304', { path: '/b/source/_drafts/d.md' });
  });
});
