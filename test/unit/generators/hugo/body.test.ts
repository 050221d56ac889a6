import * as assert from 'node:assert/strict';
import { completeHugoBody, hugoBodyLinks } from '../../../../src/core/generators/hugo/bodyCompletion';
import { loadHugoSite } from '../../../../src/core/generators/hugo/hugoSite';
import { SiteIndex } from '../../../../src/core/index/siteIndex';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const SITE = {
  '/h/hugo.toml': 'title = "H"\n',
  '/h/content/posts/go.md': '---\ntitle: Go 笔记\ndate: 2024-05-01\ntags: [go]\n---\n',
  '/h/content/posts/trip/index.md': '---\ntitle: Trip\ndate: 2024-06-01\n---\n',
  '/h/layouts/shortcodes/notice.html': '<div>{{ .Inner }}</div>',
  '/h/layouts/shortcodes/badge.html': '<span>{{ .Get 0 }}</span>',
};

describe('completion and links in a Hugo page body', () => {
  let index: SiteIndex;
  before(async () => {
    const fs = new MemoryFileSystem(SITE);
    index = await SiteIndex.build(await loadHugoSite(fs, '/h'), fs);
  });
  const at = (textWithCursor: string) => completeHugoBody(textWithCursor.replace('|', ''), textWithCursor.indexOf('|'), index);

  it('offers the site\'s pages in ref and relref, newest first, a bundle by its folder', () => {
    const items = at('See {{< ref |');
    assert.deepEqual(items.map((item) => [item.labelDescription, item.insertText]), [['/posts/trip', '"/posts/trip"'], ['/posts/go.md', '"/posts/go.md"']]);
    assert.deepEqual(items.map((item) => item.label), ['Trip', 'Go 笔记'], 'labelled by title');
    assert.match(items[1].filterText, /bijì|biji/);
    assert.deepEqual(at('{{% relref "/po|').map((item) => item.labelDescription), ['/posts/trip', '/posts/go.md']);
    assert.deepEqual(at('{{< ref "/posts/go.md" |'), []);
  });

  it('offers Hugo\'s shortcodes and the site\'s, closing those that use their inner content', () => {
    const items = at('{{< |');
    const byName = new Map(items.map((item) => [item.label, item.insertText]));
    assert.equal(byName.get('notice'), 'notice $1 >}}\n$0\n{{< /notice >}}');
    assert.equal(byName.get('badge'), 'badge $1 >}}$0');
    assert.ok(byName.has('figure') && byName.has('highlight'));
    assert.equal(new Map(at('{{%|').map((item) => [item.label, item.insertText])).get('highlight'), ' highlight $1 %}}\n$0\n{{% /highlight %}}');
  });

  it('links ref targets to the page Hugo finds', () => {
    const text = '---\ntitle: x\n---\n{{< ref "/posts/trip" >}} {{< relref "go" >}} {{< ref "nothing" >}}\n';
    const links = hugoBodyLinks(text, '/h/content/posts/new.md', index);
    assert.deepEqual(links.map((link) => [link.target, text.slice(link.range.startOffset, link.range.endOffset)]), [
      ['/h/content/posts/trip/index.md', '/posts/trip'], ['/h/content/posts/go.md', 'go'],
    ]);
  });
});
