import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../../src/core/edits';
import { hugoTermRenameEdits } from '../../../../src/core/generators/hugo/posts/renameTerm';
import type { TaxonomyRename } from '../../../../src/core/posts/renameTaxonomy';

const renamed = (text: string, rename: TaxonomyRename) => applyTextEdits(text, hugoTermRenameEdits(text, rename));

describe('renaming a term on a Hugo page', () => {
  it('renames every spelling Hugo files under the term, in YAML, TOML and JSON', () => {
    assert.equal(renamed('---\ntags: [Go, " go ", Web]\n---\n', { kind: 'tag', from: 'go', to: 'Golang' }), '---\ntags: [Golang, Web]\n---\n');
    assert.equal(renamed('+++\ntags = ["GO", \'web\']\n+++\n', { kind: 'tag', from: 'go', to: 'Golang' }), '+++\ntags = ["Golang", \'web\']\n+++\n');
    assert.equal(renamed('{\n  "tags": ["go"]\n}\n', { kind: 'tag', from: 'Go', to: 'Golang' }), '{\n  "tags": ["Golang"]\n}\n');
  });

  it('finds the taxonomy whatever the case of its key, and a string value as one term', () => {
    assert.equal(renamed('---\nSeries: Intro Course\n---\n', { kind: 'term', taxonomy: 'series', from: 'intro-course', to: 'Basics' }), '---\nSeries: Basics\n---\n');
    // A string is never split: "Go, Rust" is one term (`go-rust`), not `go`.
    assert.deepEqual(hugoTermRenameEdits('+++\ntags = "Go, Rust"\n+++\n', { kind: 'tag', from: 'go', to: 'Golang' }), []);
  });

  it('merges into a term the page already has', () => {
    assert.equal(renamed('---\ntags:\n  - go\n  - golang\n  - web\n---\n', { kind: 'tag', from: 'go', to: 'Golang' }), '---\ntags:\n  - golang\n  - web\n---\n');
    assert.equal(renamed('+++\nseries = ["Intro", "Advanced"]\n+++\n', { kind: 'term', taxonomy: 'series', from: 'intro', to: 'advanced' }), '+++\nseries = ["Advanced"]\n+++\n');
  });

  it('writes what each dialect reads back as the same text', () => {
    // TOML literal strings cannot hold a quote; go-yaml v2 reads a plain `y` as true.
    assert.equal(renamed("+++\ntags = ['go']\n+++\n", { kind: 'tag', from: 'go', to: "It's" }), '+++\ntags = ["It\'s"]\n+++\n');
    assert.equal(renamed('---\ntags: [go]\n---\n', { kind: 'tag', from: 'go', to: 'y' }), '---\ntags: ["y"]\n---\n');
    assert.equal(renamed("---\ntags: ['go']\n---\n", { kind: 'tag', from: 'go', to: "It's" }), "---\ntags: ['It''s']\n---\n");
  });

  it('leaves a page alone when nothing names the term or its front matter is broken', () => {
    assert.deepEqual(hugoTermRenameEdits('---\ntags: [web]\n---\n', { kind: 'tag', from: 'go', to: 'Golang' }), []);
    assert.deepEqual(hugoTermRenameEdits('---\ntags: [go\n---\n', { kind: 'tag', from: 'go', to: 'Golang' }), []);
    assert.deepEqual(hugoTermRenameEdits('---\ntags: [Go]\n---\n', { kind: 'tag', from: 'Go', to: 'Go' }), []);
  });
});
