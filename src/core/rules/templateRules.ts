import { Positions } from '../text/positions';
import type { TagToken, UnclosedToken } from './bodyScan';
import { insertEntry } from './frontMatterEdits';
import type { PostDocument } from './postDocument';
import { MAX_FINDINGS, message, type Rule } from './rule';
import { templateVerdict, type TemplateVerdict } from './templateCheck';
import type { Finding, Fix, RuleContext } from './types';

/**
 * The rules on a body's template syntax. One source of truth: Nunjucks' own parser on the text Hexo
 * gives it (templateCheck.ts). When it fails, Hexo fails the post, and exactly one error says where
 * Nunjucks stopped and what it said, under the code of its cause:
 * - PC506 when a `{{`, `{%` or `{#` before that point never closes (fix: wrap it in `{% raw %}`),
 * - PC505 when Nunjucks misses an end tag or meets a stray one (fix: add the end tag),
 * - PC509 for anything else (`{{ a b }}`, `{% if %}`, `{{ 1 + }}`).
 * When it parses, none of them reports: a `{% raw %}` that never closes is fine for Hexo.
 */

export function nunjucksOff(doc: PostDocument): boolean {
  return doc.data.disableNunjucks === true;
}

interface ParseFailure {
  readonly code: 'PC505' | 'PC506' | 'PC509';
  readonly finding: Finding;
}

const FAILURES = new WeakMap<PostDocument, ParseFailure | undefined>();

function parseFailure(doc: PostDocument, context: RuleContext): ParseFailure | undefined {
  if (FAILURES.has(doc)) return FAILURES.get(doc);
  const verdict = templateVerdict(doc, context.settings.customTags);
  const failure = verdict.kind === 'syntax' ? classify(doc, verdict) : undefined;
  FAILURES.set(doc, failure);
  return failure;
}

/** Nunjucks' messages when an end tag is missing or one closes nothing. */
const BLOCK_MESSAGE = /end of file|unknown block tag: end|expected .*\bend/;

function classify(doc: PostDocument, verdict: Extract<TemplateVerdict, { kind: 'syntax' }>): ParseFailure {
  const { offset } = verdict;
  const body = doc.body;
  const opener = firstUnclosed(body.unclosed, offset);
  if (opener) {
    return {
      code: 'PC506',
      finding: {
        range: errorRange(doc, offset, opener.start, opener.end),
        message: message('unclosedTemplate', opener.opener, lineOf(doc, opener.start), verdict.message),
        fixes: escapeFixes(doc, opener.start, opener.end, true),
      },
    };
  }
  const block = BLOCK_MESSAGE.test(verdict.message) ? blockProblem(body.tags) : undefined;
  if (block) {
    const { tag } = block;
    return {
      code: 'PC505',
      finding: block.kind === 'stray'
        ? { range: errorRange(doc, offset, tag.start, tag.end), message: message('strayEndTag', tag.name, verdict.message) }
        : {
          range: errorRange(doc, offset, tag.start, tag.end),
          message: message('unclosedBlockTag', tag.name, lineOf(doc, tag.start), verdict.message),
          fixes: [closeBlockFix(doc, tag.name, tag.end)],
        },
    };
  }
  const end = doc.text.length;
  return { code: 'PC509', finding: { range: errorRange(doc, offset, end, end), message: message('nunjucksSyntax', verdict.message) } };
}

/** The first opener that never closes, at or before where Nunjucks stopped. */
function firstUnclosed(unclosed: readonly UnclosedToken[], offset: number): UnclosedToken | undefined {
  const first = unclosed[0];
  return first && (offset === -1 || first.start <= offset) ? first : undefined;
}

/**
 * Where Nunjucks stopped, as a range over the token there (up to the next blank, on its line); where it
 * gives no position (an end of file), the range of the cause.
 */
function errorRange(doc: PostDocument, offset: number, start: number, end: number): Finding['range'] {
  if (offset === -1) return doc.range(start, end);
  const text = doc.text;
  let stop = offset;
  const lineEnd = doc.lineMap.lineEnd(doc.lineMap.positionAt(offset).line);
  while (stop < lineEnd && stop - offset < 40 && !/\s/.test(text[stop])) stop++;
  return doc.range(offset, Math.max(stop, Math.min(offset + 1, lineEnd)));
}

function lineOf(doc: PostDocument, offset: number): number {
  return doc.lineMap.positionAt(offset).line + 1;
}

/** Hexo's block tags and Nunjucks' (hexo `plugins/tag/index.ts`; Nunjucks `Parser#parseStatement`). */
const BLOCK_TAGS = ['quote', 'blockquote', 'code', 'codeblock', 'pullquote', 'if', 'for', 'asyncEach', 'asyncAll', 'macro', 'call',
  'filter', 'block', 'verbatim', 'raw', 'switch'];

/** Names that open a block: Hexo's and Nunjucks', plus any name whose `end...` the post writes. */
function blockNames(tags: readonly TagToken[]): Set<string> {
  const names = new Set(BLOCK_TAGS);
  for (const tag of tags) if (tag.name.startsWith('end') && tag.name.length > 3) names.add(tag.name.slice(3));
  return names;
}

/** The first end tag closing nothing, else the innermost block left open when its parent or the post ends. */
function blockProblem(tags: readonly TagToken[]): { kind: 'stray' | 'unclosed'; tag: TagToken } | undefined {
  const blocks = blockNames(tags);
  const stack: TagToken[] = [];
  // Where each name stands in the stack, so an end finds its opener without searching the stack.
  const depths = new Map<string, number[]>();
  for (const tag of tags) {
    if (tag.name.startsWith('end') && blocks.has(tag.name.slice(3))) {
      const at = depths.get(tag.name.slice(3))?.at(-1);
      if (at === undefined) return { kind: 'stray', tag };
      // Closing an outer block leaves the inner ones open: Nunjucks fails on the first of them.
      if (at < stack.length - 1) return { kind: 'unclosed', tag: stack[stack.length - 1] };
      stack.pop();
      depths.get(tag.name.slice(3))?.pop();
      continue;
    }
    if (blocks.has(tag.name)) {
      const list = depths.get(tag.name);
      if (list) list.push(stack.length);
      else depths.set(tag.name, [stack.length]);
      stack.push(tag);
    }
  }
  const open = stack[stack.length - 1];
  return open ? { kind: 'unclosed', tag: open } : undefined;
}

/** Adds `{% endname %}` after the paragraph that follows the tag (before the next blank line). */
function closeBlockFix(doc: PostDocument, name: string, after: number): Fix {
  const text = doc.text;
  // The first blank line after the tag's line, found once per post.
  const blank = blankLines(doc).startFrom(doc.nextLineStart(after));
  const at = blank === -1 ? text.length : blank;
  const needsBreakBefore = at > 0 && text[at - 1] !== '\n';
  const newText = `${needsBreakBefore ? doc.eol : ''}{% end${name} %}${doc.eol}`;
  return { title: message('fixCloseBlock', name), edits: [{ range: doc.range(at, at), newText }], preferred: true, safe: false };
}

const BLANK_LINES = new WeakMap<PostDocument, Positions>();

function blankLines(doc: PostDocument): Positions {
  let found = BLANK_LINES.get(doc);
  if (!found) {
    found = Positions.of(doc.text, /^[^\S\n]*$/gm);
    BLANK_LINES.set(doc, found);
  }
  return found;
}

/**
 * Fixes for template syntax meant as text: wrap it in `{% raw %}`, or turn Nunjucks off for the post.
 * Wrapping is `safe` where Hexo cannot build the post at all (PC506); where Hexo builds it with the
 * expression evaluated (PC507), what the braces meant is the writer's call.
 */
export function escapeFixes(doc: PostDocument, start: number, end: number, safe: boolean): Fix[] {
  const fixes: Fix[] = [{
    title: message('fixWrapInRaw'),
    edits: [{ range: doc.range(start, start), newText: '{% raw %}' }, { range: doc.range(end, end), newText: '{% endraw %}' }],
    preferred: true, safe,
  }];
  if (doc.parsed.valid && doc.parsed.format !== 'none') {
    const edit = insertEntry(doc, 'disableNunjucks', 'true');
    if (edit) fixes.push({ title: message('fixDisableNunjucks'), edits: [edit], preferred: false, safe: false });
  }
  return fixes;
}

function failureFor(code: ParseFailure['code']): Rule['check'] {
  return (doc, context) => {
    const failure = parseFailure(doc, context);
    return failure?.code === code ? [failure.finding] : [];
  };
}

/** PC505: Nunjucks misses a block's end tag, or meets an end tag closing nothing. */
export const unclosedBlockTag: Rule = { code: 'PC505', id: 'unclosed-block-tag', defaultSeverity: 'error', check: failureFor('PC505') };

/** PC506: a `{{`, `{%` or `{#` that never closes, in a post Hexo renders with Nunjucks. */
export const unclosedTemplate: Rule = { code: 'PC506', id: 'nunjucks-unclosed', defaultSeverity: 'error', check: failureFor('PC506') };

/** PC509: any other template syntax Nunjucks rejects (`{{ a b }}`, `{% if %}`), with its message. */
export const templateSyntax: Rule = { code: 'PC509', id: 'nunjucks-syntax', defaultSeverity: 'error', check: failureFor('PC509') };

/**
 * PC510: what Nunjucks parses but fails to render, known before rendering: `{{ x | nope }}` ("filter
 * not found"), `{{ nope() }}` ("Unable to call").
 */
export const renderFailure: Rule = {
  code: 'PC510', id: 'nunjucks-render-failure', defaultSeverity: 'error',
  check(doc, context) {
    const verdict = templateVerdict(doc, context.settings.customTags);
    if (verdict.kind !== 'ok') return [];
    return verdict.renderFailures.slice(0, MAX_FINDINGS).map((failure) => ({
      range: doc.range(failure.start, failure.end), message: message(failure.kind === 'filter' ? 'unknownFilter' : 'undefinedCall', failure.name),
    }));
  },
};

/** PC511: a post too large or too deeply nested for the template check, said rather than skipped silently. */
export const templateUnchecked: Rule = {
  code: 'PC511', id: 'nunjucks-unchecked', defaultSeverity: 'info',
  check(doc, context) {
    const verdict = templateVerdict(doc, context.settings.customTags);
    if (verdict.kind !== 'unchecked') return [];
    const at = doc.body.bodyOffset;
    const id = verdict.reason === 'size' ? 'templateUncheckedSize' : verdict.reason === 'tags' ? 'templateUncheckedTags' : 'templateUncheckedDepth';
    return [{ range: doc.range(at, doc.lineMap.lineEnd(doc.lineMap.positionAt(at).line)), message: message(id) }];
  },
};
