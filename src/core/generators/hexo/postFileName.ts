import { slugize } from '../../text/slugize';

/**
 * Reads the fields Hexo takes back out of a post's file name by its `new_post_name` rule
 * (hexo `lib/plugins/processor/post.ts` `parseFilename`, built on hexo-util's `Permalink`).
 */
export interface FileNameFields {
  readonly title: string;
  readonly year?: string;
  readonly month?: string;
  readonly day?: string;
  readonly i_month?: string;
  readonly i_day?: string;
  readonly hash?: string;
}

const SEGMENTS: Readonly<Record<string, string>> = {
  year: '(\\d{4})',
  month: '(\\d{2})',
  day: '(\\d{2})',
  i_month: '(\\d{1,2})',
  i_day: '(\\d{1,2})',
  hash: '([0-9a-f]{12})',
};

const PLACEHOLDER = /:(\w*[^_\W])/g;

const ruleCache = new Map<string, { regex: RegExp; names: string[] }>();

function compileRule(rule: string): { regex: RegExp; names: string[] } {
  let compiled = ruleCache.get(rule);
  if (!compiled) {
    const names: string[] = [];
    const escaped = rule.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&');
    const source = escaped.replace(PLACEHOLDER, (_match, name: string) => {
      names.push(name);
      return SEGMENTS[name] ?? '(.+?)';
    });
    compiled = { regex: new RegExp(`^${source}$`), names };
    ruleCache.set(rule, compiled);
  }
  return compiled;
}

function stripExtension(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(0, dot) : path;
}

/**
 * `relativePath` is the path below `_posts/` or `_drafts/`. When the rule does not match, the title is
 * the path itself, as in Hexo (which slugizes it; Postcraft keeps the name for display).
 */
export function parsePostFileName(newPostName: string, relativePath: string): FileNameFields {
  const { regex, names } = compileRule(stripExtension(newPostName));
  const path = stripExtension(relativePath);
  const match = regex.exec(path);
  if (!match) return { title: path };
  const fields: Record<string, string> = {};
  names.forEach((name, index) => {
    fields[name] = match[index + 1];
  });
  return { ...fields, title: fields.title ?? path };
}

/**
 * The slug Hexo gives a post (hexo `processor/post.ts` `parseFilename`): the rule's `:title`, else the
 * whole path below `_posts/` slugized, when the rule does not match or names no title.
 */
export function hexoPostSlug(newPostName: string, relativePath: string): string {
  const { regex, names } = compileRule(stripExtension(newPostName));
  const path = stripExtension(relativePath);
  const match = regex.exec(path);
  const titleAt = names.indexOf('title');
  return match && titleAt >= 0 ? match[titleAt + 1] : slugize(path);
}

/** The date a file name gives, as wall-clock parts, when the rule carries year, month and day. */
export function fileNameDateParts(fields: FileNameFields): { year: number; month: number; day: number } | undefined {
  const month = fields.month ?? fields.i_month;
  const day = fields.day ?? fields.i_day;
  if (!fields.year || !month || !day) return undefined;
  return { year: Number(fields.year), month: Number(month), day: Number(day) };
}
