import { type FileSystemPort, GENERATORS, type SiteIndex, WorkspaceIndex } from '../core/api';
import { nodeBatchFileSystem, toCorePath } from './nodeFileSystem';
import { UsageError } from './args';

/** Finds and indexes exactly one site in `folder` (the current folder by default), reading through `files`. */
/** What makes a folder a site, for the message when none is found. */
export const LOOKED_FOR = "looked for a _config.yml with Hexo's keys, a package.json depending on hexo, Hugo's hugo.toml, config.toml or config/_default/, or Jekyll's _config.yml beside _posts or a Gemfile naming jekyll";

export async function openSingleSite(folder: string | undefined, files: FileSystemPort = nodeBatchFileSystem): Promise<SiteIndex> {
  const root = toCorePath(folder ?? '.');
  const stat = await files.stat(root);
  if (!stat || stat.kind !== 'directory') throw new UsageError(`${folder ?? root} is not a folder`);
  const workspace = await WorkspaceIndex.open(files, [root], { generators: GENERATORS });
  if (workspace.sites.length === 0) {
    throw new UsageError(`no Hexo, Hugo or Jekyll site found in ${root} (${LOOKED_FOR})`);
  }
  if (workspace.sites.length > 1) {
    const roots = workspace.sites.map((site) => `  ${site.site.root}`).join('\n');
    throw new UsageError(`several sites found in ${root}; name one:\n${roots}`);
  }
  return workspace.sites[0];
}
