import * as assert from 'node:assert/strict';
import { completeJekyllBody, jekyllBodyWantsFiles } from '../../../../src/core/generators/jekyll/bodyCompletion';
import { loadJekyllSite } from '../../../../src/core/generators/jekyll/jekyllSite';
import { SiteIndex } from '../../../../src/core/index/siteIndex';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const FILES = {
  '/j/_config.yml': 'title: J\nplugins: [jekyll-gist]\n',
  '/j/_plugins/tags.rb': 'class Note < Liquid::Block; end\nclass Stamp < Liquid::Tag; end\nLiquid::Template.register_tag("note", Note)\nLiquid::Template.register_tag(\'stamp\', Stamp)\n',
  '/j/_posts/2024-01-01-first.md': '---\ntitle: 第一篇\ntags: [a]\n---\n',
  '/j/_posts/sub/2024-01-02-nested.md': '---\ntitle: Nested\n---\n',
  '/j/news/_posts/2024-01-03-news.md': '---\ntitle: News\n---\n',
  '/j/_posts/2024-01-04-hidden.md': '---\ntitle: Hidden\npublished: false\n---\n',
  '/j/_includes/note.html': '<aside>{{ include.text }}</aside>',
  '/j/about.md': '---\ntitle: About\n---\n',
};
const PATH = '/j/_posts/2024-02-01-new.md';

describe('body completion on Jekyll sites', () => {
  let index: SiteIndex;
  before(async () => {
    const fs = new MemoryFileSystem(FILES);
    index = await SiteIndex.build(await loadJekyllSite(fs, '/j'), fs);
  });
  const at = (text: string, siteFiles?: string[]) => completeJekyllBody(text, text.length, index, { path: PATH, ...(siteFiles ? { siteFiles: new Set(siteFiles) } : {}) });

  it('offers Liquid\'s and Jekyll\'s tags, the site plugins\' and the listed gems\', blocks with their end tag', () => {
    const items = at('Text {% ');
    const labels = items.map((item) => item.label);
    for (const name of ['highlight', 'raw', 'post_url', 'link', 'include', 'if', 'for', 'note', 'stamp', 'gist']) assert.ok(labels.includes(name), name);
    assert.equal(items.find((item) => item.label === 'highlight')!.insertText, 'highlight $1 %}\n$0\n{% endhighlight %}');
    assert.equal(items.find((item) => item.label === 'note')!.insertText, 'note $1 %}\n$0\n{% endnote %}');
    assert.equal(items.find((item) => item.label === 'stamp')!.insertText, 'stamp $1 %}$0');
  });

  it('offers the posts post_url finds by the names it matches, leaving out those the build does not keep', () => {
    const items = at('{% post_url ');
    assert.deepEqual(items.map((item) => item.label), ['news/2024-01-03-news', 'sub/2024-01-02-nested', '2024-01-01-first']);
    assert.match(items[2].filterText, /diyipian/, 'found by the title\'s pinyin');
  });

  it('offers includes and linkable files from the site\'s files (no post the build leaves out)', () => {
    assert.ok(jekyllBodyWantsFiles('{% include ', '{% include '.length));
    assert.ok(!jekyllBodyWantsFiles('{% post_url ', '{% post_url '.length));
    const files = Object.keys(FILES).concat(['/j/assets/a.png', '/j/.git/HEAD', '/j/_site/index.html']);
    assert.deepEqual(at('{% include ', files).map((item) => item.label), ['note.html']);
    assert.deepEqual(at('{% link ', files).map((item) => item.label), ['_posts/2024-01-01-first.md', '_posts/sub/2024-01-02-nested.md', 'about.md', 'assets/a.png', 'news/_posts/2024-01-03-news.md']);
  });
});
