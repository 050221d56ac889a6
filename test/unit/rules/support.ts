import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../src/core/edits';
import { SiteIndex } from '../../../src/core/index/siteIndex';
import { checkPost, DEFAULT_SETTINGS, formatRuleMessage, siteFileLookup, type Diagnostic, type FileTimes, type RuleContext, type ValidationSettings } from '../../../src/core/rules';
import { loadHexoSite } from '../../../src/core/generators/hexo/hexoSite';
import type { PostKind } from '../../../src/core/site/types';
import { MemoryFileSystem } from '../support/memoryFileSystem';

/** 2026-03-02 09:32:05 UTC, i.e. 17:32:05 in Asia/Shanghai. */
export const NOW = new Date(Date.UTC(2026, 2, 2, 9, 32, 5));

export const SITE_FILES: Record<string, string> = {
  '/b/_config.yml': 'timezone: Asia/Shanghai\npost_asset_folder: true\n',
  '/b/scaffolds/post.md': '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n',
  '/b/source/_posts/a.md': '---\ntitle: A\ndate: 2026-01-01 10:00:00\ntags: [JavaScript, 前端, Kubernetes]\ncategories: [技术, 前端]\n---\nA\n',
  '/b/source/_posts/b.md': '---\ntitle: B\ndate: 2026-01-02 10:00:00\ntags: [JavaScript, 前端, 随笔]\ncategories: [技术, 后端]\n---\nB\n',
  '/b/source/_posts/hello-world.md': '---\ntitle: Hello World\ndate: 2026-01-03 10:00:00\n---\nHi\n',
  '/b/source/_posts/photo.md': '---\ntitle: Photo\ndate: 2026-01-04 10:00:00\n---\n',
  '/b/source/_posts/photo/summit.png': 'png',
  '/b/source/images/logo.png': 'png',
};

export const POST_PATH = '/b/source/_posts/new-post.md';

export interface Checked {
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

let cachedIndex: Promise<SiteIndex> | undefined;

export function sampleIndex(): Promise<SiteIndex> {
  cachedIndex ??= (async () => {
    const fs = new MemoryFileSystem(SITE_FILES);
    return SiteIndex.build(await loadHexoSite(fs, '/b'), fs);
  })();
  return cachedIndex;
}

export async function contextFor(options: { path?: string; kind?: PostKind; settings?: Partial<ValidationSettings>; index?: SiteIndex; fileTimes?: FileTimes } = {}): Promise<RuleContext> {
  const index = options.index ?? await sampleIndex();
  const path = options.path ?? POST_PATH;
  return {
    path, kind: options.kind ?? index.site.classify(path) ?? 'post', site: index.site, index, now: NOW,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    ...(options.fileTimes ? { fileTimes: options.fileTimes } : {}),
    ...siteFileLookup({ files: new Set(Object.keys(SITE_FILES)), staticRoots: [] }),
  };
}

/** Runs every rule on `text`, keeping only the diagnostics with `code`. */
export async function check(text: string, code?: string, options: Parameters<typeof contextFor>[0] = {}): Promise<Diagnostic[]> {
  const context = await contextFor(options);
  return checkPost(text, context).filter((diagnostic) => code === undefined || diagnostic.code === code);
}

/** One diagnostic of `code`, as [line, character, endLine, endCharacter, English message]. */
export async function only(text: string, code: string, options: Parameters<typeof contextFor>[0] = {}): Promise<[number, number, number, number, string]> {
  const found = await check(text, code, options);
  assert.equal(found.length, 1, `expected one ${code}, got ${found.map((d) => formatRuleMessage(d.message)).join(' | ') || 'none'}`);
  const { range } = found[0];
  return [range.start.line, range.start.character, range.end.line, range.end.character, formatRuleMessage(found[0].message)];
}

export async function none(text: string, code: string, options: Parameters<typeof contextFor>[0] = {}): Promise<void> {
  const found = await check(text, code, options);
  assert.deepEqual(found.map((d) => formatRuleMessage(d.message)), []);
}

/** The text after applying the `index`th fix (default: the preferred one) of the only `code` diagnostic. */
export async function fixed(text: string, code: string, index?: number, options: Parameters<typeof contextFor>[0] = {}): Promise<string> {
  const found = await check(text, code, options);
  assert.equal(found.length, 1, `expected one ${code}`);
  const fixes = found[0].fixes;
  const fix = index === undefined ? fixes.find((candidate) => candidate.preferred) : fixes[index];
  assert.ok(fix, `no fix for ${code}`);
  return applyTextEdits(text, fix.edits);
}
