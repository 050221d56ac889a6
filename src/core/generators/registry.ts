import type { Generator, GeneratorKind } from './generator';
import { hexoGenerator } from './hexo/hexoGenerator';

/**
 * Every generator Postcraft reads, in the order discovery asks them (the first that claims a folder
 * owns it). The extension and the CLI take the generators from here and hand them to the shared core.
 */
export const GENERATORS: readonly Generator[] = [hexoGenerator];

export function generatorOf(kind: GeneratorKind): Generator {
  const generator = GENERATORS.find((candidate) => candidate.kind === kind);
  if (!generator) throw new Error(`No generator named ${kind}`);
  return generator;
}
