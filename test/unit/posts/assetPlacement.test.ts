import * as assert from 'node:assert/strict';
import { placeHexoAsset } from '../../../src/core/generators/hexo/bodyLinks';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { placeHugoAsset } from '../../../src/core/generators/hugo/posts/assets';
import { loadHugoSite } from '../../../src/core/generators/hugo/hugoSite';
import { relativePath } from '../../../src/core/path';
import { safeFileName, unusedFileName } from '../../../src/core/posts/assetPlacement';
import { MemoryFileSystem } from '../support/memoryFileSystem';

describe('where a pasted or dropped file goes, and how the post shows it', () => {
  const hexo = async (config: string) => loadHexoSite(new MemoryFileSystem({ '/b/_config.yml': config }), '/b');

  it('Hexo: the asset folder with asset_img, or ![](name) with marked.postAsset, else a served folder', async () => {
    const post = '/b/source/_posts/my-trip.md';
    const tag = placeHexoAsset(await hexo('post_asset_folder: true\n'), post, '');
    assert.equal(tag.folder, '/b/source/_posts/my-trip');
    assert.equal(tag.reference('my trip.png'), '{% asset_img "my trip.png" %}');
    assert.equal(tag.reference('notes.pdf'), '{% asset_link notes.pdf %}');
    const markdown = placeHexoAsset(await hexo('post_asset_folder: true\nmarked:\n  postAsset: true\n'), post, '');
    assert.equal(markdown.reference('my trip.png'), '![](my%20trip.png)');
    const served = placeHexoAsset(await hexo('title: B\n'), post, '');
    assert.deepEqual([served.folder, served.reference('a.png')], ['/b/source/images', '![](/images/a.png)']);
    const chosen = placeHexoAsset(await hexo('title: B\n'), post, 'source/uploads/2026');
    assert.equal(chosen.reference('a.png'), '![](/uploads/2026/a.png)');
    const unserved = placeHexoAsset(await hexo('title: B\n'), post, 'assets');
    assert.equal(unserved.reference('a.png'), '![](../../assets/a.png)');
  });

  it('Hugo: the page bundle by name, else static/ by the path it is served at', async () => {
    const site = await loadHugoSite(new MemoryFileSystem({ '/h/hugo.toml': 'title = "H"\n' }), '/h');
    const bundle = placeHugoAsset(site, '/h/content/posts/trip/index.md', '');
    assert.deepEqual([bundle.folder, bundle.reference('cat.jpg')], ['/h/content/posts/trip', '![](cat.jpg)']);
    const single = placeHugoAsset(site, '/h/content/posts/trip.md', '');
    assert.deepEqual([single.folder, single.reference('cat.jpg')], ['/h/static/images', '![](/images/cat.jpg)']);
  });

  it('never takes a name that is taken, and makes names safe', () => {
    assert.equal(unusedFileName('a.png', new Set(['a.png', 'a-1.png'])), 'a-2.png');
    assert.equal(unusedFileName('a.png', new Set()), 'a.png');
    assert.equal(safeFileName('a/b:c?.png'), 'a-b-c-.png');
    assert.equal(relativePath('/b/source/_posts', '/b/assets/a.png'), '../../assets/a.png');
  });
});
