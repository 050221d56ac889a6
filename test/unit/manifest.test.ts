import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { discoverSites } from '../../src/core/site/discover';
import { GENERATORS } from '../../src/core/generators/registry';
import { MemoryFileSystem } from './support/memoryFileSystem';
import { Commands, EXTENSION_ID, InternalCommands, Settings, StatusBarItems, TreeGroupKinds, TreeItemKinds, Views } from '../../src/vscode/constants';

const repo = resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  activationEvents: string[];
  contributes: {
    commands: Array<{ command: string }>;
    configuration: { properties: Record<string, unknown> } | Array<{ properties: Record<string, unknown> }>;
    views: Record<string, Array<{ id: string }>>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    keybindings?: Array<{ command: string }>;
  };
};

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** The ids in src/vscode/constants.ts are the ones the manifest declares: a typo in either fails here. */
describe('the manifest and the ids module', () => {
  it('declares exactly the commands the code registers for users', () => {
    assert.deepEqual(sorted(manifest.contributes.commands.map((entry) => entry.command)), sorted(Object.values(Commands)));
    for (const internal of Object.values(InternalCommands)) assert.ok(!Object.values(Commands).includes(internal as never), `${internal} stays out of the palette`);
  });

  it('declares exactly the settings the code reads', () => {
    const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
    const declared = sections.flatMap((section) => Object.keys(section.properties));
    const read = Object.entries(Settings).filter(([name]) => name !== 'section').map(([, key]) => `${Settings.section}.${key}`);
    assert.deepEqual(sorted(declared), sorted(read));
  });

  it('activates in a workspace holding a site of each generator, before any post is opened', async () => {
    // Sites as each generator recognizes them, the smallest forms; a Hugo site once lacked an event.
    const sites: Array<[string, Record<string, string>]> = [
      ['hexo', { '/s/_config.yml': 'title: t\n', '/s/package.json': '{"dependencies":{"hexo":"^8.0.0"}}', '/s/scaffolds/post.md': '---\n---\n' }],
      ['hugo', { '/s/hugo.toml': 'title = "t"\n', '/s/content/posts/a.md': '---\ntitle: a\n---\n' }],
      ['hugo', { '/s/config.toml': 'title = "t"\n', '/s/archetypes/default.md': '---\n---\n', '/s/content/a.md': '' }],
      ['jekyll', { '/s/_config.yml': 'title: t\n', '/s/_posts/2026-01-01-a.md': '---\n---\n' }],
    ];
    const watched = manifest.activationEvents.filter((event) => event.startsWith('workspaceContains:**/')).map((event) => event.slice('workspaceContains:**/'.length));
    for (const [generator, files] of sites) {
      const found = await discoverSites(new MemoryFileSystem(files), ['/s'], { generators: GENERATORS });
      assert.deepEqual(found.map((site) => site.generator.kind), [generator], `the fixture is a ${generator} site`);
      const relative = Object.keys(files).map((path) => path.slice('/s/'.length));
      assert.ok(watched.some((pattern) => relative.includes(pattern)), `a workspaceContains event matches one of ${relative.join(', ')}`);
    }
  });

  it('names views, the preview panel and tree items as the code does', () => {
    const views = Object.values(manifest.contributes.views).flat().map((view) => view.id);
    assert.deepEqual(views, [Views.posts]);
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${Views.preview}`), 'a restored preview activates Postcraft');
    const menus = Object.values(manifest.contributes.menus).flat();
    const matched = new Set(menus.flatMap((entry) => [...(entry.when ?? '').matchAll(/viewItem == ([\w.]+)/g)].map((match) => match[1])));
    const kinds = new Set<string>([...Object.values(TreeItemKinds), ...Object.values(TreeGroupKinds)]);
    for (const kind of matched) assert.ok(kinds.has(kind), `menus match ${kind}, which no tree item has`);
    const commands = new Set<string>(Object.values(Commands));
    for (const entry of [...menus, ...(manifest.contributes.keybindings ?? [])]) assert.ok(commands.has(entry.command), `${entry.command} in menus or keybindings`);
  });

  it('names the extension as publisher.name', () => {
    assert.equal(EXTENSION_ID, `${manifest.publisher}.${manifest.name}`);
  });

  it('is the only place that spells an id: the code, the tests and the bench import them', () => {
    const ids = new Set<string>([
      EXTENSION_ID, ...Object.values(Commands), ...Object.values(InternalCommands), ...Object.values(Views),
      ...Object.values(TreeItemKinds), ...Object.values(TreeGroupKinds), ...Object.values(StatusBarItems),
      ...Object.entries(Settings).filter(([name]) => name !== 'section').map(([, key]) => `${Settings.section}.${key}`),
    ]);
    const constants = join(repo, 'src', 'vscode', 'constants.ts');
    const spelled: string[] = [];
    for (const file of ['src', 'test', 'bench'].flatMap((folder) => typeScriptFiles(join(repo, folder)))) {
      if (file === constants) continue;
      // Quoted strings only: comments name ids in backticks, and that is documentation.
      for (const match of readFileSync(file, 'utf8').matchAll(/'(postcraft\.[\w.]+)'|"(postcraft\.[\w.]+)"/g)) {
        const id = match[1] ?? match[2];
        if (ids.has(id)) spelled.push(`${relative(repo, file)}: ${id}`);
      }
    }
    assert.deepEqual(spelled, []);
  });
});

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'node_modules' ? [] : typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
