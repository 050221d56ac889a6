import type { PostPlanner } from '../../../posts/plans';
import type { Site } from '../../generator';
import { HexoSite } from '../hexoSite';
import { planNewPost } from './newPost';
import { planPublish, planUnpublish } from './publish';
import { updateTimestampEdits } from './updateTimestamp';

/** `hexo new`, `hexo publish` and the `updated` stamp as plans; loaded on first use (Nunjucks renders the scaffolds). */
export const hexoPlanner: PostPlanner = {
  planNewPost: (fs, site, request, clock) => planNewPost(fs, hexoSiteOf(site), request, clock),
  planPublish: (fs, site, draftPath, text, clock, options) => planPublish(fs, hexoSiteOf(site), draftPath, text, clock, options),
  planUnpublish: (fs, site, postPath) => planUnpublish(fs, hexoSiteOf(site), postPath),
  updateTimestampEdits: (site, text, now) => updateTimestampEdits(text, now, site.config.timezone),
};

/** The registry hands each site to its own generator's planner: anything else is a bug. */
function hexoSiteOf(site: Site): HexoSite {
  if (!(site instanceof HexoSite)) throw new Error(`Hexo's planner was given a ${site.generator.displayName} site`);
  return site;
}
