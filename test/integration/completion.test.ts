import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Settings } from '../../src/vscode/constants';
import { activatePostcraft, typeInto } from './support';

/**
 * Front-matter completion in the real editor, on a fresh copy of examples/hexo-blog, through
 * `vscode.executeCompletionItemProvider` (what the suggest widget asks for). Other providers answer
 * too (words of the document, snippets), so the tests look at Postcraft's items only: those with the
 * kinds Postcraft uses and its sort keys.
 */
const POSTCRAFT_KINDS = new Set([
  vscode.CompletionItemKind.Property, vscode.CompletionItemKind.Keyword, vscode.CompletionItemKind.Folder,
  vscode.CompletionItemKind.EnumMember, vscode.CompletionItemKind.Constant, vscode.CompletionItemKind.Snippet,
  vscode.CompletionItemKind.Reference, vscode.CompletionItemKind.File,
]);

function root(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

function postUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), 'source', relative);
}

function isPostcraftItem(item: vscode.CompletionItem): boolean {
  return item.kind !== undefined && POSTCRAFT_KINDS.has(item.kind) && typeof item.sortText === 'string' && /^\d{5}(\d{8})?$/.test(item.sortText);
}

async function complete(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list.items.filter(isPostcraftItem).sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
const labels = (items: vscode.CompletionItem[]): string[] => items.map(labelOf);

function find(items: vscode.CompletionItem[], label: string): vscode.CompletionItem {
  const item = items.find((candidate) => labelOf(candidate) === label);
  assert.ok(item, `no ${label} among ${labels(items).join(', ')}`);
  return item;
}

function insertedText(item: vscode.CompletionItem): string {
  return typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? labelOf(item);
}

function rangeOf(item: vscode.CompletionItem): vscode.Range {
  const range = item.range;
  assert.ok(range, 'Postcraft items carry their range');
  return range instanceof vscode.Range ? range : range.replacing;
}

async function revertAll(): Promise<void> {
  let reverted = false;
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    reverted = true;
  }
  // The index follows edits after its debounce: let it see the reverted text before the next test
  // reads tag and category counts.
  if (reverted) await new Promise((resolve) => setTimeout(resolve, vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.indexDebounceMs, 150) + 350));
}

describe('front-matter completion in the editor', () => {
  before(async () => {
    await activatePostcraft();
  });

  afterEach(revertAll);

  it('offers the site\'s tags most used first in `[a, |]`, leaving out the post\'s own, with the count', async () => {
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { position } = await typeInto(uri, '---\ntitle: 周末去爬了香山\ndate: 2025-11-09 19:40:00\ntags: [随笔, |]\ncategories: 生活\n---\n正文\n');
    const items = await complete(uri, position, ' ');
    assert.deepEqual(labels(items).slice(0, 4), ['Hexo', '副业', '后端', '踩坑']);
    assert.ok(!labels(items).includes('随笔'), 'a tag already in the list is not offered again');
    const item = find(items, '副业');
    assert.match(String(item.detail), /3/);
    assert.equal(insertedText(item), '副业');
    assert.ok(rangeOf(item).isEqual(new vscode.Range(3, 11, 3, 11)));
    // Tags only unpublished posts use (a draft, a post with `published: false`) come last, marked so.
    assert.deepEqual(labels(items).slice(-3), ['React', 'Testing', 'Vue']);
    assert.match(String(find(items, 'React').detail), /Unpublished|未发布/);
  });

  it('offers tags on `[` for the first item, and finds Chinese tags by pinyin initials', async () => {
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { position } = await typeInto(uri, '---\ntitle: 周末去爬了香山\ntags: [fy|]\n---\n');
    const items = await complete(uri, position, '[');
    const item = find(items, '副业');
    assert.match(item.filterText ?? '', /\bfy\b/);
    assert.match(item.filterText ?? '', /\bfuye\b/);
    assert.ok(rangeOf(item).isEqual(new vscode.Range(2, 7, 2, 9)), 'the typed letters are replaced');
  });

  it('completes a block list item, adding the space after a bare dash', async () => {
    const uri = postUri('_posts/pour-over-coffee-notes.md');
    const { position } = await typeInto(uri, "---\ntitle: '手冲咖啡入门笔记'\ntags:\n  - 咖啡\n  -|\n---\n");
    const items = await complete(uri, position, '-');
    assert.equal(insertedText(find(items, '副业')), ' 副业', 'a space goes after the bare dash');
    assert.ok(!labels(items).includes('咖啡'));
  });

  it('reads `categories: [技术, |]` as one hierarchy: 技术\'s children first, with their full path', async () => {
    // A post outside 技术, so that typing into it cannot change the counts of 技术's children.
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { position } = await typeInto(uri, '---\ntitle: 周末去爬了香山\ntags: [随笔]\ncategories: [技术, |]\n---\n');
    const items = await complete(uri, position, ' ');
    assert.deepEqual(labels(items).slice(0, 3), ['前端', '后端', 'AI']);
    assert.match(String(find(items, '前端').detail), /^技术 > 前端/);
    assert.ok(!labels(items).includes('技术'));
  });

  it('offers keys at the start of a line, with snippets, never one already written', async () => {
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { position } = await typeInto(uri, '---\ntitle: 周末去爬了香山\ntags: 随笔\nca|\n---\n');
    const items = await complete(uri, position);
    const offered = labels(items);
    assert.ok(offered.includes('categories') && offered.includes('updated') && offered.includes('excerpt'));
    assert.ok(!offered.includes('title') && !offered.includes('tags'));
    const categories = find(items, 'categories');
    assert.equal(insertedText(categories), 'categories: [$0]');
    assert.ok(rangeOf(categories).isEqual(new vscode.Range(3, 0, 3, 2)));
    assert.equal(categories.command?.command, 'editor.action.triggerSuggest');
  });

  it('offers layouts from scaffolds and now as the site writes dates', async () => {
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    let { position } = await typeInto(uri, '---\ntitle: x\nlayout: |\n---\n');
    assert.deepEqual(labels(await complete(uri, position, ' ')), ['post', 'draft', 'page', 'false']);
    ({ position } = await typeInto(uri, '---\ntitle: x\nupdated:|\n---\n'));
    const [now] = await complete(uri, position, ':');
    assert.match(labelOf(now), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(insertedText(now), ` ${labelOf(now)}`);
  });

  it('works in a CRLF document', async () => {
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { editor } = await typeInto(uri, '---\ntitle: x\ntags: [随笔,|]\n---\n');
    await editor.edit((edit) => edit.setEndOfLine(vscode.EndOfLine.CRLF));
    const position = new vscode.Position(2, 10);
    const item = find(await complete(uri, position, ','), '副业');
    assert.equal(insertedText(item), ' 副业');
    assert.ok(rangeOf(item).isEqual(new vscode.Range(2, 10, 2, 10)));
  });

  it('offers at once a tag just typed (unsaved) in another post', async () => {
    const other = postUri('_posts/pour-over-coffee-notes.md');
    await typeInto(other, '---\ntitle: 手冲咖啡入门笔记\ntags: [咖啡, 集成测试新标签]\n---\n|');
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { position } = await typeInto(uri, '---\ntitle: x\ntags: [|]\n---\n');
    let offered: string[] = [];
    for (let attempt = 0; attempt < 40 && !offered.includes('集成测试新标签'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      offered = labels(await complete(uri, position, '['));
    }
    assert.ok(offered.includes('集成测试新标签'));
  });

  it('offers a whole front matter from the post scaffold in an empty post', async () => {
    const uri = postUri('_posts/integration-empty-post.md');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const items = await complete(uri, new vscode.Position(0, 0));
    const item = find(items, '---');
    assert.match(insertedText(item), /^---\ntitle: \$\{1:integration-empty-post\}\ndate: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\ntags:\n---\n/);
    // Leave the sample blog as it was: later suites count its posts and check them.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('offers nothing from Postcraft in the body or in fenced code', async () => {
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { position } = await typeInto(uri, '---\ntitle: x\n---\n正文\n\n```yaml\ntags: [|]\n```\n');
    assert.deepEqual(labels(await complete(uri, position, '[')), []);
    assert.deepEqual(labels(await complete(uri, new vscode.Position(3, 1))), []);
  });

  it('offers the site\'s posts in `{% post_link |` by title, inserting the slug Hexo finds, and the tag plugins after `{% `', async () => {
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { position } = await typeInto(uri, '---\ntitle: x\n---\n见 {% post_link go-http| %}\n');
    const items = await complete(uri, position);
    // Labelled by the post's title, the slug it inserts beside it, the date and tags below.
    const item = find(items, 'Go HTTP Client Timeouts, Explained');
    assert.equal(item.kind, vscode.CompletionItemKind.Reference);
    assert.equal(typeof item.label === 'object' ? item.label.description : undefined, 'go-http-client-timeouts');
    assert.equal(item.insertText, 'go-http-client-timeouts');
    assert.match(item.detail ?? '', /2026-02-21/);
    assert.deepEqual(rangeOf(item), new vscode.Range(position.line, position.character - 'go-http'.length, position.line, position.character));
    const tags = await complete(uri, new vscode.Position(position.line, '见 {% '.length), ' ');
    assert.ok(labels(tags).includes('asset_img'), labels(tags).join(', '));
  });

  it('links post_link to the post and asset_img to the asset: document links, definition and hover', async () => {
    const uri = postUri('_posts/postgres-slow-query.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.getText().split('\n').findIndex((text) => text.includes('{% post_link go-http-client-timeouts %}'));
    const character = document.lineAt(line).text.indexOf('go-http-client-timeouts') + 3;
    const target = postUri('_posts/go-http-client-timeouts.md').toString();
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.ok(links.some((link) => link.target?.toString() === target), JSON.stringify(links.map((link) => link.target?.toString())));
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, new vscode.Position(line, character));
    assert.ok(definitions.some((definition) => ('uri' in definition ? definition.uri : definition.targetUri).toString() === target));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
    const shown = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(shown, /Go HTTP Client Timeouts, Explained/);
    // The asset folder's image, which exists; the caption's words, which are no files, are no links.
    const withAsset = postUri('_posts/weekend-at-xiangshan.md');
    const assetLinks = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', withAsset);
    const asset = postUri('_posts/weekend-at-xiangshan/summit.png').toString();
    const ours = assetLinks.filter((link) => link.target?.path.includes('/weekend-at-xiangshan/'));
    assert.deepEqual(ours.map((link) => link.target?.toString()), [asset]);
    // Hovering the image: its preview, and its pixel size and weight read from the file.
    const imageRange = ours[0].range;
    const imageHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', withAsset, imageRange.start.translate(0, 1));
    const imageShown = imageHovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    const bytes = (await vscode.workspace.fs.readFile(postUri('_posts/weekend-at-xiangshan/summit.png'))).length;
    assert.match(imageShown, /!\[\]\(.*summit\.png\)/);
    assert.ok(imageShown.includes(`96 × 60 px · ${bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`}`), imageShown);
  });

  it('offers the post\'s asset folder in `{% asset_img |` and served images in `![](/|`', async () => {
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { position } = await typeInto(uri, '---\ntitle: x\n---\n{% asset_img |\n');
    assert.deepEqual(labels(await complete(uri, position, ' ')), ['summit.png']);
    const image = await typeInto(uri, '---\ntitle: x\n---\n![](/|\n');
    // source/ is served at the root; _posts and its asset folders are not served by path.
    assert.deepEqual(labels(await complete(uri, image.position, '/')), ['/images/avatar.png']);
  });

  it('offers the site\'s posts by their URL in `[text](/2026/|`; a link by URL is a link to the post: document link, definition and hover', async () => {
    const uri = postUri('_posts/weekend-at-xiangshan.md');
    const { position } = await typeInto(uri, '---\ntitle: x\n---\n见 [超时](/2026/|\n');
    const item = find(await complete(uri, position, '/'), 'Go HTTP Client Timeouts, Explained');
    assert.equal(item.kind, vscode.CompletionItemKind.Reference);
    assert.equal(insertedText(item), '/2026/02/21/go-http-client-timeouts/');
    assert.deepEqual(rangeOf(item), new vscode.Range(position.line, position.character - '/2026/'.length, position.line, position.character));
    const linked = await typeInto(uri, '---\ntitle: x\n---\n见 [超时](/2026/02/21/go-|http-client-timeouts/)\n');
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, linked.position);
    const target = postUri('_posts/go-http-client-timeouts.md').toString();
    assert.ok(definitions.some((definition) => ('uri' in definition ? definition.uri : definition.targetUri).toString() === target), JSON.stringify(definitions));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.ok(links.some((link) => link.target?.toString() === target), JSON.stringify(links.map((link) => link.target?.toString())));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, linked.position);
    assert.match(hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n'), /Go HTTP Client Timeouts, Explained/);
  });

  it('finds every link to a post, and every post filed under a tag (Find All References)', async () => {
    const post = postUri('_posts/go-http-client-timeouts.md');
    const document = await vscode.workspace.openTextDocument(post);
    const bodyLine = document.getText().split('\n').findIndex((line, i) => i > 5 && line.trim() !== '');
    const links = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', post, new vscode.Position(bodyLine, 0));
    const linking = postUri('_posts/postgres-slow-query.md').toString();
    assert.ok(links.some((location) => location.uri.toString() === linking), links.map((location) => location.uri.path).join(', '));
    const tagLine = document.getText().split('\n').findIndex((line) => line.startsWith('tags:'));
    const onGo = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', post, new vscode.Position(tagLine, document.lineAt(tagLine).text.indexOf('Go') + 1));
    const tagged = [...new Set(onGo.map((location) => location.uri.path.split('/').pop()))].sort();
    assert.ok(tagged.includes('go-http-client-timeouts.md') && tagged.length >= 2, tagged.join(', '));
    assert.ok(!tagged.includes('weekend-at-xiangshan.md'));
  });
});
