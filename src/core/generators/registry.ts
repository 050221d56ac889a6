import type { Rule } from '../rules/rule';
import type { Generator, GeneratorKind } from './generator';
import { hexoGenerator } from './hexo/hexoGenerator';
import { hugoGenerator } from './hugo/hugoGenerator';
import { jekyllGenerator } from './jekyll/jekyllGenerator';

/**
 * Every generator Postcraft reads, in the order discovery asks them (the first that claims a folder
 * owns it). The extension and the CLI take the generators from here and hand them to the shared core.
 */
export const GENERATORS: readonly Generator[] = [hexoGenerator, hugoGenerator, jekyllGenerator];

/** The generator a Markdown file outside any site is previewed with (Postcraft began as a Hexo tool). */
export const DEFAULT_GENERATOR: Generator = hexoGenerator;

/** Every rule of every generator, each once, in code order (for the documentation and the settings). */
export async function allRules(): Promise<readonly Rule[]> {
  const { RULES } = await import('../rules/registry.js');
  await Promise.all(GENERATORS.map((generator) => generator.loadRules?.()));
  const rules = GENERATORS.flatMap((generator) => generator.rules ?? RULES);
  return [...new Map(rules.map((rule) => [rule.code, rule])).values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function generatorNamed(kind: GeneratorKind): Generator {
  const generator = GENERATORS.find((candidate) => candidate.kind === kind);
  if (!generator) throw new Error(`No generator named ${kind}`);
  return generator;
}
