/** A word of a template tag (`{% name arg "two words" %}`) with its offsets in the text it was read from. */
export interface TagWord {
  readonly start: number;
  readonly end: number;
  /** The word, without the quotes that grouped it (escapes inside them kept as written). */
  readonly value: string;
}

/** White space separates words; single or double quotes keep spaces inside one, and `\` escapes a quote there. */
const WORD = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+)/g;

/**
 * The words of a tag between `from` and `to`: the one splitter for the renderer's tag arguments and
 * the rules' tag tokens. Matched inside the range only: on the whole text `\S+` would run on past
 * `%}` into what follows.
 */
export function tagWords(text: string, from = 0, to = text.length): TagWord[] {
  const words: TagWord[] = [];
  for (const match of text.slice(from, to).matchAll(WORD)) {
    const start = from + match.index;
    words.push({ start, end: start + match[0].length, value: match[1] ?? match[2] ?? match[3] });
  }
  return words;
}
