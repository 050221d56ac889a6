import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeFileSystem, toCorePath } from '../../src/cli/nodeFileSystem';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { checkPost, DEFAULT_SETTINGS, formatRuleMessage, type Diagnostic, type RuleContext } from '../../src/core/rules';
import { HEXO_TAG_PLUGINS } from '../../src/core/rules/templateCheck';
import { loadHexoSite } from '../../src/core/generators/hexo/hexoSite';
import { repo, scratchSite } from './scratchSite';

/**
 * Hexo is the oracle for which posts fail to render: each body below is rendered by Hexo 8.1.2's own
 * post renderer (`hexo.post.render`, the step `hexo generate` runs for every post, on the sample blog
 * so that `post_link` finds its posts), and checked by Postcraft as a post of the same site.
 * Postcraft reports an error on exactly the bodies Hexo fails on, one error, quoting what Hexo's
 * failure says, on the token where Nunjucks stopped. The one documented exception: a tag only a theme
 * registers (`{% note %}`), which stays PC508's warning (none when the post closes it).
 */
const CORPUS: readonly string[] = [
  // Expressions
  'Hello {{ title }}!\n',
  'a {{ a b }} b\n',
  'x\n\n{{ 1 + }}\n',
  '{{ {{ }}\n',
  'Text {{ a } stays text, and {{ title }} renders.\n',
  'Only {{ this, no template at all\n',
  'Vue: {{ a }} and {{ b\n',
  '{{ "}}" }}\n',
  '{{ title | upper }} {{ title | replace("O", "o") | lower }}\n',
  '{{ title | nofilter }}\n',
  '{{ nope() }}\n',
  '{{ nope.deeper() }}\n',
  '{{ title.toUpperCase() }} {{ x.y.z }}\n',
  '{% set f = range %}{{ f(2) | join }}\n',
  '{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m(1) }}\n',
  // Tags
  '{% if %}\n',
  'Before\n\n{% if x %}\nhi\n',
  '{% if x %}yes{% elif y %}maybe{% else %}no{% endif %}\n',
  'Text\n{% endif %}\n',
  '{% for i in [1, 2] %}{{ i }}{% endfor %}\n',
  '{% if x %}{% for i in y %}{% endif %}\n',
  '{%- if true -%} trimmed {%- endif -%}\n',
  '{% blockquote 作者 %}\n引用\n\n后文\n',
  '{% blockquote 作者 %}\n引用\n{% endblockquote %}\n',
  '{% codeblock %}\n{{ a b }}\n{% endcodeblock %}\n',
  '{% codeblock lang:js %}\nconst a = 1;\n{% endcodeblock %}\n',
  '{% note info %}\ntext\n{% endnote %}\n',
  '{% post_link build-a-hexo-blog %}\n',
  '{% post_link no-such-post %}\n',
  '{% asset_img nope.png %} {% url_for home / %}\n',
  // Comments
  '{# a comment #} and {{ title }}\n',
  '{# never closed {{ title }}\n',
  '{# {{ a b }} #} {{ title }}\n',
  // Raw blocks
  '{% raw %}{{ a b }}{% endraw %}\n',
  '{% raw %} never closed {{ a b\n',
  '`{% raw %}{{ a b }}{% endraw %}` and {{ title }}\n',
  // Code spans and fences
  '`{{ a b }}` and {{ title }}\n',
  '`{{ a`\n\n{{ title }}\n',
  '``{{ a ` b}}`` {{ title }}\n',
  '`unclosed {{ a b }}\n\nmore {{ title }}\n',
  '{% blockquote %}\n`{{ a b`\n{% endblockquote %}\n',
  '```\n{{ a b }}\n```\n{{ title }}\n',
  '~~~js\n{% if %}\n~~~\n{{ title }}\n',
  '```\nunclosed fence {{ a b }}\n\n{{ title }}\n',
  // HTML comments and HTML
  '<!-- {{ a b }} --> {{ title }}\n',
  '<!-- unclosed {{ a b }}\n\n{{ title }}\n',
  '<!-- unclosed, holding a raw\n{% endif %}\n\n{% raw %}\n',
  '{% if true %}<!-- {{ a b }} -->{% endif %}\n',
  '<code>{{ a b }}</code> {{ title }}\n',
  '<div>\n`{{ a`\n</div>\n\n{{ title }}\n',
  '\\{{ a b }} and \\{% if x %}{{ c d }}{% endif %} vanish, {{ title }} stays\n',
  '\\\\{{ a b }}: an escaped backslash escapes nothing else\n',
  // Indented code
  'Text\n\n    {{ a b }}\n\nAfter {{ title }}\n',
  '    {% if %}\n\n{{ title }}\n',
  'Text\n```\ncode\n```\n    {{ x | nope }}\n',
];

const FRONT_MATTER = '---\ntitle: Oracle\n---\n';
const BODY_LINE = 3;

interface HexoResult {
  ok: boolean;
  message?: string;
  line?: number;
  column?: number;
  lineText?: string;
}

/** What a failure is about, in the words both sides use: Nunjucks' message, or the render error's gist. */
function gist(hexoMessage: string): string {
  for (const known of ['filter not found', 'Unable to call', 'Post not found']) if (hexoMessage.includes(known)) return known;
  return hexoMessage.split('\n').map((line) => line.trim()).filter(Boolean).pop()!.replace(/^Error: /, '');
}

/** The token at a column: up to the next blank or tag. */
function tokenAt(line: string, column: number): string {
  return /^[^\s<]*/.exec(line.slice(column))![0];
}

describe('Postcraft reports an error on exactly the posts Hexo fails to render', function () {
  this.timeout(120_000);

  it(`on ${CORPUS.length} bodies, where Nunjucks stops, with its message`, async () => {
    assert.ok(CORPUS.length >= 40);
    const copy = scratchSite(join(repo, 'examples', 'hexo-blog'));
    try {
      const hexo = JSON.parse(execFileSync(process.execPath, [join(repo, 'test', 'oracle', 'hexoPostRender.cjs'), copy],
        { encoding: 'utf8', cwd: copy, input: JSON.stringify(CORPUS) })) as HexoResult[];
      assert.equal(hexo.length, CORPUS.length);
      const root = toCorePath(copy);
      const index = await SiteIndex.build(await loadHexoSite(nodeFileSystem, root), nodeFileSystem);
      const context: RuleContext = {
        path: `${index.site.sourceRoot}/_posts/oracle.md`, kind: 'post', site: index.site, index, now: new Date(), settings: DEFAULT_SETTINGS,
      };
      let failing = 0;
      CORPUS.forEach((body, at) => {
        const result = hexo[at];
        const text = FRONT_MATTER + body;
        const diagnostics = checkPost(text, context);
        const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
        const shown = (list: Diagnostic[]): string => list.map((d) => `${d.code} ${formatRuleMessage(d.message)}`).join(' | ') || 'none';
        const label = `${JSON.stringify(body)}: Hexo ${result.ok ? 'renders it' : `fails: ${result.message}`}; Postcraft: ${shown(diagnostics)}`;
        if (result.ok) {
          assert.deepEqual(errors, [], label);
          return;
        }
        failing++;
        const themeTag = /^unknown block tag: (.*)$/.exec(result.message!);
        if (themeTag && !themeTag[1].startsWith('end')) {
          // A theme's tag (PC508 warns when the post does not close it): not an error, and not Hexo's.
          assert.deepEqual(errors, [], label);
          assert.ok(!HEXO_TAG_PLUGINS.has(themeTag[1]), label);
          return;
        }
        assert.equal(errors.length, 1, label);
        const [error] = errors;
        if (error.code === 'PC506') {
          // Nunjucks reads on from an opener that never closes into the HTML Markdown put after it
          // (`{{ b</p>`: "unexpected token: /"), so its words depend on that HTML; the opener is the cause.
          const opener = error.fixes[0].edits[0].range.start;
          const cause = text.split('\n')[opener.line].slice(opener.character).replace(/\s+$/, '');
          assert.ok(result.lineText === undefined || result.lineText.includes(cause.slice(0, 4)), label);
          return;
        }
        assert.ok(formatRuleMessage(error.message).includes(gist(result.message!)), label);
        if (result.line !== undefined && result.lineText !== undefined) {
          // Nunjucks counts in the HTML Markdown made; the token it stopped on is the one we point at.
          const ourLine = text.split('\n')[error.range.start.line];
          assert.equal(tokenAt(ourLine, error.range.start.character), tokenAt(result.lineText, result.column! - 1), label);
          assert.ok(error.range.start.line >= BODY_LINE, label);
        }
      });
      assert.ok(failing >= 15, `Hexo fails on ${failing} bodies`);
    } finally {
      rmSync(resolve(copy, '..'), { recursive: true, force: true });
    }
  });
});
