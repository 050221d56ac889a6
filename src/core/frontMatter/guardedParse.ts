import { logException } from '../log';
import { LineMap } from '../text/lineMap';
import type { FrontMatterError, ParsedFrontMatter } from './types';

/**
 * Runs a front-matter parser that must never throw: a bug or an engine limit (deep nesting) must not
 * take the editor down, nor go unseen. It is logged, and the post reads as front matter that could not
 * be read, with the consequence the generator gives unreadable front matter.
 */
export function parseWithoutThrowing(text: string, parser: string, effect: FrontMatterError['effect'], parse: (text: string) => ParsedFrontMatter): ParsedFrontMatter {
  try {
    return parse(text);
  } catch (error) {
    logException(`parsing ${parser} front matter`, error);
    return {
      format: 'none', bodyOffset: 0, data: {}, entries: [], valid: false,
      errors: [{ code: 'yaml-syntax', message: `The front matter could not be read: ${String(error)}`, range: new LineMap(text.slice(0, 1)).range(0, 0), effect }],
    };
  }
}
