/**
 * A unified diff of two texts, line by line (Myers' O(ND) algorithm after trimming the common head
 * and tail, so a fix in a 1 MB post costs only its few changed lines). The output applies with
 * `git apply` or `patch -p1` from the folder the names are relative to.
 */

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** Lines with their line breaks kept, so a lost final newline shows as a change. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let endA = a.length;
  let endB = b.length;
  while (endA > head && endB > head && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (line: string): Op => ({ kind: ' ', line });
  return [...a.slice(0, head).map(same), ...myers(a.slice(head, endA), b.slice(head, endB)), ...a.slice(endA).map(same)];
}

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  // trace[d]: the furthest x on each diagonal before round d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= n + m; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset);
    }
  }
  return [];
}

function backtrack(trace: readonly Int32Array[], a: readonly string[], b: readonly string[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const previousX = v[offset + (down ? k + 1 : k - 1)];
    const previousY = previousX - (down ? k + 1 : k - 1);
    // The snake after the move: from just past it to (x, y).
    const afterMoveX = down ? previousX : previousX + 1;
    while (x > afterMoveX) {
      ops.push({ kind: ' ', line: a[--x] });
      y--;
    }
    if (down) ops.push({ kind: '+', line: b[previousY] });
    else ops.push({ kind: '-', line: a[previousX] });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x] });
    y--;
  }
  return ops.reverse();
}

/** `--- a/name`, `+++ b/name` and `@@` hunks with `context` lines around each change; '' when equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  // Line numbers (1-based) each op starts at, in the old and the new text.
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = 1;
  let w = 1;
  for (const op of ops) {
    oldLine.push(o);
    newLine.push(w);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') w++;
  }
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i] - context);
    let last = changed[i];
    while (i + 1 < changed.length && changed[i + 1] - last <= 2 * context) last = changed[++i];
    i++;
    const end = Math.min(ops.length, last + context + 1);
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(oldLine[start], oldCount)} +${range(newLine[start], newCount)} @@`);
    for (const op of hunk) {
      out.push(op.kind + op.line.replace(/\r?\n$/, (br) => (br === '\r\n' ? '\r' : '')));
      if (!op.line.endsWith('\n')) out.push('\\ No newline at end of file');
    }
  }
  return out.join('\n');
}

/** `start,count` as diff writes it: an empty side names the line before it; a count of one is left out. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
