import * as assert from 'node:assert/strict';
import type { SiteIndex } from '../../../src/core/index/siteIndex';
import { buildIndex, complete, labels } from './support';

/**
 * Values over several lines: block scalars (`|`, `>`), folded plain scalars and quoted strings. The
 * cursor in one is in text: no key is offered there, and keys come back once the value has ended.
 * (`‸` marks the cursor where the text has YAML's `|`.)
 */
describe('front-matter completion: multi-line scalars', () => {
  let index: SiteIndex;
  before(async () => {
    index = await buildIndex();
  });

  it('offers no key on a blank line inside a block scalar', () => {
    assert.deepEqual(complete(index, '---\nexcerpt: |\n  第一段\n‸\n  第二段\ntitle: x\n---\n'), []);
    assert.deepEqual(complete(index, '---\nexcerpt: >-\n  第一段\n|\n  # 不是注释\n---\n'), []);
    assert.deepEqual(complete(index, '---\nexcerpt: |\n  第一段\n  ‸\n---\n'), []);
  });

  it('offers no value inside a block scalar', () => {
    assert.deepEqual(complete(index, '---\ntags: |\n  副‸\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntags: >\n  - |\n---\n'), []);
  });

  it('offers keys again once the block scalar has ended', () => {
    assert.ok(labels(complete(index, '---\nexcerpt: |\n  第一段\n\n  第二段\n‸\n---\n')).includes('title'));
    assert.ok(labels(complete(index, '---\nexcerpt: >\n  第一段\nda|\n---\n')).includes('date'));
    assert.ok(labels(complete(index, '---\nexcerpt: |\n  第一段\n‸\ntitle: x\n---\n')).includes('date'));
  });

  it('offers no key on a blank line inside a folded plain scalar, nor in a block list', () => {
    assert.deepEqual(complete(index, '---\ntitle: 一个很长的\n|\n  标题\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntags:\n  - 副业\n|\n  - 随笔\n---\n'), []);
    assert.ok(labels(complete(index, '---\ntitle: x\n|\n  # a comment\ndate: 2026-03-02\n---\n')).includes('tags'), 'a comment is not a value');
  });

  it('offers no value under a key whose value is a folded plain scalar', () => {
    assert.deepEqual(complete(index, '---\ntags:\n  副业\n  |\n---\n'), []);
  });

  it('reads a quoted value over several lines as text, even a line that looks like a key', () => {
    assert.deepEqual(complete(index, '---\ntitle: "Hello\nwor|ld: again"\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntitle: \'It\'\'s\n|\n  more\'\n---\n'), []);
    assert.deepEqual(complete(index, '---\ntags: "副|\n  业"\n---\n'), []);
    const after = labels(complete(index, '---\ntitle: "Hello\nauthor: again"\n|\n---\n'));
    assert.ok(after.includes('author'), 'the text line is no key');
    assert.ok(after.includes('date') && !after.includes('title'));
  });

  it('does not let a quote still being typed swallow the keys below', () => {
    assert.ok(labels(complete(index, '---\ntitle: "Hello\nda|\n---\n')).includes('date'));
    const offered = labels(complete(index, '---\ntitle: "Hello\nauthor: "林舟"\n|\n---\n'));
    assert.ok(offered.includes('date') && !offered.includes('author'));
  });
});
