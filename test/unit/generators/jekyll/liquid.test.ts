import * as assert from 'node:assert/strict';
import { scanLiquid, type LiquidTag } from '../../../../src/core/generators/jekyll/liquid';

describe('scanLiquid: the Liquid a Jekyll post holds, with offsets', () => {
  it('finds outputs and tags with the ranges of their markup', () => {
    const text = 'a {{ page.title | upcase }} b {% include x.html p="1" %}';
    const [output, tag] = scanLiquid(text);
    assert.equal(output.kind, 'output');
    assert.equal(text.slice(output.start, output.end), '{{ page.title | upcase }}');
    assert.ok(output.kind === 'output' && output.markup === 'page.title | upcase' && text.startsWith('page.title', output.markupStart));
    assert.ok(tag.kind === 'tag');
    assert.equal(tag.name, 'include');
    assert.equal(tag.markup, 'x.html p="1"');
    assert.equal(text.slice(tag.nameStart, tag.nameStart + 7), 'include');
    assert.equal(text.slice(tag.markupStart, tag.markupStart + 6), 'x.html');
    assert.equal(text.slice(tag.start, tag.end), '{% include x.html p="1" %}');
  });

  it('reads whitespace control and tags that span lines', () => {
    const [tag] = scanLiquid('{%- if a\n  and b -%}');
    assert.ok(tag.kind === 'tag' && tag.trimLeft && tag.trimRight && tag.name === 'if' && tag.markup === 'a\n  and b');
  });

  it('keeps a raw body unread to the first endraw, and a comment to its matching endcomment', () => {
    const text = '{% raw %}{{ x }}{% if %}{% endraw %}{% comment %}{% comment %}in{% endcomment %}still{% endcomment %}after{{ y }}';
    const tokens = scanLiquid(text);
    assert.deepEqual(tokens.map((token) => token.kind), ['raw', 'comment', 'output']);
    const [raw, comment] = tokens;
    assert.ok(raw.kind === 'raw' && raw.closed);
    assert.equal(text.slice(raw.bodyStart, raw.bodyEnd), '{{ x }}{% if %}');
    assert.ok(comment.kind === 'comment' && comment.closed);
    assert.equal(text.slice(comment.bodyStart, comment.bodyEnd), '{% comment %}in{% endcomment %}still');
    assert.equal(text.slice(comment.end, comment.end + 5), 'after');
  });

  it('pairs blocks with their end tags, nesting counted, and marks what has no partner', () => {
    const tokens = scanLiquid('{% if a %}{% for x in y %}{% endfor %}{% else %}{% endif %}{% note %}{% endnote %}{% unless b %}{% endcapture %}') as LiquidTag[];
    const names = tokens.map((token) => token.name);
    assert.deepEqual(names, ['if', 'for', 'endfor', 'else', 'endif', 'note', 'endnote', 'unless', 'endcapture']);
    assert.equal(tokens[0].pair, 4);
    assert.equal(tokens[4].pair, 0);
    assert.equal(tokens[1].pair, 2);
    assert.equal(tokens[3].pair, undefined, 'a branch belongs to its block');
    assert.equal(tokens[5].pair, 6, "a plugin's block is paired by its end tag");
    assert.equal(tokens[7].unmatched, true, 'unless is never closed');
    assert.equal(tokens[8].unmatched, true, 'endcapture closes nothing');
  });

  it('says where a tag or output is never closed', () => {
    const tokens = scanLiquid('text {% raw %} open\n{{ x ');
    assert.equal(tokens[0].kind, 'raw');
    assert.ok(tokens[0].kind === 'raw' && !tokens[0].closed && tokens[0].end === 'text {% raw %} open\n{{ x '.length);
    const unterminated = scanLiquid('a {{ b');
    assert.deepEqual(unterminated, [{ kind: 'unterminated', start: 2, end: 6, opener: '{{' }]);
  });
});
