import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../../src/core/index/workspaceIndex';
import { GENERATORS } from '../../../../src/core/generators/registry';
import { readHugoDate } from '../../../../src/core/generators/hugo/dates';
import { hugoTermKey, termKeys } from '../../../../src/core/generators/hugo/terms';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import type { Clock } from '../../../../src/core/ports';

describe('Hugo sites', () => {
  describe('term keys', () => {
    it('groups terms by their lower-cased, urlized key', () => {
      assert.equal(hugoTermKey('Go'), 'go');
      assert.equal(hugoTermKey(' go '), 'go');
      assert.equal(hugoTermKey('A B'), 'a-b');
      assert.equal(hugoTermKey('a, b'), 'a-b');
      assert.equal(hugoTermKey('AI赚钱'), 'ai赚钱');
      assert.deepEqual(termKeys(['Go', 'go', ' go ', 'Rust']), ['go', 'rust']);
      assert.deepEqual(termKeys('a, b'), ['a-b']);
    });
  });

  describe('dates', () => {
    it('reads Hugo\'s layouts in the site zone, and nothing from the ones it zeroes', () => {
      assert.equal(readHugoDate('2022-02-03', 'UTC')?.toISOString(), '2022-02-03T00:00:00.000Z');
      assert.equal(readHugoDate('2022-02-03 10:20:30', 'Asia/Shanghai')?.toISOString(), '2022-02-03T02:20:30.000Z');
      assert.equal(readHugoDate('2022-02-03T10:20:30+02:00', 'UTC')?.toISOString(), '2022-02-03T08:20:30.000Z');
      assert.equal(readHugoDate('2022-02-03T10:20:30', 'UTC')?.toISOString(), '2022-02-03T10:20:30.000Z');
      assert.equal(readHugoDate('2022-01-03 10:00', 'UTC'), undefined);
      assert.equal(readHugoDate('March 3rd', 'UTC'), undefined);
      assert.equal(readHugoDate('2022-02-30', 'UTC'), undefined);
    });
  });

  const files = {
    '/w/hexo/_config.yml': 'new_post_name: :title.md\n',
    '/w/hexo/source/_posts/a.md': '---\ntitle: A\ntags: [go]\n---\n',
    '/w/hugo/hugo.toml': 'baseURL = "https://example.org/"\ntimeZone = "Asia/Shanghai"\n[taxonomies]\ntag = "tags"\ncategory = "categories"\nseries = "series"\n',
    '/w/hugo/content/_index.md': '---\ntitle: Home\n---\n',
    '/w/hugo/content/about.md': '+++\ntitle = "About"\n+++\n',
    '/w/hugo/content/posts/one.md': '+++\ntitle = "One"\ndate = 2026-01-02\ntags = ["Go", "go", "Rust"]\nseries = "Intro"\ncategories = ["Tech"]\n+++\n',
    '/w/hugo/content/posts/two.md': '---\nTitle: Two\nTAGS: [rust]\ndraft: yes\n---\n',
    '/w/hugo/content/posts/three/index.md': '{"title": "Three", "tags": ["go"], "publishDate": "2099-01-01"}\n',
    '/w/hugo/content/posts/four.md': '---\ntitle: Four\ntags: [old]\nexpiryDate: 2020-01-01\n---\n',
    '/w/hugo/content/posts/broken.md': '+++\ntitle = \n+++\n',
  };
  const clock: Clock = { now: () => new Date('2026-06-01T00:00:00Z') };

  it('are found beside Hexo sites, each read by its own generator', async () => {
    const workspace = await WorkspaceIndex.open(new MemoryFileSystem(files), ['/w'], { generators: GENERATORS, clock });
    assert.deepEqual(workspace.sites.map((index) => `${index.site.generator.kind} ${index.site.root}`).sort(), ['hexo /w/hexo', 'hugo /w/hugo']);
    const hugo = workspace.siteFor('/w/hugo/content/posts/one.md')!;
    assert.equal(hugo.site.classify('/w/hugo/content/posts/one.md'), 'post');
    assert.equal(hugo.site.classify('/w/hugo/content/about.md'), 'page');
    assert.equal(hugo.site.classify('/w/hugo/content/_index.md'), 'page');
    const one = hugo.post('/w/hugo/content/posts/one.md')!;
    // A date-only value is midnight in the site's zone.
    assert.equal(one.date?.toISOString(), '2026-01-01T16:00:00.000Z');
    assert.deepEqual(one.terms, { tags: ['go', 'rust'], categories: ['tech'], series: ['intro'] });
    const two = hugo.post('/w/hugo/content/posts/two.md')!;
    assert.equal(two.title, 'Two', 'keys are case-insensitive');
    assert.equal(two.published, false, 'draft: yes is a draft');
    assert.ok(hugo.post('/w/hugo/content/posts/broken.md')?.error);
  });

  it('count terms only for pages the default build renders (no drafts, future or expired pages)', async () => {
    const workspace = await WorkspaceIndex.open(new MemoryFileSystem(files), ['/w'], { generators: GENERATORS, clock });
    const hugo = workspace.siteFor('/w/hugo/content/posts/one.md')!;
    assert.deepEqual(hugo.tagCounts(), [{ name: 'go', count: 1 }, { name: 'rust', count: 1 }]);
    assert.deepEqual(hugo.termCounts('series'), [{ name: 'intro', count: 1 }]);
    assert.deepEqual(hugo.categoryCounts(), [{ path: ['tech'], count: 1 }]);
  });

  it('read the configuration from config/_default/, with contentDir and a taxonomies file', async () => {
    const fs = new MemoryFileSystem({
      '/s/config/_default/hugo.yaml': 'contentDir: writing\n',
      '/s/config/_default/taxonomies.yaml': 'tag: tags\ntopic: topics\n',
      '/s/writing/notes/a.md': '---\ntitle: A\ntopics: [Maths]\n---\n',
    });
    const workspace = await WorkspaceIndex.open(fs, ['/s'], { generators: GENERATORS, clock });
    const site = workspace.sites[0];
    assert.equal(site.site.generator.kind, 'hugo');
    assert.deepEqual(site.site.taxonomies, ['tags', 'topics']);
    assert.deepEqual(site.termCounts('topics'), [{ name: 'maths', count: 1 }]);
  });
});
