import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { unifiedDiff } from '../../../src/cli/unifiedDiff';

/** Applies a unified diff the way `patch` does, checking every context and removed line against `before`. */
function applyPatch(before: string, patch: string): string {
  const old = before.split(/(?<=\n)/).filter((line) => line !== '');
  const lines = patch.split('\n').slice(2);
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[i]);
    assert.ok(header, `hunk header expected: ${lines[i]}`);
    const start = Number(header[1]) - (header[2] === '0' ? 0 : 1);
    while (at < start) out.push(old[at++]);
    while (i + 1 < lines.length && !lines[i + 1].startsWith('@@')) {
      const line = lines[++i];
      const noNewline = lines[i + 1] === '\\ No newline at end of file';
      if (noNewline) i++;
      const text = line.slice(1) + (noNewline ? '' : '\n');
      if (line[0] === '+') {
        out.push(text);
      } else {
        assert.equal(old[at], text, `line ${at + 1} of the old text`);
        at++;
        if (line[0] === ' ') out.push(text);
      }
    }
  }
  while (at < old.length) out.push(old[at++]);
  return out.join('');
}

describe('unifiedDiff', () => {
  it('writes git-style headers and hunks with three lines of context, merging close changes', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n';
    assert.equal(unifiedDiff(before, before.replace('b', 'B').replace('k\n', 'k\nl\n'), 'x.md'), [
      '--- a/x.md', '+++ b/x.md',
      '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e',
      '@@ -9,3 +9,4 @@', ' i', ' j', ' k', '+l',
    ].join('\n'));
    assert.equal(unifiedDiff(before, before, 'x.md'), '');
  });

  it('marks a missing final newline and keeps CRLF line ends visible', () => {
    assert.equal(unifiedDiff('---\r\ntitle: A\r\n---\r\nbody', '---\r\ntitle: A\r\ndate: 1\r\n---\r\nbody', 'y.md'), [
      '--- a/y.md', '+++ b/y.md', '@@ -1,4 +1,5 @@', ' ---\r', ' title: A\r', '+date: 1\r', ' ---\r', ' body', '\\ No newline at end of file',
    ].join('\n'));
  });

  it('always gives a patch that turns the old text into the new one', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'c\n', 'tags: [x]\n', '---\n', '\n', 'end');
    const text = fc.array(line, { maxLength: 30 }).map((lines) => lines.join(''));
    fc.assert(fc.property(text, text, (before, after) => {
      assert.equal(applyPatch(before, unifiedDiff(before, after, 'f.md')), after);
    }), { numRuns: 500 });
  });
});
