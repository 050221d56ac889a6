import type { FileStat } from '../ports';
import type { PostKind } from '../site/types';
import type { ValidationSettings } from './settings';
import type { FileTimes } from './types';

/** The keys Hexo fills from the file's times when they are not written. */
const FILE_TIME_KEYS = ['date', 'updated'];

/**
 * Whether checking a file needs its times: only when the settings require `date` or `updated` and
 * the file does not write it (`keys`: the keys it writes; undefined when unknown). Saves a stat per post.
 */
export function needsFileTimes(keys: readonly string[] | undefined, kind: PostKind, settings: ValidationSettings): boolean {
  return settings.requiredKeys[kind].some((key) => FILE_TIME_KEYS.includes(key) && !keys?.includes(key));
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
