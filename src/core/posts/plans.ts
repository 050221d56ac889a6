import type { FileOperation } from '../edits';
import type { Clock, FileSystemPort } from '../ports';
import type { TextEdit } from '../edits';
import type { Site } from '../generators/generator';
import type { SlugStyle } from './slug';

/**
 * Plans for new posts, publishing and timestamps: what a generator's planner computes and the
 * adapters apply as one undoable edit. The planning itself is the generator's (`Generator.loadPlanner`).
 */

export type NewFileKind = 'post' | 'draft' | 'page';

export interface NewPostRequest {
  readonly title: string;
  /** `post` (the site's `default_layout` when absent), `draft`, `page`, or any scaffold's name. */
  readonly layout?: string;
  /** Overrides the slug made from the title (`hexo new --slug`). */
  readonly slug?: string;
  readonly tags?: readonly string[];
  readonly categories?: readonly (string | readonly string[])[];
  /** Further front-matter fields (`hexo new --key value`). */
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly slugStyle?: SlugStyle;
  /**
   * Where the generator has page bundles (Hugo): the post as a folder with `index.md` (true) or as one
   * file (false). Absent: a bundle when the site has a directory archetype for the section, as
   * `hugo new <section>/<name>` makes one.
   */
  readonly bundle?: boolean;
}

export interface NewPostPlan {
  readonly kind: NewFileKind;
  readonly layout: string;
  readonly path: string;
  readonly content: string;
  /** Offset in `content` where the body starts (the cursor goes there). */
  readonly bodyOffset: number;
  /** Create the file, and the asset folder when `post_asset_folder` is on and the folder is not there. */
  readonly operations: readonly FileOperation[];
}

/** A plan the writer's request cannot make (a clash, a broken scaffold): its message is for the writer. */
export class PostPlanError extends Error {}

export interface MovePlan {
  /** Where the file ends up. */
  readonly path: string;
  readonly content: string;
  /** Create the new file, move the asset folder, delete the old file (in that order). */
  readonly operations: readonly FileOperation[];
}

export interface PublishOptions {
  /** `hexo publish [layout]`; the draft's own `layout` wins, as in Hexo. */
  readonly layout?: string;
  /**
   * Where publishing keeps a date the draft already has (Hugo's): write now as the date instead, the
   * writer's choice. A draft without a date is dated now either way.
   */
  readonly redate?: boolean;
}

/** What a generator plans for the commands that create and move posts. */
export interface PostPlanner {
  /** A new post, draft or page from the site's scaffolds, named as the generator names it. */
  planNewPost(fs: FileSystemPort, site: Site, request: NewPostRequest, clock: Clock): Promise<NewPostPlan>;
  /** A draft published as the generator publishes it. */
  planPublish(fs: FileSystemPort, site: Site, draftPath: string, text: string, clock: Clock, options?: PublishOptions): Promise<MovePlan>;
  /** A post moved back to the drafts. */
  planUnpublish(fs: FileSystemPort, site: Site, postPath: string): Promise<MovePlan & { readonly from: string }>;
  /** Edits that set the post's "last updated" field to `now`, written as the generator writes dates. */
  updateTimestampEdits(site: Site, text: string, now: Date): TextEdit[];
}
