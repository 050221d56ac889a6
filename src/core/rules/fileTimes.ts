import type { FileStat } from '../ports';
import type { PostKind, PostRecord } from '../site/types';
import type { ValidationSettings } from './settings';
import type { FileTimes } from './types';

/**
 * Whether checking a file needs its times: only when the settings require `date` or `updated`, the
 * file does not write it, and (for `date`) its name gives none. `record` is the index's view of the
 * file (undefined when unknown). Saves a stat per post on a blog whose file names carry the dates.
 */
export function needsFileTimes(record: Pick<PostRecord, 'keys' | 'date'> | undefined, kind: PostKind, settings: ValidationSettings): boolean {
  return settings.requiredKeys[kind].some((key) => {
    if (key === 'date') return !record || (!record.keys.includes('date') && record.date === undefined);
    return key === 'updated' && !record?.keys.includes('updated');
  });
}

/** A file's times as the rules take them, from an adapter's stat. */
export function fileTimesOf(stat: FileStat | undefined): FileTimes | undefined {
  if (!stat || stat.kind !== 'file') return undefined;
  return {
    created: new Date(stat.ctime),
    ...(stat.changed !== undefined ? { changed: new Date(stat.changed) } : {}),
    modified: new Date(stat.mtime),
  };
}
