import type { RenderEnv } from './env';
import type { BodySyntax } from '../generators/generator';
import { headingBase, previewMarkdown } from './markdown';
import { bodySyntaxOf, generatorOf, type PreviewHeading } from './types';

/**
 * Rendering the body in sections, each cached by its source text, so that re-rendering after an
 * edit (the live preview renders on every keystroke) only renders the sections that changed.
 *
 * The body is cut only where markdown-it's result cannot depend on the cut: before an ATX heading at
 * column 0 that follows a blank line, outside fenced code, `$$` math, HTML comments and Hexo block
 * tags (`{% x %}` … `{% endx %}`). Such a heading ends every open container (lists, quotes, HTML
 * blocks of types 6 and 7, tables, paragraphs), so rendering the sections one after the other gives
 * the same HTML as rendering the body at once. What would make one part of the body change how
 * another renders makes the body render at once, uncached: reference definitions and footnotes
 * (document-wide), and HTML blocks that run across blank lines (`<pre>`, `<script>`, `<style>`,
 * `<textarea>`, `<?`, `<!X`, `<![CDATA[`).
 *
 * What a section's HTML depends on besides its text is part of its key or checked on reuse: its
 * first line, the render's settings (document, site, resource URLs, labels, tags enabled, excerpt
 * set), whether `<!-- more -->` was seen before it, and the heading ids taken before it. Sections
 * with tags that read other files or the index (`post_link`, `post_path`, `include_code`) are not
 * cached: those can change without the post changing.
 */
interface CachedSection {
  readonly html: string;
  /** Headings with their line relative to the section's start. */
  readonly headings: readonly PreviewHeading[];
  /** The slug base of each heading, in order. */
  readonly bases: readonly string[];
  /** For each heading slug base used: how many times it was taken before the section. */
  readonly slugsBefore: ReadonlyMap<string, number>;
  readonly moreSeenAfter: boolean;
}

interface DocumentCache {
  readonly settings: string;
  sections: Map<string, CachedSection>;
}

/** Per document, the sections of its last render. Bounded: a few documents, one render each. */
const documents = new Map<string, DocumentCache>();
const DOCUMENT_LIMIT = 8;
/** Bodies smaller than this render at once: splitting them costs more than it saves. */
const MIN_SPLIT_LENGTH = 4096;

/** Forgets every cached section (for benchmarks of a cold render, and tests). */
export function clearBlockCache(): void {
  documents.clear();
}

const UNSPLITTABLE = /<(?:pre|script|style|textarea)[\s>]|<\?|<!\[|<![A-Za-z]|\[\^|^ {0,3}\[[^\]\n]+\]:/im;
const UNCACHEABLE = /\{%-?\s*(?:post_link|post_path|include_code|include-code)\b/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TAG_OPEN = /^\s*\{%-?\s*([A-Za-z_][\w-]*)/;
const END_TAG = /\{%-?\s*end([A-Za-z_][\w-]*)/g;

/** Start offsets of the sections of `body` (the first is 0), and their first lines. */
export function splitSections(body: string, syntax?: BodySyntax): Array<{ readonly start: number; readonly line: number }> {
  const sections = [{ start: 0, line: 0 }];
  if (body.length < MIN_SPLIT_LENGTH || UNSPLITTABLE.test(body) || syntax?.unsplittable?.test(body)) return sections;
  const endNames = new Set(Array.from(body.matchAll(END_TAG), (match) => match[1]));
  const tags: string[] = [];
  let fence: { char: string; length: number } | undefined;
  let math = false;
  let comment = false;
  let previousBlank = false;
  let line = 0;
  for (let start = 0; start < body.length; line++) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const text = body.slice(start, end);
    const trimmed = text.trim();
    if (fence) {
      const close = FENCE.exec(text);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && text.slice(close[0].length).trim() === '') fence = undefined;
    } else if (math) {
      if (trimmed.endsWith('$$')) math = false;
    } else if (comment) {
      if (text.includes('-->')) comment = text.lastIndexOf('<!--') > text.lastIndexOf('-->');
    } else {
      if (previousBlank && tags.length === 0 && start > 0 && HEADING.test(text)) sections.push({ start, line });
      const open = FENCE.exec(text);
      if (open) {
        fence = { char: open[1][0], length: open[1].length };
      } else if (trimmed.startsWith('$$')) {
        math = !trimmed.slice(2).trim().endsWith('$$');
      } else if (text.includes('<!--')) {
        comment = text.lastIndexOf('<!--') > text.lastIndexOf('-->');
      }
      const tag = trimmed.startsWith('{%') ? TAG_OPEN.exec(trimmed) : null;
      if (tag) {
        const name = tag[1];
        if (name.startsWith('end')) {
          if (tags[tags.length - 1] === name.slice(3)) tags.pop();
        } else if (endNames.has(name)) {
          tags.push(name);
        }
      }
    }
    previousBlank = trimmed === '';
    start = end + 1;
  }
  return sections;
}

/** What the HTML of a section depends on besides its text, first line and the env state checked on reuse. */
function settingsKey(env: RenderEnv): string {
  const context = env.context;
  return JSON.stringify([
    context.documentPath,
    context.site?.root, context.site?.config, generatorOf(context)?.kind, context.syntax !== undefined,
    context.resourceUrl(context.documentPath),
    env.labels, env.tagsEnabled, env.excerptSet, env.lineOffset, env.math,
  ]);
}

/** Renders the body (markdown-it with the preview's rules), reusing unchanged sections of the last render. */
export function renderBody(body: string, env: RenderEnv): string {
  const md = previewMarkdown(bodySyntaxOf(env.context));
  if (body.length < MIN_SPLIT_LENGTH) return md.render(body, env);
  const key = env.context.documentPath;
  const settings = settingsKey(env);
  const cache = documents.get(key);
  if (!cache || cache.settings !== settings) {
    documents.delete(key);
    if (documents.size >= DOCUMENT_LIMIT) documents.delete(documents.keys().next().value as string);
    documents.set(key, { settings, sections: new Map() });
    // A first render has nothing to reuse: rendering the body at once saves the cost of many small
    // renders, and the next render fills the cache.
    return md.render(body, env);
  }
  const sections = splitSections(body, bodySyntaxOf(env.context));
  if (sections.length === 1) return md.render(body, env);
  const previous = cache.sections;
  const next = new Map<string, CachedSection>();
  const html: string[] = [];
  for (let i = 0; i < sections.length; i++) {
    const { start, line } = sections[i];
    const text = body.slice(start, sections[i + 1]?.start ?? body.length);
    const sectionKey = `${line}\u0000${env.moreSeen ? 1 : 0}\u0000${text}`;
    const cached = previous.get(sectionKey) ?? next.get(sectionKey);
    if (cached && slugsMatch(cached, env)) {
      reuse(cached, env, line);
      html.push(cached.html);
      next.set(sectionKey, cached);
      continue;
    }
    const deferredBefore = env.deferred;
    const section = renderSection(text, line, env);
    html.push(section.html);
    // A section with code or math left plain is rendered again once they are filled in.
    if (env.deferred === deferredBefore && !UNCACHEABLE.test(text) && !bodySyntaxOf(env.context)?.uncacheable?.test(text)) next.set(sectionKey, section);
  }
  cache.sections = next;
  return html.join('');
}

function renderSection(text: string, line: number, env: RenderEnv): CachedSection {
  const headingsBefore = env.headings.length;
  const sectionEnv: RenderEnv = { ...env, lineOffset: env.lineOffset + line };
  // The heading rule pushes to env.headings and counts slugs in env.slugs (shared with sectionEnv).
  const html = previewMarkdown(bodySyntaxOf(env.context)).render(text, sectionEnv);
  env.moreSeen = sectionEnv.moreSeen;
  env.deferred = sectionEnv.deferred;
  const headings = env.headings.slice(headingsBefore);
  const bases = env.headingBases?.slice(headingsBefore) ?? headings.map((heading) => headingBase(env, heading.text));
  const taken = new Map<string, number>();
  for (const base of bases) taken.set(base, (taken.get(base) ?? 0) + 1);
  const slugsBefore = new Map<string, number>();
  for (const [base, count] of taken) slugsBefore.set(base, (env.slugs.get(base) ?? 0) - count);
  return {
    html,
    headings: headings.map((heading) => ({ ...heading, line: heading.line - env.lineOffset - line })),
    bases,
    slugsBefore,
    moreSeenAfter: sectionEnv.moreSeen,
  };
}


function slugsMatch(section: CachedSection, env: RenderEnv): boolean {
  for (const [base, count] of section.slugsBefore) if ((env.slugs.get(base) ?? 0) !== count) return false;
  return true;
}

/** Replays what rendering the section did to the env: headings, slug counts, the more marker. */
function reuse(section: CachedSection, env: RenderEnv, line: number): void {
  for (const heading of section.headings) env.headings.push({ ...heading, line: heading.line + env.lineOffset + line });
  env.headingBases?.push(...section.bases);
  for (const base of section.bases) env.slugs.set(base, (env.slugs.get(base) ?? 0) + 1);
  env.moreSeen = section.moreSeenAfter;
}
