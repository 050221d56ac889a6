import * as assert from 'node:assert/strict';
import { innermostSiteOf, WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { GENERATORS } from '../../../src/core/generators/registry';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const files = {
  '/w/blog/_config.yml': 'title: Blog\nnew_post_name: :title.md\n',
  '/w/blog/package.json': '{"dependencies":{"hexo":"^8.0.0"}}',
  '/w/blog/source/_posts/a.md': '---\ntitle: A\ntags: [Go]\n---\n',
  '/w/notes/_config.yml': 'title: Notes\n',
  '/w/notes/package.json': '{"dependencies":{"hexo":"^8.0.0"}}',
  '/w/notes/source/_posts/b.md': '---\ntitle: B\ntags: [Rust]\n---\n',
  '/w/notes/source/_posts/c.md': '---\ntitle: C\n---\n',
  '/w/jekyll/_config.yml': 'theme: minima\n',
};

/** The editor and the CLI find sites and make their indexes through the same two steps. */
describe('workspace index', () => {
  it('discovers each Hexo site with an empty index, then build fills them one after the other', async () => {
    const fs = new MemoryFileSystem(files);
    const workspace = await WorkspaceIndex.discover(fs, ['/w'], { generators: GENERATORS });
    assert.deepEqual(workspace.sites.map((index) => index.site.root).sort(), ['/w/blog', '/w/notes']);
    assert.deepEqual(workspace.sites.map((index) => index.size), [0, 0], 'nothing read yet');
    const indexed: string[] = [];
    await workspace.build(fs, { onSiteIndexed: (index) => indexed.push(`${index.site.root} ${index.size}`) });
    assert.deepEqual(indexed.sort(), ['/w/blog 1', '/w/notes 2']);
    assert.equal(workspace.siteFor('/w/notes/source/_posts/b.md')?.site.root, '/w/notes');
  });

  it('stops between sites when cancelled, and open does both steps', async () => {
    const fs = new MemoryFileSystem(files);
    const workspace = await WorkspaceIndex.discover(fs, ['/w'], { generators: GENERATORS });
    const cancellation = { isCancellationRequested: false };
    await workspace.build(fs, { cancellation, onSiteIndexed: () => void (cancellation.isCancellationRequested = true) });
    assert.deepEqual(workspace.sites.map((index) => index.size > 0).sort(), [false, true]);
    const opened = await WorkspaceIndex.open(fs, ['/w'], { generators: GENERATORS });
    assert.deepEqual(opened.sites.map((index) => index.size).sort(), [1, 2]);
  });

  it('gives a file to the innermost site, across the sites of several workspace folders', async () => {
    const fs = new MemoryFileSystem({
      ...files,
      '/w/blog/demo/_config.yml': 'title: Demo\n',
      '/w/blog/demo/package.json': '{"dependencies":{"hexo":"^8.0.0"}}',
      '/w/blog/demo/source/_posts/d.md': '---\ntitle: D\n---\n',
    });
    // The editor discovers per workspace folder and asks across all of them (a folder may be inside another).
    const sites = [...(await WorkspaceIndex.discover(fs, ['/w'], { generators: GENERATORS })).sites, ...(await WorkspaceIndex.discover(fs, ['/w/blog/demo'], { generators: GENERATORS })).sites];
    assert.equal(innermostSiteOf(sites, '/w/blog/demo/source/_posts/d.md')?.site.root, '/w/blog/demo');
    assert.equal(innermostSiteOf(sites, '/w/blog/source/_posts/a.md')?.site.root, '/w/blog');
    assert.equal(innermostSiteOf(sites, '/elsewhere/source/_posts/e.md'), undefined);
  });
});
