import * as assert from 'node:assert/strict';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { siteVocabulary } from '../../../src/core/rules/siteVocabulary';
import { draftOnlyTagVocabulary } from '../../../src/core/completion/vocabulary';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const post = (frontMatter: string, body = '正文\n') => `---\n${frontMatter}\n---\n${body}`;

describe('site vocabulary cache', () => {
  it('is reused while a post\'s body is typed, and rebuilt when its tags change', async () => {
    const fs = new MemoryFileSystem({
      '/b/_config.yml': 'title: B\n',
      '/b/source/_posts/a.md': post('title: A\ntags: [x]'),
      '/b/source/_drafts/d.md': post('title: D\ntags: [draft-tag]'),
    });
    const index = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
    const counted = (record: Parameters<SiteIndex['isCounted']>[0]) => index.isCounted(record);
    const vocabulary = siteVocabulary(index);
    const draftTags = draftOnlyTagVocabulary(index, counted);
    index.update('/b/source/_posts/a.md', post('title: A\ntags: [x]', '正文，继续写\n'));
    assert.equal(siteVocabulary(index), vocabulary);
    assert.equal(draftOnlyTagVocabulary(index, counted), draftTags);

    index.update('/b/source/_posts/a.md', post('title: A\ntags: [x, y]'));
    index.update('/b/source/_drafts/d.md', post('title: D\ntags: [draft-tag, 新草稿标签]'));
    assert.deepEqual(Object.fromEntries(siteVocabulary(index).tags), { x: 1, y: 1, 'draft-tag': 1, '新草稿标签': 1 });
    assert.deepEqual(draftOnlyTagVocabulary(index, counted).map((tag) => tag.name), ['draft-tag', '新草稿标签']);
  });
});
