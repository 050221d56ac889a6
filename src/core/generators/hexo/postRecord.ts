import { readFrontMatterData, readHexoDate } from '../../frontMatter';
import type { HexoSite } from './hexoSite';
import { fileNameDateParts, parsePostFileName } from './postFileName';
import { categoriesOf, tagsOf } from './taxonomy';
import type { PostKind, PostRecord } from '../../site/types';

/**
 * What the index keeps of one post, read the way Hexo's post processor reads it
 * (hexo `lib/plugins/processor/post.ts`). Never throws: a broken post gets `error` and no metadata,
 * as Hexo drops it.
 */
export function readPostRecord(site: HexoSite, path: string, kind: PostKind, text: string): PostRecord {
  const read = readFrontMatterData(text);
  const data = read.error ? {} : read.data;
  const { timezone } = site.config;
  const fileName = kind === 'page' ? undefined : parsePostFileName(site.config.newPostName, site.postRelativePath(path));

  let date = readHexoDate(data.date, timezone);
  if (!date && fileName && !data.date) {
    // Without a `date`, Hexo takes it from the file name when new_post_name carries one; an unreadable
    // one falls back to the file's birth time instead (hexo `processor/post.ts`), which the record does not know.
    const parts = fileNameDateParts(fileName);
    // Hexo builds it at local midnight, then re-reads that wall clock in the site zone.
    if (parts) date = readHexoDate(new Date(parts.year, parts.month - 1, parts.day), timezone);
  }
  const updated = readHexoDate(data.updated, timezone);
  const title = typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title) : '';

  return {
    path,
    kind,
    title,
    date,
    updated,
    layout: typeof data.layout === 'string' ? data.layout : site.config.defaultLayout,
    // Pages have no tags or categories in Hexo's model.
    tags: kind === 'page' ? [] : tagsOf(data),
    categories: kind === 'page' ? [] : categoriesOf(data),
    keys: Object.keys(data),
    // Only when written: most posts have none, and an absent key costs no slot in 10,000 records.
    ...(typeof data.slug === 'string' || typeof data.slug === 'number' ? { slug: String(data.slug) } : {}),
    published: kind === 'post' && data.published !== false,
    frontMatterLines: read.frontMatterLines,
    error: read.error,
  };
}
