import type * as Planners from './plannerModules';

/**
 * The core's plans for new posts, publishing and timestamps, with Nunjucks (scaffolds) behind them:
 * loaded by the first command that needs them, not at activation (the bundle evaluates a
 * dynamically imported module on first use).
 */
let loaded: typeof Planners | undefined;

export async function loadPlanners(): Promise<typeof Planners> {
  const modules = loaded ?? (await import('./plannerModules.js'));
  loaded = modules;
  return modules;
}

/** Whether `error` is one of the plans' own, worded for the writer (only they throw these). */
export function isPlanError(error: unknown): boolean {
  return loaded !== undefined && (error instanceof loaded.PostPlanError || error instanceof loaded.ScaffoldError);
}
