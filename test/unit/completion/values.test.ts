import * as assert from 'node:assert/strict';
import { formatMessage } from '../../../src/core/completion';
import { needsQuotes } from '../../../src/core/frontMatter/yamlText';
import { formatMomentDate } from '../../../src/core/site/dateFormat';
import type { SiteIndex } from '../../../src/core/index/siteIndex';
import { accept, buildIndex, complete, find, labels, NOW, post } from './support';

describe('front-matter completion: other values', () => {
  let index: SiteIndex;
  before(async () => {
    index = await buildIndex();
  });

  it('offers the site\'s scaffolds as layouts, the default first, and `false`', () => {
    const items = complete(index, '---\nlayout: |\n---\n');
    assert.deepEqual(labels(items), ['post', 'draft', 'photo', 'false']);
    assert.equal(formatMessage(find(items, 'photo').detail!), 'Scaffold scaffolds/photo');
  });

  it('offers true and false for comments, published and disableNunjucks', () => {
    for (const key of ['comments', 'published', 'disableNunjucks']) assert.deepEqual(labels(complete(index, `---\n${key}: |\n---\n`)), ['true', 'false']);
    assert.equal(accept(index, '---\npublished:|\n---\n', 'false'), post('published: false', ''));
  });

  it('offers now for date and updated, as the site writes dates, in the site\'s time zone', async () => {
    assert.deepEqual(labels(complete(index, '---\ndate: |\n---\n')), ['2026-03-02 17:32:05']);
    assert.equal(accept(index, '---\nupdated: 2026|\n---\n', '2026-03-02 17:32:05'), post('updated: 2026-03-02 17:32:05', ''));
    const custom = await buildIndex({ '/b/_config.yml': 'timezone: Asia/Shanghai\ndate_format: YYYY/M/D\ntime_format: h:mm A\n' });
    assert.deepEqual(labels(complete(custom, '---\ndate: |\n---\n')), ['2026/3/2 5:32 PM']);
  });

  it('offers the site\'s languages for lang', () => {
    assert.deepEqual(labels(complete(index, '---\nlang: |\n---\n')), ['zh-CN', 'en']);
  });

  it('offers nothing for keys whose values it does not know', () => {
    assert.deepEqual(complete(index, '---\ntitle: |\n---\n'), []);
    assert.deepEqual(complete(index, '---\nexcerpt: |\n---\n'), []);
  });
});

describe('moment-style date formatting', () => {
  it('formats the common tokens in a given zone', () => {
    assert.equal(formatMomentDate(NOW, 'YYYY-MM-DD HH:mm:ss', 'Asia/Shanghai'), '2026-03-02 17:32:05');
    assert.equal(formatMomentDate(NOW, 'YYYY-MM-DD HH:mm:ss', 'UTC'), '2026-03-02 09:32:05');
    assert.equal(formatMomentDate(NOW, 'YY/M/D h:m:s a [at] ddd MMM Z', 'America/New_York'), '26/3/2 4:32:5 am at Mon Mar -05:00');
    assert.equal(formatMomentDate(NOW, 'YYYY-MM-DDTHH:mm:ssZZ', 'Asia/Kolkata'), '2026-03-02T15:02:05+0530');
  });

  it('uses the machine\'s zone when the site sets none or an unknown one', () => {
    const local = `${NOW.getFullYear()}-${String(NOW.getMonth() + 1).padStart(2, '0')}-${String(NOW.getDate()).padStart(2, '0')} ${String(NOW.getHours()).padStart(2, '0')}`;
    assert.equal(formatMomentDate(NOW, 'YYYY-MM-DD HH', ''), local);
    assert.equal(formatMomentDate(NOW, 'YYYY-MM-DD HH', 'Not/AZone'), local);
  });
});

describe('YAML quoting of completed values', () => {
  it('quotes what YAML would read differently, and nothing else', () => {
    for (const value of ['a, b', 'a: b', 'C#', '[x]', '{x}', '- x', '&a', '*a', '!t', '|x', '>x', "'x", '"x', '%x', '@x', ' x', 'x ', 'true', 'null', '123', '3.10', '2026-03-02', '']) {
      assert.equal(needsQuotes(value), true, value);
    }
    for (const value of ['副业', 'AI赚钱', 'Side Project', 'C++', 'node.js', 'a-b', 'x!']) assert.equal(needsQuotes(value), false, value);
  });
});
