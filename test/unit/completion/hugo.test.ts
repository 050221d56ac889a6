import * as assert from 'node:assert/strict';
import { formatMessage } from '../../../src/core/completion';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { loadHugoSite } from '../../../src/core/generators/hugo/hugoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { accept, complete, find, labels } from './support';

const SITE = {
  '/h/hugo.toml': 'baseURL = "https://example.org/"\ntimeZone = "Asia/Shanghai"\n[taxonomies]\ntag = "tags"\ncategory = "categories"\nseries = "series"\n',
  '/h/content/posts/a.md': '+++\ntitle = "A"\ntags = ["副业", "Go"]\nseries = ["入门"]\ncategories = ["技术"]\nauthor = "林舟"\n+++\n',
  '/h/content/posts/b.md': '---\nTitle: B\nTAGS: [副业, rust]\nseries: 入门\n---\n',
  '/h/content/posts/c.json.md': '{"title": "C", "tags": ["副业"], "author": "林舟"}\n',
  '/h/archetypes/posts.md': "+++\ntitle = '{{ .Name }}'\ndate = {{ .Date }}\ncover = ''\ntoc = true\n+++\n",
};
const PATH = '/h/content/posts/new.md';

async function hugoIndex(): Promise<SiteIndex> {
  const fs = new MemoryFileSystem(SITE);
  return SiteIndex.build(await loadHugoSite(fs, '/h'), fs);
}

describe('front-matter completion on Hugo sites', () => {
  let index: SiteIndex;
  before(async () => {
    index = await hugoIndex();
  });
  const at = (text: string) => complete(index, text, { path: PATH });

  it('offers the terms of every configured taxonomy by use, in TOML arrays', () => {
    assert.deepEqual(labels(at('+++\ntitle = "x"\ntags = [|]\n+++\n')), ['副业', 'Go', 'rust']);
    assert.deepEqual(labels(at('+++\nseries = ["|"]\n+++\n')), ['入门']);
    assert.deepEqual(labels(at('+++\ncategories = [\n  "技术",\n  |\n]\n+++\n')), []);
    assert.equal(accept(index, '+++\ntags = ["go", |]\n+++\n', '副业', { path: PATH }), '+++\ntags = ["go", "副业"]\n+++\n');
    assert.equal(accept(index, '+++\ntags = [|\ntitle = "x"\n+++\n', 'rust', { path: PATH }), '+++\ntags = ["rust"\ntitle = "x"\n+++\n');
    // Pinyin finds CJK terms.
    assert.match(find(at('+++\ntags = [|]\n+++\n'), '副业').filterText, /fuye/);
  });

  it('offers terms in YAML and JSON front matter too, keys read case-insensitively', () => {
    assert.deepEqual(labels(at('---\nSeries: [|]\n---\n')), ['入门']);
    assert.deepEqual(labels(at('---\ntags: [副业, |]\n---\n')), ['Go', 'rust']);
    assert.deepEqual(labels(at('{\n  "title": "x",\n  "tags": [|]\n}\n')).slice(0, 1), ['副业']);
  });

  it('offers Hugo\'s keys in TOML, written `key = value`, without those present in any case', () => {
    const items = at('+++\nTitle = "x"\n|\n+++\n');
    const keys = labels(items);
    assert.ok(!keys.includes('title'), 'Title is written');
    assert.ok(keys.includes('draft') && keys.includes('publishDate') && keys.includes('author'));
    assert.equal(formatMessage(find(items, 'draft').detail!), 'A draft is built only with --buildDrafts.');
    assert.equal(accept(index, '+++\ndr|\n+++\n', 'draft', { path: PATH }), '+++\ndraft = true\n+++\n');
    assert.equal(accept(index, '+++\nde|\n+++\n', 'description', { path: PATH }), '+++\ndescription = ""\n+++\n');
    assert.equal(accept(index, '+++\nta|\n+++\n', 'tags', { path: PATH }), '+++\ntags = []\n+++\n');
    assert.equal(accept(index, '+++\nse|\n+++\n', 'series', { path: PATH }), '+++\nseries = []\n+++\n', 'a custom taxonomy is a list');
    assert.deepEqual(labels(at('+++\ntitle = "x"\n[params]\n|\n+++\n')), [], 'nothing below a table header');
    // Keys the archetypes write are offered before any post uses them.
    assert.ok(keys.includes('cover') && keys.includes('toc'), `archetype keys among ${keys.join(', ')}`);
  });

  it('writes dates as hugo new does (RFC 3339 in the site zone), bare in TOML', () => {
    assert.equal(accept(index, '+++\ndate = |\n+++\n', '2026-03-02T17:32:05+08:00', { path: PATH }), '+++\ndate = 2026-03-02T17:32:05+08:00\n+++\n');
    assert.deepEqual(labels(at('+++\ndraft = |\n+++\n')), ['true', 'false']);
    assert.deepEqual(labels(at('---\ndraft: |\n---\n')), ['true', 'false']);
  });
});
