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

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|[\u{20000}-\u{2fa1f}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Counts the words of a Markdown body (front matter already removed). */
export function countWords(markdown: string, speed: ReadingSpeed = DEFAULT_READING_SPEED): WordCount {
  const prose = stripMarkdownSyntax(markdown);
  const cjkCharacters = (prose.match(CJK) ?? []).length;
  const words = (prose.replace(CJK, ' ').match(WORD) ?? []).length;
  const minutes = cjkCharacters / speed.cjkPerMinute + words / speed.wordsPerMinute;
  return { cjkCharacters, words, total: cjkCharacters + words, readingMinutes: Math.max(prose.trim() ? 1 : 0, Math.ceil(minutes)) };
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
