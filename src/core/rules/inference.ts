import { formatMomentDate } from '../site/dateFormat';
import { basename, dirname } from '../path';
import { parsePostFileName } from '../site/postFileName';
import type { PostDocument } from './postDocument';
import type { RuleContext } from './types';

/** How `hexo new` writes dates (hexo `lib/hexo/post.ts`), in the site's zone. */
export const HEXO_DATE_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** "Now" as `hexo new` would write it for this site. */
export function nowText(context: RuleContext): string {
  return formatMomentDate(context.now, HEXO_DATE_FORMAT, context.site.config.timezone);
}

/** A title for a post without one: its first H1, else what Hexo takes from the file name. */
export function inferTitle(doc: PostDocument, context: RuleContext): string {
  const heading = doc.body.headings.find((candidate) => candidate.level === 1 && candidate.text !== '');
  if (heading) return heading.text;
  if (context.kind === 'page') {
    const name = basename(context.path).replace(/\.[^.]+$/, '');
    return name === 'index' ? basename(dirname(context.path)) : name;
  }
  const fields = parsePostFileName(context.site.config.newPostName, context.site.postRelativePath(context.path));
  return basename(fields.title);
}
