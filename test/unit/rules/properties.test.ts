import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { applyTextEdits } from '../../../src/core/edits';
import { setLogPort } from '../../../src/core/log';
import { splitFrontMatter } from '../../../src/core/frontMatter';
import { checkPost, fixAll } from '../../../src/core/rules';
import { contextFor } from './support';

/** Pieces bloggers write, so that random posts reach the rules' interesting paths. */
const PIECES = ['---\n', ';;;\n', 'title: ', 'date: ', 'updated: ', 'tags: ', 'categories: ', 'tag: ', 'catagories: ', 'permalink: a/b',
  '[Go, go, 前段, ', ']', '\n  - ', '- [技术, 后 端]\n', '{a: b}', '2026-03-02 10:00:00+08:00', '2026年3月2日', '"', "'", '# ', '{{ x }}',
  '{{', '{% ', ' %}', '{% blockquote %}', '{% endblockquote %}', '{% raw %}', '{% endraw %}', '{% post_link nope %}', '{% asset_img a.png %}',
  '![i](x.png)', '`', '```\n', '\n', '\r\n', '\t', ' ', ':', '#', '~', 'null', 'JavaScript', 'disableNunjucks: true\n', '<!--', '-->'];

const postText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''));

function frontMatterParses(text: string): boolean {
  const split = splitFrontMatter(text);
  if (split.format !== 'yaml' || !split.content) return true;
  try {
    load(text.slice(split.content.start, split.content.end).replace(/\t/g, '  '));
    return true;
  } catch {
    return false;
  }
}

describe('rules on arbitrary text (property-based)', () => {
  it('never throw, and every fix of a post whose YAML parsed leaves YAML that parses', async () => {
    const context = await contextFor({ settings: { rules: { PC501: 'warning' } } });
    // checkPost swallows a rule's exception (and logs it): caught here per run, so that fast-check
    // shrinks the post that makes a rule throw.
    const logged: string[] = [];
    const restore = setLogPort({ exception: (where, error) => logged.push(`${where}: ${String(error)}`) });
    try {
      fc.assert(fc.property(postText, (text) => {
        logged.length = 0;
        const before = frontMatterParses(text);
        for (const diagnostic of checkPost(text, context)) {
          for (const fix of diagnostic.fixes) {
            const after = applyTextEdits(text, fix.edits);
            if (before && diagnostic.code !== 'PC506' && diagnostic.code !== 'PC507') {
              assert.ok(frontMatterParses(after), `${diagnostic.code} fix "${fix.title.id}" broke the YAML:\n${JSON.stringify(text)}\n→ ${JSON.stringify(after)}`);
            }
          }
        }
        const all = fixAll(text, context);
        if (before) assert.ok(frontMatterParses(all.text), `fix-all broke the YAML:\n${JSON.stringify(text)}\n→ ${JSON.stringify(all.text)}`);
        assert.deepEqual(logged, [], `a rule threw on ${JSON.stringify(text)}`);
      }), { numRuns: 1500 });
    } finally {
      restore();
    }
  });
});
