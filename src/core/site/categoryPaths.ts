import type { CategoryPath } from './types';

/**
 * Category hierarchies as the index counts them, whatever generator read them: a post counts at
 * every level of each of its hierarchies.
 */

/** Every node a post counts in: each prefix of each hierarchy (duplicates kept, as Hexo counts them). */
export function categoryNodesOf(hierarchies: readonly CategoryPath[]): CategoryPath[] {
  const nodes: CategoryPath[] = [];
  for (const hierarchy of hierarchies) {
    for (let depth = 1; depth <= hierarchy.length; depth++) nodes.push(hierarchy.slice(0, depth));
  }
  return nodes;
}

/** A stable map key for a category path. */
export function categoryKey(path: CategoryPath): string {
  return path.join('\u0000');
}

export function categoryFromKey(key: string): CategoryPath {
  return key.split('\u0000');
}
