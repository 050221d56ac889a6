import * as assert from 'node:assert/strict';
import { formatMessage } from '../../../../src/core/completion';
import { completeHexoBody } from '../../../../src/core/generators/hexo/bodyCompletion';
import { hexoBodyLinks, hexoRenamedAssetEdits, hexoRenamedPostEdits } from '../../../../src/core/generators/hexo/bodyLinks';
import { applyTextEdits } from '../../../../src/core/edits';
import { checkPost, DEFAULT_SETTINGS } from '../../../../src/core/rules';
import { loadHexoSite } from '../../../../src/core/generators/hexo/hexoSite';
import { SiteIndex } from '../../../../src/core/index/siteIndex';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const SITE = {
  '/b/_config.yml': 'title: B\nnew_post_name: :title.md\n',
  '/b/source/_posts/hello-world.md': '---\ntitle: 你好世界\ndate: 2024-01-02 10:00:00\ntags: [副业]\n---\n',
  '/b/source/_posts/older post.md': '---\ntitle: Older\ndate: 2023-01-02 10:00:00\n---\n',
  '/b/source/_drafts/secret.md': '---\ntitle: Secret\n---\n',
  '/b/source/about/index.md': '---\ntitle: About\n---\n',
};

describe('completion in a Hexo post body', () => {
  let index: SiteIndex;
  before(async () => {
    const fs = new MemoryFileSystem(SITE);
    index = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
  });
  const at = (textWithCursor: string) => {
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.replace('|', '');
    // In the editor's order: by sort text.
    return { text, items: completeHexoBody(text, offset, index).sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)) };
  };
  const accept = (textWithCursor: string, label: string) => {
    const { text, items } = at(textWithCursor);
    const item = items.find((candidate) => candidate.label === label);
    assert.ok(item, `${label} offered among ${items.map((candidate) => candidate.label).join(', ')}`);
    const lines = text.split('\n');
    const toOffset = (position: { line: number; character: number }) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
    return text.slice(0, toOffset(item.range.start)) + item.insertText + text.slice(toOffset(item.range.end));
  };

  it('offers the posts post_link finds, newest first, by title with the slug beside, matched by pinyin too', () => {
    const { items } = at('Read {% post_link |');
    assert.deepEqual(items.map((item) => [item.label, item.labelDescription, item.insertText]), [['你好世界', 'hello-world', 'hello-world'], ['Older', 'older post', '"older post"']]);
    assert.equal(formatMessage(items[0].detail!), 'Dated 2024-01-02; tags: 副业');
    assert.match(items[0].filterText, /nihaoshijie/);
    // A slug with a space is one argument only in quotes; a typed partial is replaced.
    assert.equal(accept('{% post_link old| %}', 'Older'), '{% post_link "older post" %}');
    assert.deepEqual(at('{% post_path |').items.map((item) => item.insertText), ['hello-world', '"older post"']);
  });

  it('offers nothing in a later argument, outside a tag, or after a closed one', () => {
    assert.deepEqual(at('{% post_link hello-world |').items, []);
    assert.deepEqual(at('post_link |').items, []);
    assert.deepEqual(at('{% post_link x %} |').items, []);
    assert.deepEqual(at('{% asset_img |').items, []);
  });

  it('offers the tag plugins after {%, with the end tag for those that take a body', () => {
    assert.ok(at('{% |').items.some((item) => item.label === 'post_link'));
    assert.equal(accept('{% blockq|', 'blockquote').replace(/\$\d/g, ''), '{% blockquote  %}\n\n{% endblockquote %}');
    assert.equal(accept('{%|', 'raw').replace(/\$\d/g, ''), '{% raw  %}\n\n{% endraw %}');
    assert.equal(accept('{% post_l| hello-world %}', 'post_link'), '{% post_link hello-world %}');
  });
});

describe('links in a Hexo post body', () => {
  let index: SiteIndex;
  before(async () => {
    const fs = new MemoryFileSystem({ ...SITE, '/b/_config.yml': 'title: B\npost_asset_folder: true\n' });
    index = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
  });

  it('points post_link and post_path at the post Hexo finds, by slug then title, outside code', () => {
    const text = '---\ntitle: x\n---\n{% post_link hello-world %} and {% post_path 你好世界 %} and {% post_link nothing %}\n\n```\n{% post_link hello-world %}\n```\n';
    const links = hexoBodyLinks(text, '/b/source/_posts/x.md', index);
    assert.deepEqual(links.map((link) => [link.range.start.line, link.range.start.character, link.range.end.character, link.target]), [
      [3, 13, 24, '/b/source/_posts/hello-world.md'],
      [3, 45, 49, '/b/source/_posts/hello-world.md'],
    ]);
    assert.equal(links[0].post?.title, '你好世界');
  });

  it('offers each argument of asset_img as a candidate in the post\'s asset folder', () => {
    const links = hexoBodyLinks('{% asset_img left cat.png A cat %}\n{% asset_link doc.pdf %}\n', '/b/source/_posts/x.md', index);
    assert.deepEqual(links.map((link) => [link.target, link.ifExists]), [
      ['/b/source/_posts/x/left', true], ['/b/source/_posts/x/cat.png', true], ['/b/source/_posts/x/A', true], ['/b/source/_posts/x/cat', true],
      ['/b/source/_posts/x/doc.pdf', true],
    ]);
  });
});

describe('links kept when a Hexo post is renamed', () => {
  it('renames post_link/post_path arguments that name the old slug, outside code, quoting a slug with a space', async () => {
    const fs = new MemoryFileSystem(SITE);
    const site = await loadHexoSite(fs, '/b');
    const text = '---\ntitle: x\n---\n{% post_link hello-world %} {% post_path hello-world %} {% post_link 你好世界 %}\n`{% post_link hello-world %}`\n';
    const edits = hexoRenamedPostEdits(text, '/b/source/_posts/hello-world.md', '/b/source/_posts/hi there.md', site);
    assert.equal(applyTextEdits(text, edits), '---\ntitle: x\n---\n{% post_link "hi there" %} {% post_path "hi there" %} {% post_link 你好世界 %}\n`{% post_link hello-world %}`\n');
    assert.deepEqual(hexoRenamedPostEdits(text, '/b/source/_posts/other.md', '/b/source/_posts/new.md', site), []);
  });
});

describe('file completion in a Hexo post body', () => {
  const files = new Set([
    '/b/source/_posts/x/cat.png', '/b/source/_posts/x/notes.txt', '/b/source/_posts/x/my dog.jpg',
    '/b/source/images/logo.svg', '/b/source/about/index.md', '/b/source/_data/menu.yml', '/b/source/_posts/other.md',
  ]);
  const labelsAt = async (config: string, textWithCursor: string) => {
    const fs = new MemoryFileSystem({ ...SITE, '/b/_config.yml': config });
    const index = await SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.replace('|', '');
    return completeHexoBody(text, offset, index, { path: '/b/source/_posts/x.md', siteFiles: files }).map((item) => [item.label, item.insertText]);
  };

  it('offers the asset folder\'s files in asset tags, images first for asset_img', async () => {
    assert.deepEqual(await labelsAt('post_asset_folder: true\n', '{% asset_img |'), [['cat.png', 'cat.png'], ['my dog.jpg', '"my dog.jpg"'], ['notes.txt', 'notes.txt']]);
    assert.deepEqual((await labelsAt('post_asset_folder: true\n', '{% asset_link n|')).map(([label]) => label), ['cat.png', 'my dog.jpg', 'notes.txt']);
    assert.deepEqual(await labelsAt('post_asset_folder: false\n', '{% asset_img |'), []);
  });

  it('offers what a Markdown image may point at: own assets with postAsset, then served files by their path', async () => {
    assert.deepEqual(await labelsAt('post_asset_folder: true\nmarked:\n  postAsset: true\n', '![a cat](|'), [['cat.png', 'cat.png'], ['my dog.jpg', 'my%20dog.jpg'], ['/images/logo.svg', '/images/logo.svg']]);
    assert.deepEqual(await labelsAt('post_asset_folder: true\n', 'see [about](/ab|'), [['/about/index.md', '/about/index.md'], ['/images/logo.svg', '/images/logo.svg']]);
  });
});

describe('tag plugins a Hexo site\'s scripts register', () => {
  it('are read from scripts/ and the theme\'s scripts/, offered after {%, and known to PC508', async () => {
    const fs = new MemoryFileSystem({
      ...SITE,
      '/b/_config.yml': 'title: B\ntheme: next\n',
      '/b/scripts/tags.js': "hexo.extend.tag.register('callout', (args, content) => content, { ends: true });\nhexo.extend.tag.register(\"badge\", (args) => args[0]);\n",
      '/b/themes/next/scripts/tags/note.js': "hexo.extend.tag.register('note', postNote, true);\n",
      '/b/themes/other/scripts/x.js': "hexo.extend.tag.register('unused', f);\n",
    });
    const site = await loadHexoSite(fs, '/b');
    assert.deepEqual([...site.registeredTags], [['callout', true], ['badge', false], ['note', true]]);
    const index = await SiteIndex.build(site, fs);
    const items = completeHexoBody('{% ', 3, index);
    assert.equal(items.find((item) => item.label === 'callout')?.insertText, 'callout $1 %}\n$0\n{% endcallout %}');
    assert.equal(items.find((item) => item.label === 'badge')?.insertText, 'badge $1 %}$0');
    assert.ok(!items.some((item) => item.label === 'unused'));
    await index.site.generator.loadRules?.();
    const diagnostics = checkPost('---\ntitle: x\n---\n{% badge hi %} {% mystery %}\n', { path: '/b/source/_posts/x.md', kind: 'post', site: index.site, index, now: new Date(), settings: DEFAULT_SETTINGS });
    assert.deepEqual(diagnostics.filter((d) => d.code === 'PC508').map((d) => d.range.start.character), [15]);
  });
});

describe('tag plugins installed from npm', () => {
  it('are read from the hexo-* dependencies found in node_modules', async () => {
    const fs = new MemoryFileSystem({
      ...SITE,
      '/b/package.json': JSON.stringify({ dependencies: { hexo: '^8.0.0', 'hexo-tag-embed': '^1.0.0', 'hexo-missing': '^1.0.0', lodash: '^4' } }),
      '/b/node_modules/hexo-tag-embed/lib/tags.js': "hexo.extend.tag.register('youtube', youtube);\n",
      '/b/node_modules/lodash/x.js': "hexo.extend.tag.register('nope', f);\n",
    });
    const site = await loadHexoSite(fs, '/b');
    assert.deepEqual([...site.registeredTags], [['youtube', false]]);
  });
});

describe('references kept when a file in a Hexo post\'s asset folder is renamed', () => {
  it('renames asset tag arguments, and Markdown targets where marked.postAsset resolves them', async () => {
    const fs = new MemoryFileSystem({ ...SITE, '/b/_config.yml': 'post_asset_folder: true\nmarked:\n  postAsset: true\n' });
    const site = await loadHexoSite(fs, '/b');
    const text = '---\ntitle: x\n---\n{% asset_img left cat.png A cat %}\n![a cat](cat.png) ![other](dog.png)\n```\n{% asset_img cat.png %}\n```\n';
    const edits = hexoRenamedAssetEdits(text, '/b/source/_posts/x.md', '/b/source/_posts/x/cat.png', '/b/source/_posts/x/my cat.png', site);
    assert.equal(applyTextEdits(text, edits), '---\ntitle: x\n---\n{% asset_img left "my cat.png" A cat %}\n![a cat](my%20cat.png) ![other](dog.png)\n```\n{% asset_img cat.png %}\n```\n');
    assert.deepEqual(hexoRenamedAssetEdits(text, '/b/source/_posts/x.md', '/b/source/_posts/x/cat.png', '/b/source/images/cat.png', site), [], 'moved out of the folder: nothing Hexo would find');
  });
});
