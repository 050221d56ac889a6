import * as assert from 'node:assert/strict';
import { MAX_CHECKED_BODY } from '../../../src/core/rules/templateCheck';
import { check, fixed, none, only } from './support';

const post = (body: string, fields = ''): string => `---\ntitle: Hello\ndate: 2026-01-01 10:00:00\n${fields}---\n${body}`;
const errorsOf = async (text: string): Promise<string[]> => (await check(text)).filter((d) => d.severity === 'error').map((d) => d.code);

describe('rules: template syntax read by Nunjucks (PC505, PC506, PC509–PC511)', () => {
  it('PC509 reports what Nunjucks rejects where it stops, in its words', async () => {
    assert.deepEqual(await only(post('a {{ a b }} b\n'), 'PC509'), [4, 7, 4, 8, 'Hexo fails to render this post: Nunjucks stops here with "expected variable end".']);
    assert.deepEqual(await only(post('x\n\n{{ 1 + }}\n'), 'PC509'), [6, 7, 6, 9, 'Hexo fails to render this post: Nunjucks stops here with "unexpected token: }}".']);
    assert.deepEqual(await only(post('{% if %}\n'), 'PC509'), [4, 6, 4, 8, 'Hexo fails to render this post: Nunjucks stops here with "unexpected token: %}".']);
    // One error per post: Nunjucks stops at the first.
    assert.deepEqual(await errorsOf(post('{{ a b }} {{ c d }}\n')), ['PC509']);
  });

  it('PC505 and PC506 report only what fails Nunjucks: an unclosed raw renders', async () => {
    await none(post('{% raw %} never closed, <b>{{ title }}</b>\n'), 'PC505');
    assert.deepEqual(await errorsOf(post('{% raw %} never closed, <b>{{ title }}</b>\n')), []);
    // Nunjucks keeps nothing raw after an unclosed raw: what follows is parsed.
    assert.deepEqual(await errorsOf(post('{% raw %} never closed {{ a b\n')), ['PC506']);
    assert.deepEqual(await only(post('Text\n{% endif %}\n'), 'PC505'), [5, 3, 5, 8,
      '{% endif %} closes no open tag: Hexo fails to render this post (Nunjucks: unknown block tag: endif).']);
    const text = post('{% if x %}\n{% for i in y %}\n{% endif %}\n');
    assert.deepEqual(await errorsOf(text), ['PC505']);
    assert.equal(await fixed(text, 'PC505'), post('{% if x %}\n{% for i in y %}\n{% endif %}\n{% endfor %}\n'));
    // `{# a` alone is no template: Hexo does not run Nunjucks on the post.
    assert.deepEqual(await errorsOf(post('{# a\n')), []);
    assert.deepEqual(await only(post('{# a {{ title }}\n'), 'PC506'), [4, 0, 4, 2,
      'The "{#" on line 5 starts a Nunjucks expression that never ends: Hexo fails to render this post (Nunjucks: expected end of comment, got end of file). '
      + 'Escape it with {% raw %} or set disableNunjucks: true.']);
  });

  it('reads the text Hexo hands to Nunjucks: code hidden, except inside a block tag or an HTML block', async () => {
    for (const body of ['`{{ a b }}` {{ title }}\n', '<!-- {{ a b }} --> {{ title }}\n', 'p\n\n    {{ a b }}\n\n{{ title }}\n', '<code>{{ a b }}</code> {{ title }}\n',
      '```\n{{ a b }}\n```\n{{ title }}\n', '```\nnever closed {{ a b }}\n\n{{ title }}\n', '{% raw %}{{ a b }}{% endraw %}\n',
      '<!-- never closed\n{% endif %}\n\n{% raw %}\n', '```\ncode\n```\n    {{ x | nope }}\n']) {
      assert.deepEqual(await errorsOf(post(body)), [], body);
    }
    assert.deepEqual(await errorsOf(post('{% blockquote %}\n`{{ a b`\n{% endblockquote %}\n')), ['PC509']);
    assert.deepEqual(await errorsOf(post('{% if true %}<!-- {{ a b }} -->{% endif %}\n')), ['PC509']);
    assert.deepEqual(await only(post('<div>\n`{{ a`\n</div>\n\n{{ title }}\n'), 'PC509'), [6, 1, 6, 6,
      'Hexo fails to render this post: Nunjucks stops here with "unexpected token: /".']);
    // After a backslash Hexo's placeholder is never restored, so Nunjucks never reads the tag (or its block).
    assert.deepEqual(await errorsOf(post('\\{{ a b }} \\{% if x %}{{ c d }}{% endif %} {{ title }}\n')), []);
    assert.deepEqual(await errorsOf(post('\\\\{{ a b }}\n')), ['PC509']);
    // A `<code>` holding a raw block is not escaped by Hexo.
    assert.deepEqual(await errorsOf(post('`{% raw %}{% endraw %} {{ a b }}` {{ title }}\n')), ['PC509']);
  });

  it('leaves tags only a theme knows to PC508, and posts with disableNunjucks alone', async () => {
    assert.deepEqual(await errorsOf(post('{% note info %}\ntext\n{% endnote %}\n{% tabs %}\n')), []);
    assert.deepEqual(await errorsOf(post('{% note info %}\n', '')), []);
    assert.deepEqual(await errorsOf(post('{% note info %}\n{{ a b }}\n{% endnote %}\n', '')), ['PC509']);
    assert.deepEqual(await errorsOf(post('{{ a b }} {% if %}\n', 'disableNunjucks: true\n')), []);
  });

  it('PC510 reports an unknown filter and a call of an undefined name, which fail the render', async () => {
    assert.deepEqual(await only(post('{{ title | nope }}\n'), 'PC510'), [4, 11, 4, 15,
      'Nunjucks has no filter "nope": Hexo fails to render this post ("filter not found").']);
    assert.deepEqual(await only(post('{{ helper.call() }}\n'), 'PC510'), [4, 3, 4, 9,
      '"helper" is not a field of this post nor defined in it: Hexo fails to render this post ("Unable to call helper").']);
    await none(post('{{ title | upper | replace("H", "h") }} {{ title.toUpperCase() }} {{ range(3) | join }}\n'), 'PC510');
    await none(post('{% set f = range %}{{ f(2) }} {% macro m(a) %}{{ a }}{% endmacro %}{{ m(1) }} {{ custom() }}\n', 'custom: x\n'), 'PC510');
    await none(post('{% filter upper %}x{% endfilter %}\n'), 'PC510');
    assert.deepEqual((await check(post('{% filter nope %}x{% endfilter %}\n'), 'PC510')).length, 1);
  });

  it('PC511 says when a post is too large or too deeply nested to check', async () => {
    const large = post('{{ a b }}\n' + 'x'.repeat(MAX_CHECKED_BODY));
    assert.deepEqual(await only(large, 'PC511'), [4, 0, 4, 9, 'Postcraft did not check the Nunjucks syntax of this post: its body is over 2 MB.']);
    assert.deepEqual(await errorsOf(large), []);
    const deep = post(`{{ ${'('.repeat(50_000)}1${')'.repeat(50_000)} }}\n`);
    assert.deepEqual(await only(deep, 'PC511'), [4, 0, 4, 100_007, 'Postcraft did not check the Nunjucks syntax of this post: its tags nest too deeply to parse.']);
    const many = post('{% a %}'.repeat(60_000) + '\n');
    assert.match((await only(many, 'PC511'))[4], /too many template tags/);
  });
});
