import * as assert from 'node:assert/strict';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { loadHugoSite } from '../../../src/core/generators/hugo/hugoSite';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { carriesTerm, termAt } from '../../../src/core/site/termAt';
import { MemoryFileSystem } from '../support/memoryFileSystem';

describe('the term under the cursor in front matter, and the posts filed under it', () => {
  const at = (textWithCursor: string) => ({ text: textWithCursor.replace('|', ''), offset: textWithCursor.indexOf('|') });

  it('reads Hexo tags, the tag alias and nested categories', async () => {
    const fs = new MemoryFileSystem({
      '/b/_config.yml': 'title: B\n', '/b/source/_posts/a.md': '---\ntags: [Go, Web]\ncategories: [[技术, 后端]]\n---\n', '/b/source/_posts/b.md': '---\ntag: Go\n---\n',
    });
    const index = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
    const flow = at('---\ntags: [Go, W|eb]\n---\n');
    assert.deepEqual(termAt(flow.text, flow.offset, index.site), { taxonomy: 'tags', term: 'Web' });
    const alias = at('---\ntag: G|o\n---\n');
    const go = termAt(alias.text, alias.offset, index.site)!;
    assert.deepEqual(go, { taxonomy: 'tags', term: 'Go' });
    assert.deepEqual([...index.posts()].filter((record) => carriesTerm(record, go, index.site)).map((record) => record.path).sort(), ['/b/source/_posts/a.md', '/b/source/_posts/b.md']);
    const nested = at('---\ncategories: [[技术, 后|端]]\n---\n');
    assert.deepEqual(termAt(nested.text, nested.offset, index.site), { taxonomy: 'categories', term: '后端' });
    const key = at('---\nti|tle: x\n---\n');
    assert.equal(termAt(key.text, key.offset, index.site), undefined);
  });

  it('reads Hugo taxonomies in TOML, keys in any case, and files terms by Hugo\'s key', async () => {
    const fs = new MemoryFileSystem({
      '/h/hugo.toml': '[taxonomies]\ntag = "tags"\nseries = "series"\n', '/h/content/posts/a.md': '+++\nSeries = ["Go Notes"]\n+++\n', '/h/content/posts/b.md': '---\nseries: [go notes]\n---\n',
    });
    const index = await SiteIndex.build(await loadHugoSite(fs, '/h'), fs);
    const toml = at('+++\nSeries = ["Go No|tes"]\n+++\n');
    const term = termAt(toml.text, toml.offset, index.site)!;
    assert.deepEqual(term, { taxonomy: 'series', term: 'Go Notes' });
    assert.equal([...index.posts()].filter((record) => carriesTerm(record, term, index.site)).length, 2);
  });
});
