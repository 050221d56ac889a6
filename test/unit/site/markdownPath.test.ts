import * as assert from 'node:assert/strict';
import { isMarkdownPath, MARKDOWN_EXTENSIONS } from '../../../src/core/site/markdownFiles';

/** One list of the extensions Hexo renders as Markdown serves the watchers, the preview's links and the link rule. */
describe('Markdown paths', () => {
  it('knows every extension of the list, whatever its case', () => {
    for (const extension of MARKDOWN_EXTENSIONS) {
      assert.ok(isMarkdownPath(`/b/source/_posts/a${extension}`), extension);
      assert.ok(isMarkdownPath(`../a${extension.toUpperCase()}`), extension.toUpperCase());
    }
  });

  it('is not fooled by a dot in a folder name or a near extension', () => {
    assert.equal(isMarkdownPath('/b/notes.md/readme'), false);
    assert.equal(isMarkdownPath('/b/a.mdown'), false, 'hexo-renderer-marked does not register .mdown');
    assert.equal(isMarkdownPath('/b/a.html'), false);
    assert.equal(isMarkdownPath('md'), false);
  });
});
