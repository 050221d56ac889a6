import { PostPlanError, type PostPlanner, type Site } from '../../../core/api';

/**
 * The core's plans for new posts, publishing and timestamps, from the site's generator: loaded by the
 * first command that needs them, not at activation (the bundle evaluates a dynamically imported
 * module on first use).
 */
export function loadPlanners(site: Site): Promise<PostPlanner> {
  return site.generator.loadPlanner();
}

/** Whether `error` is one of the plans' own, worded for the writer (only they throw these). */
export function isPlanError(error: unknown): boolean {
  return error instanceof PostPlanError;
}
