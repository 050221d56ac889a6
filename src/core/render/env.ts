import type { PreviewLabels } from './labels';
import type { UrlPolicy } from './sanitize';
import type { PreviewHeading, RenderContext } from './types';

/** The per-render state markdown-it passes to every rule and renderer (its `env`). */
export interface RenderEnv {
  [key: string | symbol]: unknown;
  readonly context: RenderContext;
  readonly labels: PreviewLabels;
  /** Lines before the body (the front matter), added to markdown-it's body-relative line maps. */
  readonly lineOffset: number;
  /** The quotes smartypants writes, or undefined when the site turned it off. */
  readonly smartQuotes: string | undefined;
  /** False with `disableNunjucks: true`: tag plugins stay as written. */
  readonly tagsEnabled: boolean;
  /** The front matter sets `excerpt`, so `<!-- more -->` does not split the post. */
  readonly excerptSet: boolean;
  readonly policy: UrlPolicy;
  readonly headings: PreviewHeading[];
  /** The base each heading's id was numbered from, beside `headings` (the section cache replays them). */
  readonly headingBases?: string[];
  readonly slugs: Map<string, number>;
  moreSeen: boolean;
  /** Code and math outside these lines may be left for a follow-up render (see `RenderContext.eagerLines`). */
  readonly eagerLines?: { readonly from: number; readonly to: number };
  /** Code blocks and formulas left unrendered so far. */
  deferred: number;
  /** The post's front matter, for body syntax that reads it (Hugo's `param` shortcode). */
  readonly frontMatter?: Readonly<Record<string, unknown>>;
  /** False when the post's generator leaves `$…$` as text (`BodySyntax.mathEnabled`). */
  readonly math?: boolean;
}

export function sourceLine(env: RenderEnv, map: readonly [number, number] | null | undefined): number | undefined {
  return map ? map[0] + env.lineOffset : undefined;
}

/** markdown-it hands rules its `env` untyped; every render passes a RenderEnv. */
export function asRenderEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}

/** Runs a renderer rule body with the typed env. */
export function ruleEnv(env: unknown, body: (env: RenderEnv) => string): string {
  return body(asRenderEnv(env));
}

/**
 * Whether the code block or formula spanning `map` (markdown-it's body-relative [first line, line
 * after]) may be shown plain for now: none of its lines is among those the reader sees first, so a
 * block that starts above the screen and runs into it is filled in too. The caller still uses a
 * cached rendering when there is one, and calls `markDeferred` only when it did leave the piece plain.
 */
export function mayDefer(env: RenderEnv, map: readonly [number, number] | null | undefined): boolean {
  const eager = env.eagerLines;
  if (eager === undefined || !map) return false;
  const first = map[0] + env.lineOffset;
  const last = Math.max(first, map[1] - 1 + env.lineOffset);
  return last < eager.from || first > eager.to;
}

export function markDeferred(env: RenderEnv): void {
  env.deferred++;
}
