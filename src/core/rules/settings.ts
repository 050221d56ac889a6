import type { PostKind } from '../site/types';
import type { SeveritySetting } from './types';

/**
 * Validation settings, the same for the editor (`postcraft.validation.*`, read per document) and the
 * CLI (defaults). Everything has a default; `normalizeSettings` accepts any JSON-ish input.
 */
export interface ValidationSettings {
  /** Severity overrides by rule code (`PC403`) or id (`duplicate-tag`). */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Keys every post, draft or page must write. */
  readonly requiredKeys: Readonly<Record<PostKind, readonly string[]>>;
  /** Search-result lengths, in display columns (a Chinese character counts two). */
  readonly titleMaxLength: number;
  readonly excerptMaxLength: number;
  /** Tag plugins the theme or plugins register (NexT's `note`, `tabs`...): not reported as unknown. */
  readonly customTags: readonly string[];
}

export const DEFAULT_SETTINGS: ValidationSettings = {
  rules: {},
  requiredKeys: { post: ['title', 'date'], draft: ['title'], page: [] },
  titleMaxLength: 60,
  excerptMaxLength: 160,
  customTags: [],
};

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

export function normalizeSettings(input: unknown): ValidationSettings {
  const raw = isObject(input) ? input : {};
  const rules: Record<string, SeveritySetting> = {};
  if (isObject(raw.rules)) {
    for (const [key, value] of Object.entries(raw.rules)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[key] = value as SeveritySetting;
    }
  }
  const required = { ...DEFAULT_SETTINGS.requiredKeys };
  if (isObject(raw.requiredKeys)) {
    for (const kind of ['post', 'draft', 'page'] as const) {
      const value = raw.requiredKeys[kind];
      if (Array.isArray(value)) required[kind] = value.filter((key): key is string => typeof key === 'string' && key !== '');
    }
  }
  return {
    rules,
    requiredKeys: required,
    titleMaxLength: positive(raw.titleMaxLength, DEFAULT_SETTINGS.titleMaxLength),
    excerptMaxLength: positive(raw.excerptMaxLength, DEFAULT_SETTINGS.excerptMaxLength),
    customTags: Array.isArray(raw.customTags) ? raw.customTags.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
