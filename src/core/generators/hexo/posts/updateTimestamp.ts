import { formatMomentDate } from '../../../site/dateFormat';
import type { TextEdit } from '../../../edits';
import { parseFrontMatter } from '../../../frontMatter';
import { LineMap } from '../../../text/lineMap';
import { HEXO_DATE_FORMAT } from './scaffold';

/**
 * Sets `updated` to `now`, written as `hexo new` writes dates (`YYYY-MM-DD HH:mm:ss` in the site's
 * zone): the value alone is replaced (its quotes kept), or a line is added after `date` (else at the
 * end of the front matter). Nothing when the file has no readable front matter.
 */
export function updateTimestampEdits(text: string, now: Date, timezone: string): TextEdit[] {
  const parsed = parseFrontMatter(text);
  const block = parsed.block;
  if (!block || !parsed.valid) return [];
  const stamp = formatMomentDate(now, HEXO_DATE_FORMAT, timezone);
  const lines = new LineMap(text);
  const json = block.format === 'json';
  const existing = parsed.entries.find((entry) => entry.key === 'updated');
  if (existing) {
    const value = existing.value;
    const written = value.kind === 'scalar' && (value.style === 'single' || value.style === 'double' || value.style === 'json')
      ? `${value.source[0]}${stamp}${value.source[0]}`
      : json ? JSON.stringify(stamp) : stamp;
    if (value.kind === 'scalar' && value.source === written) return [];
    if (value.kind === 'empty') return [{ range: lines.range(value.range.startOffset, value.range.endOffset), newText: ` ${written}` }];
    return [{ range: lines.range(value.range.startOffset, value.range.endOffset), newText: written }];
  }
  const newline = text.indexOf('\r\n') >= 0 && text.indexOf('\r\n') < block.range.endOffset ? '\r\n' : '\n';
  if (json) {
    // `;;;` JSON without braces: a new first field keeps the commas right.
    const hasFields = parsed.entries.length > 0;
    const at = block.content.startOffset;
    return [{ range: lines.range(at, at), newText: `"updated": ${JSON.stringify(stamp)}${hasFields ? ',' : ''}${newline}` }];
  }
  const date = parsed.entries.find((entry) => entry.key === 'date');
  let at: number;
  if (date) {
    const next = text.indexOf('\n', date.range.endOffset);
    at = next < 0 || next >= block.content.endOffset ? block.content.endOffset : next + 1;
  } else {
    at = block.content.endOffset;
  }
  // The content ends before the line break of the closing fence's line: a line added there leads with a break.
  const newText = at === block.content.endOffset ? `${newline}updated: ${stamp}` : `updated: ${stamp}${newline}`;
  return [{ range: lines.range(at, at), newText }];
}
