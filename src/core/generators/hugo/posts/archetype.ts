import { PostPlanError } from '../../../posts/plans';

/** What an archetype's template can ask about the new file (Hugo 0.111's archetype context, in part). */
export interface ArchetypeContext {
  /** `.Name`, `.File.ContentBaseName`: the file name without extension, a bundle's folder name. */
  readonly name: string;
  /** `.File.BaseFileName`: the file name without extension (`index` for a bundle). */
  readonly baseFileName: string;
  /** `.Date`: RFC 3339. */
  readonly date: string;
  /** `.Section`, `.Type`. */
  readonly section: string;
  readonly siteTitle: string;
}

/** Hugo's default archetype in 0.111, used when the site has none for the section nor a default. */
export const DEFAULT_ARCHETYPE = '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\ndraft: true\n---\n\n';

/**
 * Fills an archetype's Go template actions the way `hugo new` does, for the forms archetypes use:
 * `.Name`, `.File.ContentBaseName`, `.File.BaseFileName`, `.Date`, `.Section`, `.Type`, `.Site.Title`,
 * string literals, and the functions `replace`, `title`, `humanize`, `upper`, `lower`, `default`,
 * in calls and pipelines. Anything else is refused (a `PostPlanError` naming it): guessing would write
 * a front matter Hugo would not.
 */
export function renderArchetype(template: string, context: ArchetypeContext): string {
  return template.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (action: string, body: string) => {
    if (body.startsWith('/*')) return '';
    return evaluatePipeline(body, context, action);
  });
}

function evaluatePipeline(body: string, context: ArchetypeContext, action: string): string {
  const stages = splitOutside(body, '|');
  let value: string | undefined;
  for (const stage of stages) {
    const words = tokenize(stage.trim(), action);
    if (words.length === 0) throw unsupported(action);
    const args = words.slice(1).map((word) => operand(word, context, action));
    if (value !== undefined) args.push(value);
    value = words.length === 1 && value === undefined ? operand(words[0], context, action) : call(words[0], args, action);
  }
  return value ?? '';
}

function operand(word: string, context: ArchetypeContext, action: string): string {
  if (word.startsWith('"') || word.startsWith('`')) return word.slice(1, -1).replace(/\\(.)/g, '$1');
  switch (word) {
    case '.Name':
    case '.File.ContentBaseName':
    case '.File.TranslationBaseName':
      return context.name;
    case '.File.BaseFileName':
      return context.baseFileName;
    case '.Date':
      return context.date;
    case '.Section':
    case '.Type':
      return context.section;
    case '.Site.Title':
    case 'site.Title':
      return context.siteTitle;
    default:
      throw unsupported(action);
  }
}

function call(name: string, args: string[], action: string): string {
  switch (name) {
    case 'replace':
      if (args.length !== 3) throw unsupported(action);
      return args[0].split(args[1]).join(args[2]);
    case 'title':
      return args[0].replace(/(^|[\s-])(\p{Ll})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
    case 'humanize':
      return args[0].replace(/[-_]+/g, ' ').replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
    case 'upper':
      return args[0].toUpperCase();
    case 'lower':
      return args[0].toLowerCase();
    case 'default':
      return args[1] === '' ? args[0] : args[1];
    default:
      throw unsupported(action);
  }
}

function unsupported(action: string): PostPlanError {
  return new PostPlanError(`The archetype uses ${action}, which Postcraft cannot fill in; run "hugo new" for this one.`);
}

/** Words of one pipeline stage: strings (with escapes) and bare words, parenthesised calls refused. */
function tokenize(stage: string, action: string): string[] {
  const words: string[] = [];
  const pattern = /"(?:[^"\\]|\\.)*"|`[^`]*`|[^\s()]+|[()]/g;
  for (const match of stage.matchAll(pattern)) {
    if (match[0] === '(' || match[0] === ')') throw unsupported(action);
    words.push(match[0]);
  }
  return words;
}

function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      current += c;
      if (c === '\\' && quote === '"') current += text[++i] ?? '';
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') {
      quote = c;
      current += c;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}
