import * as assert from 'node:assert/strict';
import { discoverSites } from '../../../src/core/site/discover';
import { GENERATORS } from '../../../src/core/generators/registry';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { parsePostFileName, fileNameDateParts } from '../../../src/core/generators/hexo/postFileName';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const HEXO_CONFIG = 'title: Blog\nnew_post_name: :title.md\n';

describe('site discovery', () => {
  it('finds several blogs side by side and one inside a larger repo, but not a Jekyll site or a theme', async () => {
    const fs = new MemoryFileSystem({
      '/ws/a/_config.yml': HEXO_CONFIG,
      '/ws/b/package.json': JSON.stringify({ dependencies: { hexo: '^8.1.2' } }),
      '/ws/repo/docs/blog/_config.yml': HEXO_CONFIG,
      '/ws/jekyll/_config.yml': 'theme: minima\npermalink: pretty\n',
      '/ws/a/themes/landscape/_config.yml': HEXO_CONFIG,
      '/ws/node_modules/x/_config.yml': HEXO_CONFIG,
    });
    const roots = (await discoverSites(fs, ['/ws'], { generators: GENERATORS })).map((site) => site.root).sort();
    assert.deepEqual(roots, ['/ws/a', '/ws/b', '/ws/repo/docs/blog']);
  });

  it('finds sites across the folders of a multi-root workspace', async () => {
    const fs = new MemoryFileSystem({ '/one/_config.yml': HEXO_CONFIG, '/two/_config.yml': HEXO_CONFIG });
    assert.equal((await discoverSites(fs, ['/one', '/two'], { generators: GENERATORS })).length, 2);
  });

  it('reports a missing _config.yml for a site found by its package.json, and applies the defaults', async () => {
    const fs = new MemoryFileSystem({ '/b/package.json': JSON.stringify({ devDependencies: { hexo: '*' } }), '/b/scaffolds/post.md': '---\ntitle: {{ title }}\n---\n' });
    const site = await loadHexoSite(fs, '/b');
    assert.match(site.configProblems[0].message, /No _config\.yml/);
    assert.equal(site.config.sourceDir, 'source');
    assert.equal(site.scaffolds.get('post'), '---\ntitle: {{ title }}\n---\n');
  });
});

describe('which files are posts', () => {
  it('classifies posts, drafts and pages the way Hexo does', async () => {
    const site = await loadHexoSite(new MemoryFileSystem({ '/b/_config.yml': HEXO_CONFIG }), '/b');
    assert.equal(site.classify('/b/source/_posts/hello.md'), 'post');
    assert.equal(site.classify('/b/source/_posts/2024/nested.markdown'), 'post');
    assert.equal(site.classify('/b/source/_drafts/idea.md'), 'draft');
    assert.equal(site.classify('/b/source/about/index.md'), 'page');
    assert.equal(site.classify('/b/source/_posts/_hidden.md'), undefined, 'hidden names are skipped');
    assert.equal(site.classify('/b/source/_posts/backup.md~'), undefined, 'temp files are skipped');
    assert.equal(site.classify('/b/source/_data/menu.md'), undefined, 'other underscore folders are not pages');
    assert.equal(site.classify('/b/source/_posts/photo.png'), undefined);
    assert.equal(site.classify('/b/README.md'), undefined, 'outside source/');
  });

  it('with post asset folders, renders only new_post_name’s extension in _posts', async () => {
    const site = await loadHexoSite(new MemoryFileSystem({ '/b/_config.yml': 'post_asset_folder: true\n' }), '/b');
    assert.equal(site.classify('/b/source/_posts/a.md'), 'post');
    assert.equal(site.classify('/b/source/_posts/a/notes.markdown'), undefined);
  });
});

describe('dates and titles from file names (new_post_name)', () => {
  it('reads year, month, day and title from :year-:month-:day-:title.md', () => {
    const fields = parsePostFileName(':year-:month-:day-:title.md', '2026-03-02-ai-side-project.md');
    assert.equal(fields.title, 'ai-side-project');
    assert.deepEqual(fileNameDateParts(fields), { year: 2026, month: 3, day: 2 });
  });
  it('falls back to the whole name when the rule does not match', () => {
    const fields = parsePostFileName(':year-:month-:day-:title.md', '随笔.md');
    assert.equal(fields.title, '随笔');
    assert.equal(fileNameDateParts(fields), undefined);
  });
});
