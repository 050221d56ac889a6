import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';

describe('Postcraft in a running editor', () => {
  it('is installed in development mode and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded: check extensionDevelopmentPath`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('opens a fresh copy of the sample blog as the only workspace folder', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    const root = folders[0].uri;
    // The runner copies examples/hexo-blog to a temporary folder and says where.
    const expected = process.env.POSTCRAFT_TEST_WORKSPACE;
    if (expected) assert.equal(root.fsPath, expected);
    const config = await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, '_config.yml'));
    assert.equal(config.type, vscode.FileType.File, 'the workspace has no Hexo _config.yml');
  });
});

describe('the test editor', () => {
  it('does not save edits by itself, so tests of unsaved edits stay unsaved', () => {
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });
});
