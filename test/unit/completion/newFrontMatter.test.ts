import * as assert from 'node:assert/strict';
import { allCompletionMessages, formatMessage } from '../../../src/core/completion';
import { GENERATORS } from '../../../src/core/generators/registry';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SiteIndex } from '../../../src/core/index/siteIndex';
import { accept, buildIndex, complete, find } from './support';

describe('front-matter completion: a whole front matter, and where nothing is offered', () => {
  let index: SiteIndex;
  before(async () => {
    index = await buildIndex();
  });

  it('offers, in an empty file, the post scaffold with the file name as title and now as date', () => {
    const items = complete(index, '|', { path: '/b/source/_posts/hello-world.md' });
    assert.equal(items.length, 1);
    assert.equal(formatMessage(items[0].detail!), 'Front matter from the post scaffold');
    assert.equal(items[0].preview, '---\ntitle: hello-world\ndate: 2026-03-02 17:32:05\ntags:\n---');
    assert.equal(accept(index, '|', '---', { path: '/b/source/_posts/hello-world.md' }), '---\ntitle: hello-world\ndate: 2026-03-02 17:32:05\ntags:\n---\n');
    assert.match(items[0].insertText, /^---\ntitle: \$\{1:hello-world\}\n/);
  });

  it('replaces the dashes typed on the first line, and keeps the body that follows', () => {
    assert.equal(accept(index, '---|', '---', { path: '/b/source/_posts/x.md' }), '---\ntitle: x\ndate: 2026-03-02 17:32:05\ntags:\n---\n');
    assert.equal(accept(index, '|\n# 正文\n', '---', { path: '/b/source/_posts/x.md' }), '---\ntitle: x\ndate: 2026-03-02 17:32:05\ntags:\n---\n# 正文\n');
  });

  it('uses the draft scaffold for drafts, Hexo\'s built-in one without a site, and quotes odd file names', () => {
    assert.equal(find(complete(index, '|', { path: '/b/source/_drafts/idea.md', kind: 'draft' }), '---').preview, '---\ntitle: idea\ntags:\n---');
    assert.match(find(complete(undefined, '|', { path: '/x/a: b.md' }), '---').preview!, /^---\ntitle: "a: b"\ndate: /);
  });

  it('offers nothing in the body, in fenced code or on a line of text without front matter', () => {
    assert.deepEqual(complete(index, '---\ntitle: x\n---\ntags: [|]\n'), []);
    assert.deepEqual(complete(index, '---\ntitle: x\n---\n```yaml\ntags: [|]\n```\n'), []);
    assert.deepEqual(complete(index, 'Hello|\n'), []);
    assert.deepEqual(complete(index, 'Some text\n|\n---\nmore\n'), []);
    assert.deepEqual(complete(index, '---\ntitle: x\n---|\n'), []);
  });

  it('treats an unclosed `---` as the front matter being written, up to a code fence', () => {
    assert.ok(complete(index, '---\ntitle: x\ntags: [|').length > 0);
    assert.deepEqual(complete(index, '---\ntitle: x\n```\ntags: [|]\n'), []);
  });

  it('has every message it shows translated into Simplified Chinese', () => {
    const bundle = JSON.parse(readFileSync(resolve(__dirname, '..', '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(allCompletionMessages(GENERATORS).filter((message) => !(message in bundle)), []);
  });
});
