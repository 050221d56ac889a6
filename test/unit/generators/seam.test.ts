import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { parseFrontMatter, readFrontMatterData, splitFrontMatter } from '../../../src/core/frontMatter';
import type { Generator, PostFileName, Site } from '../../../src/core/generators/generator';
import { GENERATORS } from '../../../src/core/generators/registry';
import { basename, joinPath, relativeInside } from '../../../src/core/path';
import type { PostKind, PostRecord } from '../../../src/core/site/types';
import { MemoryFileSystem } from '../support/memoryFileSystem';

/**
 * A generator made up for the test: sites marked by `notes.json`, posts in `content/`, tags as a
 * list, drafts by `draft: true`. Shared code that works for it knows no generator by name.
 */
const notesGenerator: Generator = {
  kind: 'notes',
  displayName: 'Notes',
  deployCommand: 'notes publish',
  markerFiles: ['notes.json'],
  isSiteFolder: async (_fs, _folder, files) => files.has('notes.json'),
  loadSite: async (_fs, root) => new NotesSite(root),
  frontMatter: { split: splitFrontMatter, parse: parseFrontMatter, readData: readFrontMatterData },
  rules: [],
  loadRules: async () => undefined,
  fields: { list: [], byKey: new Map() },
  // The shared front-matter reader hands over js-yaml's Date for `2026-01-02`; the generator decides what it means.
  readDate: (value) => (value instanceof Date ? new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate())) : undefined),
  tagsOf: (data) => (Array.isArray(data.tags) ? data.tags.map(String) : []),
  categoriesOf: () => [],
  categoriesValue: () => [],
  plansPosts: false,
  renamesTerms: false,
  draftsInPlace: false,
  loadPlanner: () => Promise.reject(new Error('no plans')),
  loadBodySyntax: () => Promise.reject(new Error('no syntax')),
};

class NotesSite implements Site {
  readonly generator = notesGenerator;
  readonly sourceRoot: string;
  readonly config = {
    language: ['en'], timezone: 'UTC', dateFormat: 'YYYY-MM-DD', timeFormat: 'HH:mm', defaultLayout: 'note',
    renderDrafts: false, future: true, postAssetFolder: false, updatedOption: 'empty' as const, smartypants: false,
  };
  readonly configProblems = [];
  readonly scaffolds = new Map<string, string>();

  constructor(readonly root: string) {
    this.sourceRoot = joinPath(root, 'content');
  }

  classify(path: string): PostKind | undefined {
    const relative = relativeInside(this.sourceRoot, path);
    return relative && relative.endsWith('.md') ? 'post' : undefined;
  }

  readPost(path: string, kind: PostKind, text: string): PostRecord {
    const { data } = readFrontMatterData(text);
    return {
      path, kind, title: String(data.title ?? ''), date: this.generator.readDate(data.date, this.config.timezone), layout: 'note',
      tags: this.generator.tagsOf(data), categories: [], keys: Object.keys(data), published: data.draft !== true,
    };
  }

  isListed(record: PostRecord): boolean {
    return record.published;
  }

  postFileName(path: string): PostFileName {
    return { slug: basename(path).replace(/\.md$/, '') };
  }
}

const files = {
  '/w/hexo/_config.yml': 'new_post_name: :title.md\n',
  '/w/hexo/source/_posts/a.md': '---\ntitle: A\ntags: [go]\n---\n',
  '/w/notes/notes.json': '{}',
  '/w/notes/content/one.md': '---\ntitle: One\ndate: 2026-01-02\ntags: [go, rust]\n---\n',
  '/w/notes/content/two.md': '---\ntitle: Two\ntags: [rust]\ndraft: true\n---\n',
  '/w/notes/content/readme.txt': 'not a post',
};

describe('generator seam', () => {
  it('discovers and indexes a second generator\'s site beside Hexo, through the Site interface alone', async () => {
    const fs = new MemoryFileSystem(files);
    const workspace = await WorkspaceIndex.open(fs, ['/w'], { generators: [...GENERATORS, notesGenerator] });
    assert.deepEqual(workspace.sites.map((index) => `${index.site.generator.kind} ${index.site.root}`).sort(), ['hexo /w/hexo', 'notes /w/notes']);
    const notes = workspace.siteFor('/w/notes/content/one.md')!;
    assert.equal(notes.site.generator, notesGenerator);
    assert.deepEqual([...notes.posts()].map((post) => post.path).sort(), ['/w/notes/content/one.md', '/w/notes/content/two.md']);
    assert.equal(notes.post('/w/notes/content/one.md')?.date?.toISOString(), '2026-01-02T00:00:00.000Z');
    // The draft is indexed but not listed, so only the listed post's tags count.
    assert.deepEqual(notes.tagCounts(), [{ name: 'go', count: 1 }, { name: 'rust', count: 1 }]);
    assert.deepEqual(workspace.siteFor('/w/hexo/source/_posts/a.md')?.tagCounts(), [{ name: 'go', count: 1 }]);
  });

  it('finds only the sites of the generators it is given', async () => {
    const workspace = await WorkspaceIndex.open(new MemoryFileSystem(files), ['/w'], { generators: GENERATORS });
    assert.deepEqual(workspace.sites.map((index) => index.site.root), ['/w/hexo']);
  });
});
