/**
 * The `{% name args %}` tag the cursor is in on its line (Nunjucks in Hexo posts, Liquid in Jekyll's):
 * its name, and the argument the cursor is in (by index), for completion of names and arguments.
 */
export function openTagAt(text: string, offset: number): { name: string; nameStart: number; spaced: boolean; argument?: { index: number; start: number } } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const open = before.lastIndexOf('{%');
  if (open === -1 || before.indexOf('%}', open) !== -1) return undefined;
  const inside = before.slice(open + 2);
  const match = /^(-?\s*)([A-Za-z_][\w-]*)?/.exec(inside)!;
  const nameStart = lineStart + open + 2 + match[1].length;
  const name = match[2] ?? '';
  const spaced = /\s/.test(match[1]);
  const rest = inside.slice(match[0].length);
  if (rest === '') return { name, nameStart, spaced };
  if (!/^\s/.test(rest)) return undefined;
  // Arguments split as Hexo's tags and Liquid's markup are: white space outside quotes.
  const args = Array.from(rest.matchAll(/"[^"]*"?|'[^']*'?|\S+/g));
  const last = args[args.length - 1];
  const typingLast = last !== undefined && last.index! + last[0].length === rest.length;
  const restStart = lineStart + open + 2 + match[0].length;
  if (typingLast) return { name, nameStart, spaced, argument: { index: args.length - 1, start: restStart + last.index! } };
  return { name, nameStart, spaced, argument: { index: args.length, start: offset } };
}
