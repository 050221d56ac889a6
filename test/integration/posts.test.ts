import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { loadHexoSite } from '../../src/core/generators/hexo/hexoSite';
import { deployRefusal } from '../../src/vscode/features/posts/deployCommand';
import { PostsTreeProvider } from '../../src/vscode/features/posts/postsTree';
import { renameTaxonomy } from '../../src/vscode/features/posts/renameTaxonomyCommands';
import { SiteService } from '../../src/vscode/services/siteService';
import { createVscodeFileSystem } from '../../src/vscode/services/vscodeFileSystem';
import { activatePostcraft, blogFile, renameThroughEdit, waitFor } from './support';
import { AssetPasteProvider } from '../../src/vscode/features/pasteAssets';
import { Commands, Settings, TreeItemKinds } from '../../src/vscode/constants';

/**
 * The posts commands in the real editor, on the temp copy of the sample blog that every feature's
 * tests share: every test removes what it creates and undoes what it changes, so the blog is left
 * byte for byte as it was (other tests count its posts and tags).
 *
 * How undo works here (measured in this VS Code, 1.100): a `WorkspaceEdit` with file operations is
 * ONE undo element on the stack of every file it touches; running `undo` with the new post's editor
 * active reverts all of it (the created file deleted, the deleted draft re-created from the bytes it
 * had, moved folders moved back). A rename is applied as a refactoring: across several posts the
 * editor saves them (`files.refactoring.autoSave`, which VS Code applies only when more than one file
 * changed), and one `undo` reverts them all, leaving them unsaved; a one-post rename stays unsaved.
 */
const decoder = new TextDecoder();
const DATE_LINE = /^date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m;

async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function remove(...uris: vscode.Uri[]): Promise<void> {
  // Not found is fine: Postcraft may have removed an empty asset folder meanwhile.
  for (const uri of uris) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

/** Focuses `uri` in an editor and runs the workbench's undo there. */
async function undoIn(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await vscode.commands.executeCommand('undo');
}

/** Puts `original` back into `uri`'s document (if a test changed it) and saves: the disk holds the same bytes again. */
async function restore(uri: vscode.Uri, original: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
    await vscode.workspace.applyEdit(edit);
  }
  if (document.isDirty) await document.save();
}

/** Every file of the blog with its bytes (as text, for readable diffs). */
async function snapshot(folder = blogFile(), into = new Map<string, string>()): Promise<Map<string, string>> {
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type === vscode.FileType.Directory) {
      into.set(`${uri.path}/`, '');
      await snapshot(uri, into);
    } else into.set(uri.path, Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('base64'));
  }
  return into;
}

describe('posts: create, publish and organize as Hexo does', function () {
  this.timeout(30_000);
  let before: Map<string, string>;
  this.beforeAll(async () => {
    await activatePostcraft();
    before = await snapshot();
  });
  afterEach(closeEditors);
  this.afterAll(async () => {
    // The blog is left as the suite found it: the same files and folders, byte for byte.
    assert.deepEqual(await snapshot(), before);
  });

  it('newPost with an argument creates the post by new_post_name with the scaffold, tags, categories and asset folder', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.newPost, { site: blogFile().fsPath, title: 'Postcraft 集成测试: New Post', tags: ['测试', 'Hexo'], categories: ['技术', '前端'] });
    const folder = blogFile('source', '_posts', 'Postcraft-集成测试-New-Post');
    try {
      assert.equal(uri.toString(), blogFile('source', '_posts', 'Postcraft-集成测试-New-Post.md').toString());
      const text = await readText(uri);
      assert.match(text, DATE_LINE);
      assert.equal(text.replace(DATE_LINE, 'date: <now>'), [
        '---',
        "title: 'Postcraft 集成测试: New Post'",
        'tags:',
        '  - 测试',
        '  - Hexo',
        'categories:',
        '  - 技术',
        '  - 前端',
        'date: <now>',
        '---',
        '',
      ].join('\n'));
      assert.equal((await vscode.workspace.fs.stat(folder)).type, vscode.FileType.Directory, 'post_asset_folder: the asset folder is made');
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), uri.toString(), 'the new post is open');
      assert.equal(editor?.selection.active.line, 10, 'the cursor is after the front matter');
    } finally {
      await closeEditors();
      await remove(uri, folder);
    }
  });

  it('newPost\'s empty asset folder goes with the post (undone or deleted); a folder with files stays', async () => {
    const post = (title: string): Thenable<vscode.Uri> => vscode.commands.executeCommand<vscode.Uri>(Commands.newPost, { site: blogFile().fsPath, title });
    const undone = await post('Postcraft undo asset folder');
    const undoneFolder = blogFile('source', '_posts', 'Postcraft-undo-asset-folder');
    const deleted = await post('Postcraft deleted asset folder');
    const deletedFolder = blogFile('source', '_posts', 'Postcraft-deleted-asset-folder');
    const kept = await post('Postcraft kept asset folder');
    const keptFolder = blogFile('source', '_posts', 'Postcraft-kept-asset-folder');
    try {
      for (const folder of [undoneFolder, deletedFolder, keptFolder]) assert.ok(await exists(folder), `${folder.path} is made`);
      await undoIn(undone);
      await waitFor(async () => (!(await exists(undone)) && !(await exists(undoneFolder)) ? true : undefined), 5000, 'the post and its empty folder gone after undo');
      // Deleted by hand together: the empty folder goes; once the writer has put an image in the
      // other, that folder is theirs and stays.
      const image = vscode.Uri.joinPath(keptFolder, 'cover.png');
      await vscode.workspace.fs.writeFile(image, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
      await closeEditors();
      await vscode.workspace.fs.delete(kept);
      await vscode.workspace.fs.delete(deleted);
      await waitFor(async () => (!(await exists(deletedFolder)) ? true : undefined), 5000, 'the deleted post\'s empty folder gone');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.ok(await exists(image), 'the folder with a file in it is kept');
    } finally {
      await closeEditors();
      await remove(undone, undoneFolder, deleted, deletedFolder, kept, keptFolder);
    }
  });

  // The prompts' stand-ins replace `vscode.window`'s functions in this extension host: they reach an
  // extension running here, not one in the web worker host.
  it('[node] newPost without an argument asks for the title, tags (a new one typed in the picker) and categories', async () => {
    // The prompts are the editor's own widgets: the input box and the category pick answer through
    // stand-ins, the tag picker is the real quick pick, driven by setting its value and selection and
    // accepting it with the workbench's command.
    type Window = { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    const window = vscode.window as Window;
    const { showInputBox, showQuickPick, createQuickPick } = window;
    const asked: string[] = [];
    window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
      asked.push(`input: ${options?.prompt}`);
      assert.equal(options?.validateInput?.('  '), 'A title is needed.');
      return '交互式 新文章';
    }) as Window['showInputBox'];
    window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
      asked.push(`pick: ${options?.placeHolder}`);
      const categories = await items;
      return categories.filter((item) => item.label === '技术 › 前端');
    }) as unknown as Window['showQuickPick'];
    // The tag picker: what is typed comes first; a failure hides the picker (ending the command) and is rethrown below.
    let pickerFailure: unknown;
    window.createQuickPick = (<T extends vscode.QuickPickItem>() => {
      const pick = createQuickPick<T>();
      asked.push('tags');
      void (async () => {
        try {
          await waitFor(() => (pick.items.length > 0 ? true : undefined), 5000, 'the tag picker\'s items');
          pick.value = '新标签';
          await waitFor(() => (pick.items[0]?.label === '新标签' ? true : undefined), 5000, 'the typed tag offered first');
          // The selection goes to the workbench and comes back as a selection event: accept only then.
          let selectedInWorkbench = 0;
          const listener = pick.onDidChangeSelection((items) => (selectedInWorkbench = items.length));
          pick.selectedItems = pick.items.filter((item) => item.label === '新标签' || item.label === 'Hexo');
          await waitFor(() => (selectedInWorkbench === 2 ? true : undefined), 5000, 'two tags selected in the workbench');
          listener.dispose();
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        } catch (error) {
          pickerFailure = error;
          pick.hide();
        }
      })();
      return pick;
    }) as Window['createQuickPick'];
    let uri: vscode.Uri | undefined;
    try {
      // Started from the Hexo blog's folder (as from the Explorer), with the Hugo blog open beside it.
      uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.newPost, blogFile());
      if (pickerFailure) throw pickerFailure;
      assert.deepEqual(asked, ['input: Title of the new post', 'tags', 'pick: Categories (each pick is one hierarchy)']);
      assert.equal(uri?.toString(), blogFile('source', '_posts', '交互式-新文章.md').toString());
      const text = await readText(uri);
      assert.equal(text.replace(DATE_LINE, 'date: <now>'), ['---', 'title: 交互式 新文章', 'tags:', '  - 新标签', '  - Hexo', 'categories:', '  - 技术', '  - 前端', 'date: <now>', '---', ''].join('\n'));
    } finally {
      Object.assign(window, { showInputBox, showQuickPick, createQuickPick });
      await closeEditors();
      if (uri) await remove(uri, blogFile('source', '_posts', '交互式-新文章'));
    }
  });

  it('newPost on a taken name gets Hexo\'s numeric suffix and overwrites nothing', async () => {
    const taken = blogFile('source', '_posts', 'build-a-hexo-blog.md');
    const before = await readText(taken);
    const first = await vscode.commands.executeCommand<vscode.Uri>(Commands.newPost, { site: blogFile().fsPath, title: 'build a hexo blog' });
    const second = await vscode.commands.executeCommand<vscode.Uri>(Commands.newPost, { site: blogFile().fsPath, title: 'build-a-hexo-blog' });
    try {
      assert.equal(first.toString(), blogFile('source', '_posts', 'build-a-hexo-blog-1.md').toString());
      assert.equal(second.toString(), blogFile('source', '_posts', 'build-a-hexo-blog-2.md').toString());
      assert.equal(await readText(taken), before, 'the existing post is untouched');
      assert.match(await readText(second), /^---\ntitle: build-a-hexo-blog\ndate: .+\ntags:\n---\n$/);
    } finally {
      await closeEditors();
      await remove(first, second, blogFile('source', '_posts', 'build-a-hexo-blog-1'), blogFile('source', '_posts', 'build-a-hexo-blog-2'));
    }
  });

  it('newDraft and newPage use the draft and page scaffolds and Hexo\'s folders', async () => {
    const draft = await vscode.commands.executeCommand<vscode.Uri>(Commands.newDraft, { site: blogFile().fsPath, title: '周末 随笔' });
    const page = await vscode.commands.executeCommand<vscode.Uri>(Commands.newPage, { site: blogFile().fsPath, title: 'Now Reading' });
    try {
      assert.equal(draft.toString(), blogFile('source', '_drafts', '周末-随笔.md').toString());
      assert.equal(await readText(draft), '---\ntitle: 周末 随笔\ntags:\n---\n');
      assert.equal(page.toString(), blogFile('source', 'Now-Reading', 'index.md').toString());
      assert.match(await readText(page), /^---\ntitle: Now Reading\ndate: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n---\n$/);
    } finally {
      await closeEditors();
      await remove(draft, blogFile('source', '_drafts', '周末-随笔'), blogFile('source', 'Now-Reading'));
    }
  });

  it('publishDraft moves the draft to _posts with a date and the scaffold, and one undo restores the draft byte for byte', async () => {
    const draft = blogFile('source', '_drafts', 'moving-to-hangzhou.md');
    const original = await vscode.workspace.fs.readFile(draft);
    const published = await vscode.commands.executeCommand<vscode.Uri>(Commands.publishDraft, draft);
    const post = blogFile('source', '_posts', 'moving-to-hangzhou.md');
    try {
      assert.equal(published.toString(), post.toString());
      assert.equal(await exists(draft), false, 'the draft is gone');
      const text = await readText(post);
      const draftText = decoder.decode(original);
      // The draft's own lines are kept as written; the scaffold's `date` is added where the scaffold has it.
      assert.equal(text.replace(DATE_LINE, 'date: <now>'), draftText.replace('title: 搬到杭州的第一个月\n', 'title: 搬到杭州的第一个月\ndate: <now>\n'));

      await undoIn(post);
      await waitFor(async () => ((await exists(draft)) && !(await exists(post)) ? true : undefined), 5000, 'the undo of the publish');
      assert.deepEqual(await vscode.workspace.fs.readFile(draft), original, 'the draft is back byte for byte');
    } finally {
      await closeEditors();
      if (!(await exists(draft))) await vscode.workspace.fs.writeFile(draft, original);
      await remove(post, blogFile('source', '_posts', 'moving-to-hangzhou'));
    }
  });

  it('publishDraft takes the draft\'s unsaved changes along, and undo brings the draft back with them', async () => {
    const draft = blogFile('source', '_drafts', 'notes-on-llm-evals.md');
    const original = await vscode.workspace.fs.readFile(draft);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(draft));
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nAn unsaved last line.\n'));
    assert.ok(editor.document.isDirty);
    const edited = editor.document.getText();
    const post = await vscode.commands.executeCommand<vscode.Uri>(Commands.publishDraft, draft);
    try {
      const text = await readText(post);
      assert.ok(text.endsWith('\nAn unsaved last line.\n'), 'the unsaved line is published');
      await undoIn(post);
      await waitFor(async () => ((await exists(draft)) && !(await exists(post)) ? true : undefined), 5000, 'the undo of the publish');
      assert.equal(await readText(draft), edited, 'the draft is back, unsaved changes included');
    } finally {
      await closeEditors();
      await vscode.workspace.fs.writeFile(draft, original);
      await remove(post, blogFile('source', '_posts', 'notes-on-llm-evals'));
    }
  });

  it('unpublishPost moves a post and its asset folder back to _drafts; undo moves them back', async () => {
    const post = blogFile('source', '_posts', 'weekend-at-xiangshan.md');
    const asset = blogFile('source', '_posts', 'weekend-at-xiangshan', 'summit.png');
    const original = await vscode.workspace.fs.readFile(post);
    const image = await vscode.workspace.fs.readFile(asset);
    const draft = await vscode.commands.executeCommand<vscode.Uri>(Commands.unpublishPost, post);
    try {
      assert.equal(draft.toString(), blogFile('source', '_drafts', 'weekend-at-xiangshan.md').toString());
      assert.deepEqual(await vscode.workspace.fs.readFile(draft), original, 'the content moves unchanged');
      assert.deepEqual(await vscode.workspace.fs.readFile(blogFile('source', '_drafts', 'weekend-at-xiangshan', 'summit.png')), image);
      assert.equal(await exists(post), false);
      await undoIn(draft);
      await waitFor(async () => ((await exists(post)) && (await exists(asset)) ? true : undefined), 5000, 'the undo of the move');
      assert.deepEqual(await vscode.workspace.fs.readFile(post), original);
      assert.deepEqual(await vscode.workspace.fs.readFile(asset), image);
      assert.equal(await exists(draft), false);
    } finally {
      await closeEditors();
      if (!(await exists(post))) {
        await vscode.workspace.fs.rename(draft, post);
        await vscode.workspace.fs.rename(blogFile('source', '_drafts', 'weekend-at-xiangshan'), blogFile('source', '_posts', 'weekend-at-xiangshan'));
      }
    }
  });

  it('renameTag changes only that item in each post, keeping flow and block lists; undo restores a one-file rename', async () => {
    const files = ['go-http-client-timeouts.md', 'nunjucks-braces-in-hexo.md', 'postgres-slow-query.md'].map((name) => blogFile('source', '_posts', name));
    const originals = await Promise.all(files.map(readText));
    const changed = await vscode.commands.executeCommand<vscode.Uri[]>(Commands.renameTag, { from: '踩坑', to: '排错', site: blogFile().fsPath });
    try {
      assert.deepEqual(changed.map(String).sort(), files.map(String).sort());
      for (const [index, uri] of files.entries()) {
        const document = await vscode.workspace.openTextDocument(uri);
        assert.equal(document.getText(), originals[index].replace('踩坑', '排错'), `${uri.path}: only the tag changed`);
      }
    } finally {
      for (const [index, uri] of files.entries()) await restore(uri, originals[index]);
    }
    for (const [index, uri] of files.entries()) assert.equal(await readText(uri), originals[index]);

    // A tag in one post only: a plain `undo` reverts the rename.
    const single = blogFile('source', '_posts', 'postgres-slow-query.md');
    const original = await readText(single);
    await vscode.commands.executeCommand(Commands.renameTag, { from: 'PostgreSQL', to: 'Postgres', site: blogFile().fsPath });
    const document = await vscode.workspace.openTextDocument(single);
    assert.equal(document.getText(), original.replace('  - PostgreSQL\n', '  - Postgres\n'));
    await undoIn(single);
    assert.equal(document.getText(), original);
    assert.equal(document.isDirty, false);
  });

  it('renameTag is a refactoring: the posts it changed are saved (files.refactoring.autoSave), and one undo restores every byte', async () => {
    const files = ['go-http-client-timeouts.md', 'nunjucks-braces-in-hexo.md', 'postgres-slow-query.md'].map((name) => blogFile('source', '_posts', name));
    const originals = await Promise.all(files.map(readText));
    // One of them open in an editor, as the writer would have it.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(files[1]));
    try {
      const changed = await vscode.commands.executeCommand<vscode.Uri[]>(Commands.renameTag, { from: '踩坑', to: '排错', site: blogFile().fsPath });
      assert.deepEqual(changed.map(String).sort(), files.map(String).sort());
      for (const [index, uri] of files.entries()) {
        assert.equal(await readText(uri), originals[index].replace('踩坑', '排错'), `${uri.path}: saved to disk`);
        const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
        assert.equal(document?.isDirty ?? false, false, `${uri.path}: nothing left unsaved`);
      }
      // One undo, in the editor of one of them, reverts all three (measured: no "Undo in 3 files?"
      // prompt for a saved refactoring); saving then writes back every original byte.
      await undoIn(files[1]);
      for (const [index, uri] of files.entries()) {
        const document = await vscode.workspace.openTextDocument(uri);
        assert.equal(document.getText(), originals[index], `${uri.path}: undone`);
        assert.ok(await document.save(), `${uri.path}: saved after the undo`);
        assert.equal(await readText(uri), originals[index], `${uri.path}: the original bytes on disk`);
      }
    } finally {
      for (const [index, uri] of files.entries()) await restore(uri, originals[index]);
    }
  });

  it('a rename naming its site waits for the sites to be found, as right after activation', async () => {
    const uri = blogFile('source', '_posts', 'postgres-slow-query.md');
    const original = await readText(uri);
    // A fresh service in the state activate() leaves it: started, no site found yet.
    const service = new SiteService();
    const started = service.start();
    try {
      assert.equal(service.sites.length, 0, 'no site found yet');
      const renamed = renameTaxonomy(service, 'tag', { from: 'PostgreSQL', to: 'Postgres', site: blogFile().fsPath });
      const changed = await renamed;
      assert.deepEqual(changed?.map(String), [uri.toString()]);
      assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), original.replace('  - PostgreSQL\n', '  - Postgres\n'));
    } finally {
      await restore(uri, original);
      await started;
      service.dispose();
    }
    assert.equal(await readText(uri), original);
  });

  it('renameTag onto an existing tag merges them: the old item goes, with its separator', async () => {
    const uri = blogFile('source', '_posts', 'nunjucks-braces-in-hexo.md');
    const others = ['go-http-client-timeouts.md', 'postgres-slow-query.md'].map((name) => blogFile('source', '_posts', name));
    const original = await readText(uri);
    const otherOriginals = await Promise.all(others.map(readText));
    try {
      await vscode.commands.executeCommand(Commands.renameTag, { from: '踩坑', to: 'Hexo', site: blogFile().fsPath });
      const text = (await vscode.workspace.openTextDocument(uri)).getText();
      assert.equal(text, original.replace('tags: [Hexo, 踩坑, 前端]', 'tags: [Hexo, 前端]'));
    } finally {
      // The rename is saved (a refactoring across three posts): each goes back to its own bytes.
      await restore(uri, original);
      for (const [index, other] of others.entries()) await restore(other, otherOriginals[index]);
    }
  });

  it('renameCategory with path arrays renames that level in every hierarchy that starts with it', async () => {
    const names = ['build-a-hexo-blog.md', 'habit-tracker-postmortem.md', 'nunjucks-braces-in-hexo.md'];
    const files = names.map((name) => blogFile('source', '_posts', name));
    const draft = blogFile('source', '_drafts', 'vue-or-react-in-2026.md');
    const originals = await Promise.all([...files, draft].map(readText));
    try {
      const changed = await vscode.commands.executeCommand<vscode.Uri[]>(Commands.renameCategory, { from: ['技术', '前端'], to: ['技术', 'Web 前端'], site: blogFile().fsPath });
      assert.equal(changed.length, 4);
      for (const [index, uri] of [...files, draft].entries()) {
        const text = (await vscode.workspace.openTextDocument(uri)).getText();
        assert.equal(text, originals[index].replace('[技术, 前端]', '[技术, Web 前端]'), uri.path);
      }
    } finally {
      for (const [index, uri] of [...files, draft].entries()) await restore(uri, originals[index]);
    }
  });

  it('updateTimestamp adds `updated` after `date`, or replaces only its value; undo reverts it', async () => {
    const uri = blogFile('source', '_posts', 'reading-list-2025.md');
    const original = await readText(uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    try {
      assert.equal(await vscode.commands.executeCommand(Commands.updateTimestamp, uri), true);
      const text = editor.document.getText();
      assert.match(text, /^date: .+\nupdated: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n/m);
      assert.equal(text.replace(/^updated: .+\n/m, ''), original);
      await undoIn(uri);
      assert.equal(editor.document.getText(), original);
      assert.equal(editor.document.isDirty, false);

      // A post that has `updated` already: only its value changes.
      const dated = blogFile('source', '_posts', 'notes-on-rust-ownership.md');
      const datedOriginal = await readText(dated);
      try {
        await vscode.commands.executeCommand(Commands.updateTimestamp, dated);
        const datedText = (await vscode.workspace.openTextDocument(dated)).getText();
        assert.notEqual(datedText, datedOriginal);
        assert.equal(datedText.replace(/^updated: .+$/m, 'updated: 2025-12-20 22:15:00'), datedOriginal, 'only the value changed');
      } finally {
        await restore(dated, datedOriginal);
      }
    } finally {
      await restore(uri, original);
    }
  });

  // A terminal runs a process: the browser build has none (browser.test.ts checks it opens none).
  it('[node] deploy is refused in Restricted Mode, with the reason (the guard; trust cannot be toggled from a test)', async () => {
    assert.match(deployRefusal(false) ?? '', /Restricted Mode|受限模式/);
    assert.equal(deployRefusal(true), undefined);
    assert.equal(vscode.workspace.isTrusted, true, 'the test workspace is trusted');
    const config = vscode.workspace.getConfiguration(Settings.section);
    const settingsFolder = blogFile('.vscode');
    const hadSettings = await exists(settingsFolder);
    await config.update(Settings.deployCommand, 'echo postcraft-deploy-test', vscode.ConfigurationTarget.Workspace);
    try {
      const terminal = await vscode.commands.executeCommand<vscode.Terminal>(Commands.deploy, blogFile('_config.yml'));
      assert.ok(terminal, 'a trusted workspace gets a terminal');
      const options = terminal.creationOptions as vscode.TerminalOptions;
      assert.equal((options.cwd as vscode.Uri).toString(), blogFile().toString(), 'in the site folder');
      terminal.dispose();
    } finally {
      await config.update(Settings.deployCommand, undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadSettings) await remove(settingsFolder);
    }
  });

  it('updateTimestampOnSave stamps `updated` when a changed post is saved by hand', async () => {
    const uri = blogFile('source', '_posts', 'one-year-of-remote-work.md');
    const original = await readText(uri);
    const config = vscode.workspace.getConfiguration(Settings.section);
    const settingsFolder = blogFile('.vscode');
    const hadSettings = await exists(settingsFolder);
    await config.update(Settings.updateTimestampOnSave, true, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), 'One more line.\n'));
      assert.ok(await editor.document.save());
      const saved = await readText(uri);
      assert.match(saved, /^updated: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m);
      assert.equal(saved.replace(/^updated: .+\n/m, ''), `${original}One more line.\n`);
    } finally {
      await config.update(Settings.updateTimestampOnSave, undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadSettings) await remove(settingsFolder);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
      await restore(uri, original);
    }
  });

  it('the Posts view lists tags and categories with Hexo\'s counts, nested categories and drafts; posts open on click', async () => {
    await vscode.commands.executeCommand(Commands.refreshPostsView);
    const site = await loadHexoSite(createVscodeFileSystem(blogFile()), blogFile().path);
    const index = await SiteIndex.build(site, createVscodeFileSystem(blogFile()));
    const changes = new vscode.EventEmitter<SiteIndex | undefined>();
    const service = { sites: [index], onDidChange: changes.event, onDidChangeTaxonomy: changes.event } as unknown as SiteService;
    const tree = new PostsTreeProvider(service);
    try {
      const groups = tree.getChildren();
      assert.deepEqual(groups.map((node) => tree.getTreeItem(node).label), ['Tags', 'Categories', 'Drafts'].map((label) => vscode.l10n.t(label)));
      const tags = tree.getChildren(groups[0]);
      const pit = tags.find((node) => node.type === 'tag' && node.tag === '踩坑');
      assert.ok(pit);
      assert.equal(tree.getTreeItem(pit).description, '3');
      assert.equal(tree.getChildren(pit).length, 3);
      const tech = tree.getChildren(groups[1]).find((node) => node.type === 'category' && node.category.join('/') === '技术');
      assert.ok(tech);
      const children = tree.getChildren(tech);
      assert.ok(children.some((node) => node.type === 'category' && node.category.join('/') === '技术/前端'), 'sub-categories under their parent');
      const drafts = tree.getChildren(groups[2]);
      assert.equal(drafts.length, 3);
      const item = tree.getTreeItem(drafts[0]);
      assert.equal(item.command?.command, 'vscode.open');
      assert.equal(item.contextValue, TreeItemKinds.draft);
    } finally {
      tree.dispose();
      changes.dispose();
    }
  });

  it('renaming a post whose permalink names its file points Markdown links to its old URL at the new one', async () => {
    const linked = blogFile('source', '_posts', 'go-http-client-timeouts.md');
    const renamed = blogFile('source', '_posts', 'go-http-timeouts.md');
    const document = await vscode.workspace.openTextDocument(blogFile('source', '_posts', 'postgres-slow-query.md'));
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(end, '\n见 [超时](/2026/02/21/go-http-client-timeouts/#retries)\n')));
    try {
      await renameThroughEdit(linked, renamed);
      try {
        assert.match(document.getText(), /\[超时\]\(\/2026\/02\/21\/go-http-timeouts\/#retries\)/);
      } finally {
        await renameThroughEdit(renamed, linked);
      }
      assert.match(document.getText(), /\[超时\]\(\/2026\/02\/21\/go-http-client-timeouts\/#retries\)/);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('renaming a post keeps the links to it and moves its asset folder, in the same edit; renaming its asset renames its references', async () => {
    const linked = blogFile('source', '_posts', 'go-http-client-timeouts.md');
    const renamed = blogFile('source', '_posts', 'go-http-timeouts.md');
    const linking = blogFile('source', '_posts', 'postgres-slow-query.md');
    await renameThroughEdit(linked, renamed);
    try {
      assert.match((await vscode.workspace.openTextDocument(linking)).getText(), /\{% post_link go-http-timeouts %\}/);
    } finally {
      await renameThroughEdit(renamed, linked);
    }
    assert.match((await vscode.workspace.openTextDocument(linking)).getText(), /\{% post_link go-http-client-timeouts %\}/);
    const withAssets = blogFile('source', '_posts', 'weekend-at-xiangshan.md');
    const moved = blogFile('source', '_posts', 'weekend-in-xiangshan.md');
    await renameThroughEdit(withAssets, moved);
    try {
      await vscode.workspace.fs.stat(blogFile('source', '_posts', 'weekend-in-xiangshan', 'summit.png'));
    } finally {
      await renameThroughEdit(moved, withAssets);
    }
    await vscode.workspace.fs.stat(blogFile('source', '_posts', 'weekend-at-xiangshan', 'summit.png'));
    // A file of the asset folder renamed: the post's asset_img follows it.
    const image = blogFile('source', '_posts', 'weekend-at-xiangshan', 'summit.png');
    const renamedImage = blogFile('source', '_posts', 'weekend-at-xiangshan', 'peak.png');
    await renameThroughEdit(image, renamedImage);
    try {
      assert.match((await vscode.workspace.openTextDocument(withAssets)).getText(), /\{% asset_img peak\.png /);
    } finally {
      await renameThroughEdit(renamedImage, image);
    }
    assert.match((await vscode.workspace.openTextDocument(withAssets)).getText(), /\{% asset_img summit\.png /);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('pasting an image copies it into the post\'s asset folder, never over a file, and inserts what the site shows it with', async () => {
    const post = blogFile('source', '_posts', 'weekend-at-xiangshan.md');
    const folder = blogFile('source', '_posts', 'weekend-at-xiangshan');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    class PastedImage extends vscode.DataTransferItem {
      override asFile(): vscode.DataTransferFile {
        return { name: 'image.png', uri: undefined, data: async () => png };
      }
    }
    const data = new vscode.DataTransfer();
    data.set('image/png', new PastedImage(''));
    const site = await SiteIndex.build(await loadHexoSite(createVscodeFileSystem(blogFile()), blogFile().path), createVscodeFileSystem(blogFile()));
    const provider = new AssetPasteProvider({ siteFor: () => site } as unknown as SiteService);
    const document = await vscode.workspace.openTextDocument(post);
    const edits = await provider.provideDocumentPasteEdits(document, [], data);
    assert.equal(edits?.length, 1);
    const [edit] = edits!;
    // The sample blog sets marked.postAsset: Markdown reaches the asset folder by name.
    assert.equal(edit.insertText, '![](weekend-at-xiangshan.png)');
    // Pasted twice before the first is written: the second takes the next free name.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'weekend-at-xiangshan.png'), new Uint8Array([1]));
    try {
      const again = (await provider.provideDocumentPasteEdits(document, [], data))![0];
      assert.equal(again.insertText, '![](weekend-at-xiangshan-1.png)');
      assert.ok(await vscode.workspace.applyEdit(again.additionalEdit!));
      assert.deepEqual([...await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'weekend-at-xiangshan-1.png'))], [...png]);
      assert.deepEqual([...await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'weekend-at-xiangshan.png'))], [1], 'the file that was there is untouched');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'weekend-at-xiangshan.png'));
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'weekend-at-xiangshan-1.png'));
    }
  });
});
