/**
 * Word counts for mixed Chinese/English writing: each CJK character (Han, kana, Hangul) counts as one
 * word, as Chinese word counters do; runs of letters and digits count as one word each. Markdown
 * syntax, URLs and code fences are left out so the number is the reader's, not the source's.
 */
export interface WordCount {
  readonly cjkCharacters: number;
  readonly words: number;
  /** cjkCharacters + words. */
  readonly total: number;
  /** Minutes, rounded up, at the given reading speeds. */
  readonly readingMinutes: number;
}

export interface ReadingSpeed {
  /** CJK characters a minute (300 is a common figure for Chinese prose). */
  readonly cjkPerMinute: number;
  /** Words a minute for other scripts. */
  readonly wordsPerMinute: number;
}

export const DEFAULT_READING_SPEED: ReadingSpeed = { cjkPerMinute: 300, wordsPerMinute: 200 };

/** Counts the words of a Markdown body (front matter already removed). */
export function countWords(markdown: string, speed: ReadingSpeed = DEFAULT_READING_SPEED): WordCount {
  const prose = stripMarkdownSyntax(markdown);
  const { cjkCharacters, words } = countProse(prose);
  const minutes = cjkCharacters / speed.cjkPerMinute + words / speed.wordsPerMinute;
  return { cjkCharacters, words, total: cjkCharacters + words, readingMinutes: Math.max(prose.trim() ? 1 : 0, Math.ceil(minutes)) };
}

function isCjk(codePoint: number): boolean {
  return (codePoint >= 0x3040 && codePoint <= 0x30ff) || (codePoint >= 0x3400 && codePoint <= 0x4dbf)
    || (codePoint >= 0x4e00 && codePoint <= 0x9fff) || (codePoint >= 0xf900 && codePoint <= 0xfaff)
    || (codePoint >= 0xac00 && codePoint <= 0xd7af) || (codePoint >= 0x20000 && codePoint <= 0x2fa1f);
}

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;

const OTHER = 0;
const LETTER_CLASS = 1;
const NUMBER_CLASS = 2;
const CJK_CLASS = 3;
type CharacterClass = typeof OTHER | typeof LETTER_CLASS | typeof NUMBER_CLASS | typeof CJK_CLASS;

/**
 * The class of each BMP character once looked up, plus one (0: not yet): Chinese prose is full of
 * full-width punctuation, and a Unicode property test per character would cost more than the count.
 */
const bmpClasses = new Uint8Array(0x10000);

/** CJK (counted one by one), a letter, a digit or other number, or anything else. */
function classOf(codePoint: number): CharacterClass {
  if (codePoint >= 0x10000) return lookUpClass(codePoint);
  const known = bmpClasses[codePoint];
  if (known !== 0) return (known - 1) as CharacterClass;
  const kind = lookUpClass(codePoint);
  bmpClasses[codePoint] = kind + 1;
  return kind;
}

function lookUpClass(codePoint: number): CharacterClass {
  if (isCjk(codePoint)) return CJK_CLASS;
  if (codePoint < 0x80) {
    if ((codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x41 && codePoint <= 0x5a)) return LETTER_CLASS;
    return codePoint >= 0x30 && codePoint <= 0x39 ? NUMBER_CLASS : OTHER;
  }
  const character = String.fromCodePoint(codePoint);
  if (LETTER.test(character)) return LETTER_CLASS;
  return NUMBER.test(character) ? NUMBER_CLASS : OTHER;
}

/**
 * One pass over the prose: each CJK character is a word; other words are runs of letters and
 * numbers, where an apostrophe followed by letters continues the word ("don't" is one) and a number
 * after such a part starts the next one. Counting in a loop keeps a 1 MB post in milliseconds.
 */
function countProse(prose: string): { cjkCharacters: number; words: number } {
  let cjkCharacters = 0;
  let words = 0;
  // 0: not in a word; 1: in a word; 2: in the letters after an apostrophe
  let state = 0;
  for (let i = 0; i < prose.length; i++) {
    let codePoint = prose.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < prose.length) {
      const low = prose.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (codePoint - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const kind = classOf(codePoint);
    if (kind === CJK_CLASS) {
      cjkCharacters++;
      state = 0;
    } else if (kind === LETTER_CLASS || (kind === NUMBER_CLASS && state === 1)) {
      if (state === 0) {
        words++;
        state = 1;
      }
    } else if (kind === NUMBER_CLASS) {
      words++; // a number right after an apostrophe part begins a new word
      state = 1;
    } else if ((codePoint === 0x27 || codePoint === 0x2019) && state !== 0) {
      const next = i + 1 < prose.length ? prose.codePointAt(i + 1)! : -1;
      if (next !== -1 && classOf(next) === LETTER_CLASS) {
        state = 2;
        i++;
        if (next > 0xffff) i++;
      } else {
        state = 0;
      }
    } else {
      state = 0;
    }
  }
  return { cjkCharacters, words };
}

function stripMarkdownSyntax(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ') // fenced code is not read as prose
    .replace(/\{%[\s\S]*?%\}/g, ' ') // Hexo tag plugin markers
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // keep link text, drop targets
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/`[^`\n]*`/g, ' ');
}
