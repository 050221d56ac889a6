/** Posts written to hurt: shared by the unit tests, the CLI process test and the fuzzer. */

/** `levels` levels of `width` aliases each, the last one under `key` (the post: 9 and 9, tags). */
export function aliasBomb(levels: number, width: number, key = 'tags'): string {
  const lines = ['---', 'title: 炸弹', 'date: 2026-03-02 17:32:00', 'a0: &a0 x'];
  for (let level = 1; level <= levels; level++) {
    lines.push(`a${level}: &a${level} [${Array.from({ length: width }, () => `*a${level - 1}`).join(', ')}]`);
  }
  lines.push(`${key}: *a${levels}`, '---', '正文', '');
  return lines.join('\n');
}
