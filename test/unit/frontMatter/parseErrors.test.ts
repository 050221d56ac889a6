import * as assert from 'node:assert/strict';
import { parseFrontMatter, MAX_FRONT_MATTER_LENGTH } from '../../../src/core/frontMatter';

describe('parseFrontMatter on broken input', () => {
  it('reports broken YAML where js-yaml stops, and recovers the keys around it', () => {
    const text = '---\ntitle: 标题\ntags: [a, b\ndate: 2026-03-02\nok: 1\n---\nbody';
    const parsed = parseFrontMatter(text);
    assert.equal(parsed.valid, false);
    assert.equal(parsed.errors.length, 1);
    const [error] = parsed.errors;
    assert.equal(error.code, 'yaml-syntax');
    assert.equal(error.effect, 'drop');
    assert.match(error.message, /missed comma/);
    assert.deepEqual(error.range.start, { line: 3, character: 0 });
    assert.equal(text.slice(error.range.startOffset, error.range.endOffset), 'date:');
    assert.equal(parsed.data.title, '标题');
    assert.equal(parsed.data.ok, 1);
    assert.deepEqual(parsed.entries.map((e) => e.key), ['title', 'tags', 'date', 'ok']);
    assert.equal(text.slice(parsed.bodyOffset), 'body');
  });

  it('reports a bad indentation at the right column', () => {
    const text = '---\ntitle: a\nauthor: b: c\n---\n';
    const [error] = parseFrontMatter(text).errors;
    assert.equal(error.code, 'yaml-syntax');
    assert.deepEqual(error.range.start, { line: 2, character: 9 });
  });

  it('maps an error position back through expanded tabs and CRLF', () => {
    const text = '---\r\ntitle: a\r\ntags:\r\n\t- x\r\n\t- y: : z\r\n---\r\n';
    const parsed = parseFrontMatter(text);
    const [error] = parsed.errors;
    assert.equal(error.code, 'yaml-syntax');
    assert.equal(error.range.start.line, 4);
    assert.ok(error.range.startOffset >= text.indexOf('\t- y') && error.range.startOffset < text.indexOf('---', 5));
    assert.equal(parsed.data.title, 'a');
  });

  it('reports duplicate keys as Hexo does (js-yaml rejects them) and keeps the first value', () => {
    const parsed = parseFrontMatter('---\ntitle: a\ntitle: b\n---\n');
    assert.equal(parsed.errors[0].code, 'yaml-syntax');
    assert.match(parsed.errors[0].message, /duplicated mapping key/);
    assert.equal(parsed.errors[0].range.start.line, 2);
    assert.equal(parsed.data.title, 'a');
  });

  it('reports broken YAML even without an opening separator (Hexo drops the post)', () => {
    const parsed = parseFrontMatter('a: b: c\n---\nbody');
    assert.equal(parsed.errors[0].code, 'yaml-syntax');
    assert.equal(parsed.format, 'yaml');
  });

  it('reports an unclosed front matter: no data, the whole file is the body', () => {
    const parsed = parseFrontMatter('---\ntitle: a\n\n# Body\n');
    assert.equal(parsed.format, 'none');
    assert.equal(parsed.block, undefined);
    assert.deepEqual(parsed.data, {});
    assert.equal(parsed.bodyOffset, 0);
    assert.equal(parsed.errors[0].code, 'unclosed');
    assert.equal(parsed.errors[0].effect, 'body-only');
    assert.deepEqual([parsed.errors[0].range.startOffset, parsed.errors[0].range.endOffset], [0, 3]);
  });

  it('reports a front matter that is a single value or a list as not a mapping', () => {
    const scalar = parseFrontMatter('---\njust text\n---\nbody');
    assert.equal(scalar.errors[0].code, 'not-a-mapping');
    assert.equal(scalar.errors[0].effect, 'body-only');
    const list = parseFrontMatter('---\n- a\n- b\n---\nbody');
    assert.equal(list.errors[0].code, 'not-a-mapping');
    assert.equal(list.errors[0].effect, 'drop');
    assert.deepEqual(list.data, {});
  });

  it('reports broken ;;; JSON with a position and recovers the entries that parse', () => {
    const text = ';;;\n"title": "a",\n"tags": ["x" "y"],\n"n": 2\n;;;\nbody';
    const parsed = parseFrontMatter(text);
    assert.equal(parsed.valid, false);
    assert.equal(parsed.errors[0].code, 'json-syntax');
    assert.equal(parsed.errors[0].effect, 'body-only');
    assert.equal(parsed.errors[0].range.startOffset, text.indexOf('"y"'));
    assert.deepEqual(parsed.data, { title: 'a', n: 2 });
  });

  it('reports a trailing comma in ;;; JSON', () => {
    const parsed = parseFrontMatter(';;;\n"title": "a",\n;;;\n');
    assert.equal(parsed.errors[0].code, 'json-syntax');
    assert.deepEqual(parsed.data, { title: 'a' });
  });

  it('reports binary files without parsing them', () => {
    const parsed = parseFrontMatter('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR');
    assert.equal(parsed.errors[0].code, 'binary');
    assert.equal(parsed.errors[0].range.startOffset, 8);
    assert.equal(parsed.format, 'none');
  });

  it('only splits a front matter beyond the size cap', () => {
    const text = '---\n' + 'k: v\n'.repeat(MAX_FRONT_MATTER_LENGTH / 4) + '---\nbody';
    const started = Date.now();
    const parsed = parseFrontMatter(text);
    assert.equal(parsed.errors[0].code, 'too-large');
    assert.equal(text.slice(parsed.bodyOffset), 'body');
    assert.ok(Date.now() - started < 1000);
  });

  it('never throws on deeply nested flow collections', () => {
    const deep = '---\nx: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n---\n';
    const parsed = parseFrontMatter(deep);
    assert.ok(Array.isArray(parsed.errors));
  });
});
