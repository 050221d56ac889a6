import * as assert from 'node:assert/strict';
import { scanBody, type BodyScan } from '../../../src/core/rules/bodyScan';

/** What a scan found, in words: the first line of each fenced block, headings, links, tags, variables. */
function summary(text: string): Record<string, unknown> {
  const scan: BodyScan = scanBody(text, 0);
  return {
    fenced: scan.fencedCode.map((span) => text.slice(span.start, span.end).split('\n')[0]),
    headings: scan.headings.map((heading) => [heading.level, heading.text]),
    links: scan.links.map((link) => [link.url, link.image]),
    tags: scan.tags.map((tag) => tag.name),
    variables: scan.variables.map((variable) => variable.expression),
    template: scan.hasTemplateSyntax,
  };
}

// The scan skips ahead to the characters that can start something (a fence's backticks or tildes,
// `#`, `=`/`-` underlines, `{`, `<`, a link's `](`): these pin what it must still find around them.
describe('body scan', () => {
  it('finds consecutive, quoted, listed and tilde fences, and no fence mid-line or with a backtick in its info', () => {
    const text = 'intro\n```js\nlet a = "{{ x }}";\n```\n```\nsecond {% tag %}\n```\n> ```\n> quoted\n> ```\n- ```\n  listed\n  ```\n'
      + '~~~~\ntilde\n~~~~\n``` not`fence\ntext ``` mid-line\n```\nunclosed {% tag %}\n';
    assert.deepEqual(summary(text), {
      fenced: ['```js', '```', '> ```', '- ```', '~~~~'], headings: [], links: [],
      // Only the tag after the unclosed fence: Hexo renders an unclosed fence as text.
      tags: ['tag'], variables: [], template: true,
    });
  });

  it('finds ATX and one-line setext headings; not a list item or indented code above `---`, nor `#` without a space', () => {
    const text = '# One\n\nTitle\n===\n\nSub\n---\n\n- item\n---\n\n    indented\n---\n#nohash\n## Two ##\n';
    assert.deepEqual(summary(text).headings, [[1, 'One'], [1, 'Title'], [2, 'Sub'], [2, 'Two']]);
  });

  it('finds inline, reference and HTML link targets outside code', () => {
    const text = 'See [a](b.md) and ![i](/i.png "t").\n\n[r]: /ref.md\n\n<img src="x.png"> <a href=\'y.md\'>y</a>\n`[c](code.md)`\n';
    assert.deepEqual(summary(text).links, [['b.md', false], ['/i.png', true], ['/ref.md', false], ['x.png', true], ['y.md', false]]);
  });

  it('finds template syntax after long prose, leaving inline code, comments, <code> and raw blocks alone', () => {
    const text = `${'long prose '.repeat(50)}{% asset_img a.png "t t" %} \`{{ inline }}\` <!-- {{ c }} --> <code>{{ d }}</code> {{ v }} {# c #} {% raw %}{{ r }}{% endraw %}\n`;
    const found = summary(text);
    assert.deepEqual([found.tags, found.variables, found.template], [['asset_img'], ['v'], true]);
  });

  it('finds nothing in plain prose, and reads CRLF files the same way', () => {
    assert.deepEqual(summary('只有中文的段落，没有任何特殊符号。\n\n再来一段。\n'), { fenced: [], headings: [], links: [], tags: [], variables: [], template: false });
    const crlf = summary('# H\r\n\r\n```\r\ncode\r\n```\r\n[a](b.md)\r\n');
    assert.deepEqual([crlf.fenced, crlf.headings, crlf.links], [['```\r'], [[1, 'H']], [['b.md', false]]]);
  });
});

describe('body scan: the line table shared between scans', () => {
  it('gives a short post the same scan after a long one (no line of the earlier post shows through)', () => {
    const short = '# Title\n\nText [a](/a.png)\n\nSub\n---\n';
    const alone = summary(short);
    for (const lines of [300, 70_000]) {
      summary(`${'line\n'.repeat(lines)}# Deep\n\`\`\`\ncode\n\`\`\`\n`);
      assert.deepEqual(summary(short), alone, `after a post of ${lines} lines`);
    }
  });
});
