/** The front-matter parser: Hexo's reading of a post's front matter, with source ranges. No vscode, no fs. */
export type * from './types';
export { splitFrontMatter, lineBreakLength, type FrontMatterSplit, type OffsetSpan } from './split';
export { parseFrontMatter } from './parse';
export { readFrontMatterData, type FrontMatterData } from './readData';
export {
  readHexoDate, adjustDateForTimeZone, shiftToLocalWallClock, isKnownTimeZone, writtenDateOffset, hasIgnoredDateOffset,
} from './dates';
export { keepYamlForRereading, MAX_FRONT_MATTER_LENGTH } from './hexoLoad';
export { aliasExpansionProblem, ALIAS_EXPANSION_LIMIT, ALIAS_NESTING_LIMIT } from './aliasExpansion';
