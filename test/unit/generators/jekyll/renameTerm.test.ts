import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../../src/core/edits';
import { jekyllCategories, jekyllTags } from '../../../../src/core/generators/jekyll/terms';
import { loadJekyllSite } from '../../../../src/core/generators/jekyll/jekyllSite';
import { parseJekyllFrontMatter } from '../../../../src/core/generators/jekyll/frontMatter';
import { jekyllTermRenameEdits } from '../../../../src/core/generators/jekyll/posts/renameTerm';
import { planTaxonomyRename, postsKeepingFolderCategory, type TaxonomyRename } from '../../../../src/core/posts/renameTaxonomy';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const tag = (from: string, to: string): TaxonomyRename => ({ kind: 'tag', from, to });
const category = (from: string, to: string): TaxonomyRename => ({ kind: 'category', from: [from], to: [to] });
const renamed = (text: string, rename: TaxonomyRename) => applyTextEdits(text, jekyllTermRenameEdits(text, rename));
const post = (frontMatter: string) => `---\n${frontMatter}\n---\nBody with ruby in it\n`;

describe('Renaming Jekyll tags and categories', () => {
  it('replaces only the word in the whitespace-split string form', () => {
    assert.equal(renamed(post('tags: ruby web  rubyist'), tag('ruby', 'rails')), post('tags: rails web  rubyist'));
    assert.equal(renamed(post('tags: "ruby web"'), tag('web', 'www')), post('tags: "ruby www"'));
    assert.equal(renamed(post("tags: 'ruby web'"), tag('ruby', "it's")), post("tags: 'it''s web'"));
    // A name with a space cannot be a word: the value becomes a list.
    assert.equal(renamed(post('tags: ruby web'), tag('ruby', 'ruby lang')), post('tags: [ruby lang, web]'));
    // A word that would need quotes: the value is written again, quoted.
    assert.equal(renamed(post('tags: ruby web'), tag('ruby', '#1')), post('tags: "#1 web"'));
  });

  it('renames list items (nested too), the singular keys as one name, and category/categories', () => {
    assert.equal(renamed(post('tags: [ruby, "web"]'), tag('web', 'www')), post('tags: [ruby, "www"]'));
    assert.equal(renamed(post('tags:\n  - ruby\n  - [web, ruby]'), tag('ruby', 'rails')), post('tags:\n  - rails\n  - [web, rails]'));
    assert.equal(renamed(post('tag: ruby web'), tag('ruby web', 'rw')), post('tag: rw'));
    assert.equal(renamed(post('tag: ruby web'), tag('ruby', 'rails')), post('tag: ruby web'), 'tag: is never split');
    assert.equal(renamed(post('category: life\ncategories: life notes'), category('life', 'living')), post('category: living\ncategories: living notes'));
    assert.equal(renamed(post('categories: [2024, misc]'), category('2024', 'y2024')), post('categories: [y2024, misc]'));
    assert.equal(renamed(post('categories: [a, b]'), { kind: 'term', taxonomy: 'categories', from: 'b', to: 'c' }), post('categories: [a, c]'));
    assert.equal(renamed(post('categories: [a, b]'), { kind: 'category', from: ['b'], to: ['c', 'd'] }), post('categories: [a, c/d]'), 'flat: levels typed are one name');
    assert.equal(renamed(post('tags: [a]\nseries: [a]'), { kind: 'term', taxonomy: 'series', from: 'a', to: 'b' }), post('tags: [a]\nseries: [a]'), 'no other taxonomies');
  });

  it('is case-sensitive, as Jekyll is', () => {
    assert.equal(renamed(post('tags: [Ruby, ruby]'), tag('ruby', 'rails')), post('tags: [Ruby, rails]'));
    assert.equal(renamed(post('tags: Ruby'), tag('ruby', 'rails')), post('tags: Ruby'));
  });

  it('merges into a name the post already has: the old one goes', () => {
    assert.equal(renamed(post('tags: ruby web rails'), tag('ruby', 'rails')), post('tags: web rails'));
    assert.equal(renamed(post('tags: web ruby'), tag('ruby', 'web')), post('tags: web'));
    assert.equal(renamed(post('tags: [ruby, rails]'), tag('ruby', 'rails')), post('tags: [rails]'));
    assert.equal(renamed(post('tags: ruby'), tag('ruby', 'ruby')), post('tags: ruby'));
    assert.equal(renamed(post('tags: ruby ruby'), tag('ruby', 'rails')), post('tags: rails'), 'a repeat goes');
  });

  it('leaves Jekyll reading the new name where it read the old one', () => {
    const cases: Array<[string, 'tags' | 'categories', string, string]> = [
      ['tags: ruby web ruby', 'tags', 'ruby', 'rails'], ['tags: [a, [b, ruby]]', 'tags', 'ruby', 'rails'], ['tag: [ruby, x]\ntags: y', 'tags', 'ruby', 'x'],
      ['categories: life notes', 'categories', 'notes', 'life'], ['category: [a, b]', 'categories', 'b', 'c'],
    ];
    const read = (taxonomy: 'tags' | 'categories', data: Record<string, unknown>) => (taxonomy === 'tags' ? jekyllTags(data)
      : jekyllCategories({ ...data, categories: typeof data.categories === 'string' ? data.categories.split(/\s+/) : data.categories }));
    for (const [frontMatter, taxonomy, from, to] of cases) {
      const rename = taxonomy === 'tags' ? tag(from, to) : category(from, to);
      const before = read(taxonomy, parseJekyllFrontMatter(post(frontMatter)).data);
      const after = read(taxonomy, parseJekyllFrontMatter(renamed(post(frontMatter), rename)).data);
      assert.deepEqual([...new Set(after)].sort(), [...new Set(before.map((name) => (name === from ? to : name)))].sort(), frontMatter);
    }
  });

  it('reports the posts that keep a category from their folder, which it does not rename', async () => {
    const site = await loadJekyllSite(new MemoryFileSystem({ '/s/_config.yml': 'title: S\n' }), '/s');
    const posts = [
      { path: '/s/news/_posts/2026-01-01-a.md', kind: 'post' as const, text: post('categories: [news, misc]') },
      { path: '/s/_posts/2026-01-02-b.md', kind: 'post' as const, text: post('categories: news') },
      { path: '/s/news/_drafts/c.md', kind: 'draft' as const, text: post('title: C') },
      { path: '/s/news/index.md', kind: 'page' as const, text: post('title: Page') },
    ];
    const operations = planTaxonomyRename(posts, category('news', 'updates'), jekyllTermRenameEdits);
    assert.deepEqual(operations.map((operation) => (operation.kind === 'edit' ? operation.path : '')), ['/s/news/_posts/2026-01-01-a.md', '/s/_posts/2026-01-02-b.md']);
    assert.deepEqual(postsKeepingFolderCategory(site, posts, category('news', 'updates')), ['/s/news/_posts/2026-01-01-a.md', '/s/news/_drafts/c.md']);
    assert.deepEqual(postsKeepingFolderCategory(site, posts, tag('news', 'updates')), [], 'tags never come from folders');
  });
});
