import { hugoRenamedPageEdits } from './posts/renameRefs';
import type { FileSystemPort } from '../../ports';
import { joinPath } from '../../path';
import type { Generator } from '../generator';
import { readHugoDate } from './dates';
import { HUGO_FRONT_MATTER } from './frontMatter';
import { HUGO_FRONT_MATTER_FIELDS } from './frontMatterFields';
import { HUGO_CONFIG_NAMES } from './hugoConfig';
import { loadHugoSite } from './hugoSite';
import type { Rule } from '../../rules/rule';
import { LazyRules } from '../lazyRules';
import { categoryPaths, hugoTermKey, valueOf, writtenTerms } from './terms';
import { hugoTermRenameEdits } from './posts/renameTerm';
import { placeHugoAsset } from './posts/assets';
import { completeHugoBody, hugoBodyLinks } from './bodyCompletion';

const rules = new LazyRules('Hugo', async () => (await import('./rules.js')).HUGO_RULES);

/** Hugo (0.111, Debian's package) behind the generator seam. */
export const hugoGenerator: Generator = {
  kind: 'hugo',
  displayName: 'Hugo',
  deployCommand: 'hugo deploy',
  markerFiles: [...HUGO_CONFIG_NAMES, ...HUGO_CONFIG_NAMES.map((name) => `config/_default/${name}`)],
  isSiteFolder: isHugoSiteFolder,
  loadSite: (fs, root) => loadHugoSite(fs, root),
  frontMatter: HUGO_FRONT_MATTER,
  get rules(): readonly Rule[] {
    return rules.rules;
  },
  loadRules: () => rules.loadRules(),
  fields: HUGO_FRONT_MATTER_FIELDS,
  readDate: readHugoDate,
  tagsOf: (data) => writtenTerms(valueOf(data, 'tags')),
  categoriesOf: (data) => categoryPaths(valueOf(data, 'categories')),
  categoriesValue: (hierarchies) => hierarchies.map((path) => path[path.length - 1]).filter((name): name is string => name !== undefined),
  loadBodySyntax: async () => (await import('./render/hugoBody.js')).hugoBodySyntax,
  plansPosts: true,
  renamesTerms: true,
  termRenameEdits: hugoTermRenameEdits,
  placeAsset: placeHugoAsset,
  termKey: hugoTermKey,
  completeBody: completeHugoBody,
  bodyLinks: hugoBodyLinks,
  renamedPostEdits: hugoRenamedPageEdits,
  draftsInPlace: true,
  publishAsksForDate: true,
  loadPlanner: async () => (await import('./posts/hugoPlanner.js')).hugoPlanner,
};

/**
 * A Hugo site's root holds `hugo.toml|yaml|json`, or a `config.*` beside a `content/` or `archetypes/`
 * folder (other tools use `config.toml` too), or `config/_default/` with one of those files.
 */
async function isHugoSiteFolder(fs: FileSystemPort, folder: string, files: ReadonlySet<string>): Promise<boolean> {
  if (['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'].some((name) => files.has(name))) return true;
  const hasFolder = async (name: string) => (await fs.stat(joinPath(folder, name)))?.kind === 'directory';
  if (HUGO_CONFIG_NAMES.some((name) => files.has(name)) && ((await hasFolder('content')) || (await hasFolder('archetypes')))) return true;
  if (!(await hasFolder('config/_default'))) return false;
  for (const name of HUGO_CONFIG_NAMES) if ((await fs.stat(joinPath(folder, 'config', '_default', name)))?.kind === 'file') return true;
  return false;
}
