import { tagWords } from '../text/tagWords';

/**
 * Hexo tag plugin syntax: `{% name arg1 "arg two" %}` … `{% endname %}`.
 * Arguments are split on white space with single or double quotes grouping, as Hexo's tag
 * extension does (hexo `lib/extend/tag.ts`, which hands nunjucks' argument string to
 * `splitArgs`-like parsing: quoted runs keep their spaces and lose their quotes).
 */
export interface TagCall {
  readonly name: string;
  readonly args: readonly string[];
  /** The argument text as written. */
  readonly argText: string;
}

const TAG_OPEN = /^\{%-?\s*([A-Za-z_][\w-]*)([\s\S]*?)-?%\}/;

/** Reads a tag call at the start of `text`; `length` is how much of `text` it spans. */
export function readTagCall(text: string): (TagCall & { readonly length: number }) | undefined {
  const match = TAG_OPEN.exec(text);
  if (!match) return undefined;
  const argText = match[2].trim();
  return { name: match[1], args: splitTagArgs(argText), argText, length: match[0].length };
}

export function splitTagArgs(text: string): string[] {
  return tagWords(text).map((word) => word.value);
}

/** `{% endname %}` for a block tag. */
export function endTagPattern(name: string): RegExp {
  return new RegExp(`\\{%-?\\s*end${name.replace(/[-]/g, '\\-')}\\s*-?%\\}`);
}

/**
 * Splits `key:value` options (`lang:ts`, `line_number:false`) from positional arguments, as Hexo's
 * code tag does (hexo `lib/plugins/tag/code.ts` `parseArgs`).
 */
export function splitOptions(args: readonly string[], known: ReadonlySet<string>): { options: Map<string, string>; rest: string[] } {
  const options = new Map<string, string>();
  const rest: string[] = [];
  for (const arg of args) {
    const colon = arg.indexOf(':');
    const key = colon > 0 ? arg.slice(0, colon) : '';
    if (key && known.has(key)) options.set(key, arg.slice(colon + 1));
    else rest.push(arg);
  }
  return { options, rest };
}
