import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';

describe('Postcraft in a running editor', () => {
  // The web worker host's counterpart is in web.test.ts: this host cannot see that extension.
  it('[node] is installed in development mode and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded: check extensionDevelopmentPath`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('opens fresh copies of the sample blogs: the Hexo one first, the Hugo and Jekyll ones beside it', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    // The runner copies examples/hexo-blog (and examples/hugo-blog, examples/jekyll-blog) to a temporary folder and says where.
    const expected = [process.env.POSTCRAFT_TEST_WORKSPACE, process.env.POSTCRAFT_TEST_HUGO_WORKSPACE, process.env.POSTCRAFT_TEST_JEKYLL_WORKSPACE].filter((folder): folder is string => Boolean(folder));
    if (expected.length > 0) assert.deepEqual(folders.map((folder) => folder.uri.fsPath), expected);
    else assert.equal(folders.length >= 1, true, 'expected a workspace folder');
    const config = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folders[0].uri, '_config.yml'));
    assert.equal(config.type, vscode.FileType.File, 'the first folder has no Hexo _config.yml');
    if (folders[1]) {
      const hugo = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folders[1].uri, 'hugo.toml'));
      assert.equal(hugo.type, vscode.FileType.File, 'the second folder has no hugo.toml');
    }
    if (folders[2]) {
      const gemfile = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folders[2].uri, 'Gemfile'));
      assert.equal(gemfile.type, vscode.FileType.File, 'the third folder has no Gemfile');
    }
  });
});

describe('the test editor', () => {
  it('does not save edits by itself, so tests of unsaved edits stay unsaved', () => {
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });
});
