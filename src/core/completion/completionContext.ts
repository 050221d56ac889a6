import { splitFrontMatter, type FrontMatterSplit } from '../frontMatter';
import { NONE, type CompletionContext, type Span } from './contextTypes';
import { CR, lineBreakAt, lineEndOf, nextLineStart } from '../text/lines';
import { analyzeYaml, isOwnerLine, keyColon } from './yamlContext';
import { analyzeJson } from './jsonContext';
import { analyzeToml } from './tomlContext';


/**
 * Where the cursor is in a post's front matter, found from the characters around it rather than from
 * a parse: while the writer types, the YAML is broken more often than not (`tags: [a, ` has no `]`
 * yet), and completion must still know it is in the second item of the `tags` flow list.
 *
 * The analysis reads only the front matter (Hexo's split tells where it is), line by line: a line
 * starting in column 0 holds a top-level key, and the lines after it up to the next such line hold
 * its value — a scalar, a flow list `[a, b]` (possibly over several lines), or a block list of `- a`
 * items, whose items may themselves be lists (`- [A, B]`, or a block list below a bare `-` or after
 * `- - `: a category hierarchy). A quoted value may run over lines; those lines hold no keys. Hexo's
 * `;;;` JSON front matter is read as entries `"key": value` separated by commas.
 */

export function analyzeCompletionContext(text: string, offset: number, splitOf: (text: string) => FrontMatterSplit = splitFrontMatter): CompletionContext {
  if (offset < 0 || offset > text.length) return NONE;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const split = splitOf(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  let region: Span;
  let format: 'yaml' | 'json' | 'toml';
  if (split.format !== 'none' && split.content) {
    region = split.content;
    format = split.format;
    // A JSON object (Hugo's `{ }`): its entries are inside the braces.
    if (format === 'json' && text[region.start] === '{') region = { start: region.start + 1, end: Math.max(region.start + 1, region.end - 1) };
    // Without an opening `---`, Hexo takes whatever precedes the first `---` line as front matter; a
    // body with a horizontal rule must not get key suggestions, so insist it already reads like keys.
    if (!split.openingFence && !looksLikeEntries(text, region, format, offset)) return NONE;
  } else if (split.unclosedOpening) {
    // `---` typed, the closing one not yet: the front matter runs to the next separator-like line.
    const opening = split.unclosedOpening;
    if (offset <= lineEndOf(text, opening.end, text.length)) {
      // Only a bare `---` so far: offer the whole front matter; with keys below, leave them alone.
      return text.slice(opening.end).trim() === '' ? newFrontMatter(text, bom, offset, eol) : NONE;
    }
    const start = opening.end + lineBreakAt(text, opening.end);
    if (start === opening.end) return NONE;
    region = { start, end: unclosedRegionEnd(text, start, text.charCodeAt(opening.start)) };
    const fence = text.charCodeAt(opening.start);
    format = fence === 0x3b ? 'json' : fence === 0x2b ? 'toml' : 'yaml';
  } else {
    return newFrontMatter(text, bom, offset, eol);
  }
  if (offset < region.start || offset > region.end) return NONE;
  if (format === 'toml') return analyzeToml(text, region, offset, eol);
  return format === 'json' ? analyzeJson(text, region, offset, eol) : analyzeYaml(text, region, offset, eol);
}

/** In a file without front matter, on its first line, before anything but dashes: offer a whole one. */
function newFrontMatter(text: string, bom: number, offset: number, eol: string): CompletionContext {
  const firstLineEnd = lineEndOf(text, bom, text.length);
  if (offset < bom || offset > firstLineEnd) return NONE;
  const line = text.slice(bom, firstLineEnd);
  if (!/^-*\s*$/.test(line)) return NONE;
  const dashesEnd = bom + line.length - line.replace(/^-*/, '').length;
  return { kind: 'newFrontMatter', replace: { start: bom, end: Math.max(offset, dashesEnd) }, eol, lineBreakFollows: firstLineEnd < text.length };
}

function looksLikeEntries(text: string, region: Span, format: 'yaml' | 'json' | 'toml', offset: number): boolean {
  for (let line = region.start; line < region.end; line = nextLineStart(text, line, region.end)) {
    const end = lineEndOf(text, line, region.end);
    if (offset >= line && offset <= end) continue;
    const content = text.slice(line, end);
    if (content.trim() === '' || content.startsWith('#')) continue;
    if (format === 'toml') return /^\s*[\w-]+\s*=/.test(content);
    return format === 'json' ? /^\s*"[^"]*"\s*:/.test(content) : keyColon(text, line, end) !== -1 && isOwnerLine(text, line, end);
  }
  return false;
}

/** The end of an unclosed front matter: the next line that starts a separator run or a code fence. */
function unclosedRegionEnd(text: string, start: number, separator: number): number {
  for (let line = start; line < text.length; line = nextLineStart(text, line, text.length)) {
    const c = text.charCodeAt(line);
    if ((c === separator && text.charCodeAt(line + 1) === separator && text.charCodeAt(line + 2) === separator)
      || text.startsWith('```', line) || text.startsWith('~~~', line)) {
      return Math.max(start, line - (text.charCodeAt(line - 2) === CR ? 2 : 1));
    }
  }
  return text.length;
}

export type { CompletionContext, KeyContext, ListItem, NewFrontMatterContext, ScalarItem, Span, ValueContext, ValueItem, ValueSlot } from './contextTypes';
