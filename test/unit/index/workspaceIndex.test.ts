import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
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
});
