import type { FrontMatterEntry, FrontMatterSyntax, ParsedFrontMatter } from '../frontMatter';
import { LineMap } from '../text/lineMap';
import type { SourceRange } from '../text/sourceRange';
import { scanBody, type BodyScan } from './bodyScan';

/**
 * One post as the rules see it: the text, Hexo's reading of its front matter with ranges, and a
 * lazily built scan of the body. Built once per check and shared by every rule.
 */
export class PostDocument {
  readonly parsed: ParsedFrontMatter;
  /** The line break the file uses, for inserted lines. */
  readonly eol: string;
  private bodyScan: BodyScan | undefined;
  private lines: LineMap | undefined;

  /** `syntax`: the site's front-matter dialect (its generator's). */
  constructor(readonly text: string, readonly syntax: FrontMatterSyntax) {
    this.parsed = syntax.parse(text);
    this.eol = /\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n';
  }

  /** Built when a rule first needs a position in the body: most posts have no finding. */
  get lineMap(): LineMap {
    this.lines ??= new LineMap(this.text);
    return this.lines;
  }

  get data(): Record<string, unknown> {
    return this.parsed.data;
  }

  /** The top-level entry Hexo reads for `key`, if written. */
  entry(key: string): FrontMatterEntry | undefined {
    return this.parsed.entries.find((entry) => entry.key === key);
  }

  get body(): BodyScan {
    this.bodyScan ??= scanBody(this.text, this.parsed.bodyOffset);
    return this.bodyScan;
  }

  range(start: number, end: number): SourceRange {
    return this.lineMap.range(start, end);
  }

  /** The first line of the front matter (its opening fence, or its first line without one), else line 0. */
  frontMatterAnchor(): SourceRange {
    const block = this.parsed.block;
    if (block?.openingFence) return block.openingFence;
    if (block) return this.range(block.range.startOffset, this.lineMap.lineEnd(block.range.start.line));
    return this.range(0, this.lineMap.lineEnd(0));
  }

  /** Offset of the start of the line after `offset`'s line (or the text's end). */
  nextLineStart(offset: number): number {
    // Through the line map: searching for '\n' costs the line's length, on every call.
    const line = this.lineMap.positionAt(offset).line;
    return line + 1 < this.lineMap.lineCount ? this.lineMap.lineStart(line + 1) : this.text.length;
  }

  lineStartOf(offset: number): number {
    return this.lineMap.lineStart(this.lineMap.positionAt(offset).line);
  }
}
