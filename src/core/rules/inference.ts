import { formatMomentDate } from '../site/dateFormat';
import { basename, dirname } from '../path';
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
  return basename(context.site.postFileName(context.path).slug);
}

/** Whether Hexo dates a post or draft that writes no `date` by its file name (`new_post_name` with `:year`, `:month`, `:day`). */
export function datedByFileName(context: RuleContext): boolean {
  if (context.kind === 'page') return false;
  return context.site.postFileName(context.path).date !== undefined;
}

/** A value a fix writes for a missing key; `safe` when it is what Hexo reads for the key today. */
export interface InferredValue {
  readonly text: string;
  readonly safe: boolean;
}

/**
 * The date Hexo gives a file that writes none, as `hexo new` writes dates. Posts and drafts: the date in
 * the file name (midnight, hexo `processor/post.ts`), else the file's birth time; pages: the file's
 * status-change time (hexo `processor/asset.ts`, `stats.ctime`). Without the file's times (a file not
 * yet saved) it is "now", which is no promise: Hexo will read whatever the disk says.
 */
export function unwrittenDate(context: RuleContext): InferredValue {
  if (context.kind !== 'page') {
    const parts = context.site.postFileName(context.path).date;
    if (parts) {
      const pad = (value: number): string => String(value).padStart(2, '0');
      return { text: `${parts.year}-${pad(parts.month)}-${pad(parts.day)} 00:00:00`, safe: true };
    }
  }
  const times = context.fileTimes;
  const time = context.kind === 'page' ? times?.changed ?? times?.created : times?.created;
  return time ? { text: siteDateText(context, time), safe: true } : { text: nowText(context), safe: false };
}

/**
 * The `updated` Hexo gives a file that writes none, by `updated_option`: the file's modification time
 * (`mtime`, the default) or its date (`date`); `empty` leaves it unset, so no value is Hexo's.
 */
export function unwrittenUpdated(doc: PostDocument, context: RuleContext): InferredValue {
  const option = context.site.config.updatedOption;
  if (option === 'date') {
    const written = context.site.generator.readDate(doc.data.date, context.site.config.timezone);
    return written ? { text: siteDateText(context, written), safe: true } : unwrittenDate(context);
  }
  const modified = context.fileTimes?.modified;
  if (option === 'mtime' && modified) return { text: siteDateText(context, modified), safe: true };
  return { text: nowText(context), safe: false };
}

/** An instant as `hexo new` writes dates, in the site's zone. */
export function siteDateText(context: RuleContext, date: Date): string {
  return formatMomentDate(date, HEXO_DATE_FORMAT, context.site.config.timezone);
}
