/**
 * The core's entry point for the adapters (src/vscode, src/cli, the bench): what they use of the
 * core, in one place, so that they depend on this surface rather than on the core's inner layout.
 * Shared core code never imports this file (it would import every generator).
 */
export { DEFAULT_GENERATOR, GENERATORS, generatorNamed } from './generators/registry';
export type { Generator, GeneratorKind, PostFileName, Site, SiteConfig } from './generators/generator';
export { discoverSites, generatorOfSiteRoot } from './site/discover';
export { WorkspaceIndex, type OpenOptions } from './index/workspaceIndex';
export { SiteIndex, READ_CONCURRENCY, type BuildOptions } from './index/siteIndex';
export type { SiteIndexView } from './index/types';
export { MARKDOWN_EXTENSIONS, isMarkdownPath } from './site/markdownFiles';
export { PostPlanError, type PostPlanner, type NewPostRequest, type NewPostPlan, type MovePlan, type PublishOptions } from './posts/plans';
