/**
 * The core's entry point for the adapters (src/vscode, src/cli): sites, generators, indexes, plans
 * and the small helpers the adapters share with the core, so that they depend on this surface rather
 * than on the core's inner layout. The rest comes from the areas' own entry points, which the editor
 * loads when a feature first needs them: `core/completion`, `core/rules`, `core/render` (lazily, with
 * the preview) and `core/frontMatter`. Everything here is evaluated at activation: keep it light.
 * Shared core code never imports this file (it would import every generator).
 */

// Generators, sites and their indexes.
export { DEFAULT_GENERATOR, GENERATORS, generatorNamed } from './generators/registry';
export type { BodySyntax, Generator, GeneratorKind, PostFileName, Site, SiteConfig } from './generators/generator';
export { canonicalKey } from './generators/generator';
export { discoverSites, generatorOfSiteRoot } from './site/discover';
export { innermostSiteOf, WorkspaceIndex, type OpenOptions } from './index/workspaceIndex';
export { SiteIndex, READ_CONCURRENCY, type BuildOptions } from './index/siteIndex';
export type { SiteIndexView } from './index/types';
export type { CategoryCount, CategoryPath, PostKind, PostRecord, TagCount } from './site/types';
export { MARKDOWN_EXTENSIONS, isMarkdownPath } from './site/markdownFiles';

// Plans and edits.
export { PostPlanError, type MovePlan, type NewPostPlan, type NewPostRequest, type PostPlanner, type PublishOptions } from './posts/plans';
export { planTaxonomyRename, postsKeepingFolderCategory, type PostText, type TaxonomyRename } from './posts/renameTaxonomy';
export type { SlugStyle } from './posts/slug';
export type { FileOperation, TextEdit } from './edits';

// Ports, logging, paths and text.
export { systemClock, type DirectoryEntry, type FileKind, type FileStat, type FileSystemPort } from './ports';
export { exceptionText, logException, setLogPort } from './log';
export { basename, dirname, extname, relativeInside } from './path';
export { safeFileName, unusedFileName, type AssetPlacement } from './posts/assetPlacement';
export { decodeText, looksBinary, useUtf8Decoder, type Utf8Decoder } from './text/decode';
export { LineMap } from './text/lineMap';
export type { PinyinSpell } from './text/pinyinConverter';
export type { Position, SourceRange } from './text/sourceRange';
export { countWords, type WordCount } from './text/wordCount';
export { carriesTerm, termAt, type TermAt } from './site/termAt';
export { describeImage, imageInfo, type ImageInfo } from './media/imageInfo';
