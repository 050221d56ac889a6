import type { FileSystemPort } from '../../ports';
import { joinPath } from '../../path';
import { readTextIfPresent } from '../../site/readText';
import { readHexoDate } from '../../frontMatter/dates';
import { parseFrontMatter, readFrontMatterData, splitFrontMatter } from '../../frontMatter';
import type { Generator } from '../generator';
import { HEXO_FRONT_MATTER_FIELDS } from './frontMatterFields';
import { looksLikeHexoConfig } from './hexoConfig';
import { loadHexoSite } from './hexoSite';
import { categoriesOf, categoriesValue, tagsOf } from './taxonomy';
import { completeHexoBody, hexoBodyWantsFiles, prepareHexoBodyCompletion } from './bodyCompletion';
import { hexoAssetFolder, hexoBodyLinks, hexoRenamedAssetEdits, hexoRenamedPostEdits, placeHexoAsset } from './bodyLinks';

/** Hexo 8 behind the generator seam. */
export const hexoGenerator: Generator = {
  kind: 'hexo',
  displayName: 'Hexo',
  deployCommand: 'npx hexo generate --deploy',
  markerFiles: ['_config.yml', 'package.json'],
  isSiteFolder: isHexoSiteFolder,
  loadSite: (fs, root) => loadHexoSite(fs, root),
  // No `rules`: every shared rule was written from Hexo's reading (PC107 never fires: Hexo fails no build on front matter).
  frontMatter: { split: splitFrontMatter, parse: parseFrontMatter, readData: readFrontMatterData },
  fields: HEXO_FRONT_MATTER_FIELDS,
  readDate: readHexoDate,
  tagsOf,
  categoriesOf,
  categoriesValue,
  loadBodySyntax: async () => (await import('./render/hexoBody.js')).hexoBodySyntax,
  completeBody: completeHexoBody,
  bodyCompletionWantsFiles: hexoBodyWantsFiles,
  prepareBodyCompletion: prepareHexoBodyCompletion,
  bodyLinks: hexoBodyLinks,
  renamedPostEdits: hexoRenamedPostEdits,
  assetFolderOf: hexoAssetFolder,
  renamedAssetEdits: hexoRenamedAssetEdits,
  placeAsset: placeHexoAsset,
  plansPosts: true,
  renamesTerms: true,
  draftsInPlace: false,
  loadPlanner: async () => (await import('./posts/hexoPlanner.js')).hexoPlanner,
};

/**
 * A Hexo site's root holds a `_config.yml` with Hexo's keys (not just any `_config.yml`: Jekyll has
 * one too), or a `package.json` that depends on `hexo`.
 */
async function isHexoSiteFolder(fs: FileSystemPort, folder: string, files: ReadonlySet<string>): Promise<boolean> {
  if (files.has('_config.yml')) {
    const text = await readTextIfPresent(fs, joinPath(folder, '_config.yml'));
    if (text !== undefined && looksLikeHexoConfig(text)) return true;
  }
  if (files.has('package.json')) {
    const text = await readTextIfPresent(fs, joinPath(folder, 'package.json'));
    if (text !== undefined && dependsOnHexo(text)) return true;
  }
  return false;
}

function dependsOnHexo(packageJson: string): boolean {
  try {
    const manifest = JSON.parse(packageJson) as Record<string, unknown>;
    return ['dependencies', 'devDependencies'].some((field) => {
      const dependencies = manifest[field];
      return typeof dependencies === 'object' && dependencies !== null && 'hexo' in dependencies;
    });
  } catch {
    return false; // a broken package.json names no dependency
  }
}
