import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The Hexo injection grammar is data, not code: these tests check that the JSON is well formed and
 * that its regular expressions match the lines a Hexo author writes. The patterns are kept inside
 * the subset that Oniguruma (VS Code) and JavaScript's RegExp read the same way, so RegExp stands in
 * for the editor's engine here; the integration suite asserts real scopes in VS Code.
 */

interface Capture { name?: string; patterns?: Rule[] }
interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  patterns?: Rule[];
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const GRAMMAR_FILE = 'syntaxes/hexo-tags.tmLanguage.json';

function findRepoFile(relative: string): string {
  // Tests run from out/test/unit/grammar (compiled) or test/unit/grammar (sources): walk up.
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${relative} not found above ${__dirname}`);
    dir = parent;
  }
}

const grammarText = fs.readFileSync(findRepoFile(GRAMMAR_FILE), 'utf8');
const grammar = JSON.parse(grammarText) as Grammar;

function rule(key: string): Rule {
  const found = grammar.repository[key];
  assert.ok(found, `repository has no rule "${key}"`);
  return found;
}

function re(source: string | undefined): RegExp {
  assert.ok(source, 'rule has no regex');
  return new RegExp(source, 'g');
}

/** Every regex in the grammar, with a path for messages. */
function allRegexes(): Array<{ where: string; source: string }> {
  const out: Array<{ where: string; source: string }> = [];
  const visit = (r: Rule, where: string): void => {
    for (const key of ['match', 'begin', 'end'] as const) {
      const source = r[key];
      if (source !== undefined) out.push({ where: `${where}.${key}`, source });
    }
    r.patterns?.forEach((p, i) => visit(p, `${where}.patterns[${i}]`));
    for (const group of [r.captures, r.beginCaptures, r.endCaptures]) {
      for (const [n, c] of Object.entries(group ?? {})) c.patterns?.forEach((p, i) => visit(p, `${where}.captures[${n}][${i}]`));
    }
  };
  grammar.patterns.forEach((p, i) => visit(p, `patterns[${i}]`));
  for (const [key, r] of Object.entries(grammar.repository)) visit(r, `repository.${key}`);
  return out;
}

/** The top-level rules in order, resolved from their includes. */
function topLevelRules(): Array<{ key: string; rule: Rule }> {
  return grammar.patterns.map((p) => {
    const include = p.include ?? '';
    assert.ok(include.startsWith('#'), 'top-level patterns are repository includes');
    const key = include.slice(1);
    return { key, rule: rule(key) };
  });
}

/**
 * Which top-level rule TextMate would pick at the first match on a line: the earliest match wins,
 * and among matches at the same position the rule listed first.
 */
function firstRuleOn(line: string): { key: string; match: RegExpExecArray } | undefined {
  let best: { key: string; match: RegExpExecArray } | undefined;
  for (const { key, rule: r } of topLevelRules()) {
    const m = re(r.match ?? r.begin).exec(line);
    if (m && (!best || m.index < best.match.index)) best = { key, match: m };
  }
  return best;
}

describe('Hexo tag grammar (syntaxes/hexo-tags.tmLanguage.json)', () => {
  describe('file', () => {
    it('is JSON with a scope name and an injection selector for Markdown only', () => {
      assert.equal(grammar.scopeName, 'markdown.hexo.injection');
      assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
    });

    it('does not inject into fenced code, indented code, inline code or HTML comments', () => {
      for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-markup.raw', '-comment']) {
        assert.ok(grammar.injectionSelector.split(/\s+/).includes(excluded), `selector lacks ${excluded}`);
      }
    });

    it('resolves every include to a repository rule', () => {
      const includes = grammarText.match(/"include":\s*"#([^"]+)"/g) ?? [];
      assert.ok(includes.length > 0);
      for (const inc of includes) {
        const key = /#([^"]+)/.exec(inc)?.[1] ?? '';
        assert.ok(grammar.repository[key], `unresolved include #${key}`);
      }
    });

    it('compiles every regex with JavaScript RegExp (the Oniguruma subset we allow)', () => {
      const regexes = allRegexes();
      assert.ok(regexes.length >= 10);
      for (const { where, source } of regexes) {
        assert.doesNotThrow(() => new RegExp(source), `${where}: ${source}`);
        assert.doesNotMatch(source, /\(\?[imx]|\\[AzZGhH]|\(\?>|[*+?}]\+/, `${where} uses Oniguruma-only syntax`);
      }
    });

    it('names every scope with the .hexo suffix', () => {
      const names = grammarText.match(/"(?:name|contentName)":\s*"([^"]+)"/g) ?? [];
      for (const entry of names) {
        const scope = /:\s*"([^"]+)"/.exec(entry)?.[1] ?? '';
        if (entry.includes('"name": "Hexo')) continue; // the grammar's display name
        for (const part of scope.split(' ')) assert.match(part, /\.hexo$/, `scope ${part}`);
      }
    });
  });

  describe('tag plugins', () => {
    it('scopes the tag name of {% asset_img %} and keeps its arguments', () => {
      const m = re(rule('tag').match).exec('{% asset_img summit.png "香炉峰 上" %}');
      assert.ok(m);
      assert.equal(m[1], '{%');
      assert.equal(m[2], 'asset_img');
      assert.equal(m[3], 'summit.png "香炉峰 上"');
      assert.equal(m[4], '%}');
      assert.equal(rule('tag').captures?.['2']?.name, 'entity.name.tag.hexo');
    });

    it('matches tags without arguments, with whitespace control, and several on one line', () => {
      assert.ok(re(rule('tag').match).exec('{% pullquote %}'));
      assert.equal(re(rule('tag').match).exec('{%- codeblock lang:js -%}')?.[2], 'codeblock');
      const names = [...'See {% post_link a %} and {% post_link b \'B\' %}.'.matchAll(re(rule('tag').match))].map((m) => m[2]);
      assert.deepEqual(names, ['post_link', 'post_link']);
    });

    it('does not match text that only looks like a tag', () => {
      for (const line of ['{ % asset_img x.png %}', '100% sure {%', '{% %}', '{%asset_img x.png', 'a % b %} c']) {
        assert.equal(re(rule('tag').match).exec(line), null, line);
      }
    });

    it('gives end tags to the end-tag rule, which comes before the generic tag rule', () => {
      const found = firstRuleOn('{% endcodeblock %}');
      assert.equal(found?.key, 'end-tag');
      assert.equal(found?.match[2], 'endcodeblock');
      assert.equal(firstRuleOn('{% codeblock lang:ts %}')?.key, 'tag');
      assert.equal(rule('end-tag').captures?.['2']?.name, 'entity.name.tag.hexo');
    });

    it('highlights option keys, quoted strings, links and booleans inside the arguments', () => {
      const args = rule('tag').captures?.['3'];
      assert.equal(args?.name, 'meta.arguments.hexo');
      const inner = rule('arguments').patterns ?? [];
      const option = inner.find((p) => p.captures?.['1']?.name === 'variable.parameter.hexo');
      assert.deepEqual(re(option?.match).exec('config.ts lang:ts')?.slice(1, 4), ['lang', ':', 'ts']);
      assert.equal(re(option?.match).exec('https://hexo.io/docs'), null, 'a URL scheme is not an option');
      const link = inner.find((p) => p.name === 'markup.underline.link.hexo');
      assert.equal(re(link?.match).exec('"docs" https://hexo.io/docs/tag-plugins true')?.[0], 'https://hexo.io/docs/tag-plugins');
      const bool = inner.find((p) => p.name === 'constant.language.boolean.hexo');
      assert.equal(re(bool?.match).exec('true_story'), null);
      const double = (rule('string').patterns ?? []).find((p) => p.name === 'string.quoted.double.hexo');
      assert.equal(re(double?.match).exec('a "quoted \\"text\\"" b')?.[2], 'quoted \\"text\\"');
    });
  });

  describe('{% raw %} blocks', () => {
    it('begins at {% raw %} and ends at {% endraw %}', () => {
      const raw = rule('raw-block');
      assert.ok(re(raw.begin).exec('{% raw %}'));
      assert.ok(re(raw.begin).exec('{%- raw -%}'));
      assert.ok(re(raw.end).exec('{% endraw %}'));
      assert.equal(re(raw.begin).exec('{% rawfile x %}'), null);
      assert.equal(firstRuleOn('{% raw %}')?.key, 'raw-block');
    });

    it('leaves the body unhighlighted, as markup.raw', () => {
      const raw = rule('raw-block');
      assert.equal(raw.contentName, 'markup.raw.hexo');
      assert.deepEqual(raw.patterns, []);
    });
  });

  describe('{{ expressions }} and {# comments #}', () => {
    it('matches scaffold placeholders', () => {
      const expr = rule('expression');
      assert.equal(re(expr.match).exec('title: {{ title }}')?.[2], 'title');
      assert.equal(re(expr.match).exec('date: {{date}}')?.[2], 'date');
      assert.equal(re(expr.match).exec('{{ page.tags | join(", ") }}')?.[2], 'page.tags | join(", ")');
      assert.equal(re(expr.match).exec('{ { title } }'), null);
      assert.equal(expr.captures?.['2']?.name, 'variable.other.hexo');
    });

    it('matches Nunjucks comments', () => {
      assert.ok(re(rule('comment').match).exec('{# note to self #}'));
      assert.equal(re(rule('comment').match).exec('{# unterminated'), null);
    });
  });

  describe('<!-- more -->', () => {
    it('matches the excerpt marker the way Hexo does (/<!-- ?more ?-->/i)', () => {
      const more = rule('more');
      assert.equal(more.name, 'comment.block.more.hexo');
      assert.equal(more.captures?.['2']?.name, 'keyword.other.more.hexo');
      for (const line of ['<!-- more -->', '<!--more-->', '<!-- MORE -->', 'text <!-- more--> text']) {
        assert.ok(re(more.match).exec(line), line);
      }
      for (const line of ['<!--  more -->', '<!-- more than this -->', '<!-- nomore -->', '<!- more ->']) {
        assert.equal(re(more.match).exec(line), null, line);
      }
    });

    it('wins over every other rule on its line', () => {
      assert.equal(firstRuleOn('<!-- more -->')?.key, 'more');
    });
  });
});
