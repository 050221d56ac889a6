import { mulberry32 } from '../../bench/syntheticSite';
import { completeFrontMatter } from '../../src/core/completion';
import { applyTextEdits } from '../../src/core/edits';
import { parseFrontMatter, readFrontMatterData } from '../../src/core/frontMatter';
import { SiteIndex } from '../../src/core/index/siteIndex';
import { renderPost, type RenderContext } from '../../src/core/render';
import { DEFAULT_SETTINGS, fixAll, RULES, siteFileLookup, severityOf, type RuleContext } from '../../src/core/rules';
import { PostDocument } from '../../src/core/rules/postDocument';
import { loadHexoSite } from '../../src/core/generators/hexo/hexoSite';
import { hexoGenerator } from '../../src/core/generators/hexo/hexoGenerator';
import type { PostKind } from '../../src/core/site/types';
import { MemoryFileSystem } from '../unit/support/memoryFileSystem';
import { aliasBomb } from '../unit/support/hostilePosts';
import { hexoBodySyntax } from '../../src/core/generators/hexo/render/hexoBody';

/**
 * A seeded fuzzer for whole posts: each seed gives one post (the same post on every machine), built
 * from the shapes bloggers write and the ones that hurt — YAML and `;;;` JSON front matter, CJK,
 * CRLF, BOM, tabs, very long lines, binary junk, short Nunjucks fragments, alias bombs — then mutated.
 * `fuzzPost` runs it through everything that reads a post and returns what went wrong.
 */

type Random = () => number;

class Gen {
  constructor(readonly next: Random) {}
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  repeat(count: number, make: () => string, separator = ''): string {
    return Array.from({ length: count }, make).join(separator);
  }
}

const KEYS = ['title', 'date', 'updated', 'tags', 'categories', 'tag', 'category', 'permalink', 'excerpt', 'layout', 'disableNunjucks',
  'published', 'slug', 'comments', 'lang', 'catagories', 'tittle', 'Title', 'author', '作者', 'photos', 'sticky', 'cover', '<<', '? x', '"quoted key"'];
const WORDS = ['Go', 'go', 'JavaScript', '前端', '后端', '技术', '随笔', '副业', 'AI赚钱', 'Hexo', 'hexo', 'Ｇｏ', 'a b', 'c++', '读书, 笔记',
  '😀', 'null', 'true', '~', '', ' ', '中文标题：冒号', 'it\'s', 'say "hi"', '#hash', 'a: b', '- x', '[x]', '{y}', '&anchor', '*alias', '!tag',
  '%percent', '@at', '`tick`', '|', '>', '\\', 'é', '\u200b', '\u3000', 'Ω≈ç√', 'ＡＢＣ', 'fùyè', '2026', '3.10', '0x1F', '.inf', '1e3'];
const DATES = ['2026-03-02 17:32:00', '2026-03-02', '2026-3-2 7:5:0', '2026-03-02T17:32:00Z', '2026-03-02 10:00:00+09:00', '2026-03-02 10:00:00 -0500',
  '2026年3月2日 17:32', '03/02/2026', 'yesterday', '2026-13-45', '9999-12-31 23:59:59', '1970-01-01', '2026-02-30 25:61:61', '"2026-03-02"'];
const BODY_PIECES = ['# 标题', '## Heading', '正文，中文段落。', 'Some *emphasis* and **strong** text.', '[link](other.md)', '[abs](/images/logo.png)',
  '![img](missing.png)', '![](photo/summit.png)', '<!-- more -->', '<!--more-->', '> quote', '- item', '1. one', '```js\nconst a = 1;\n```', '```\nunclosed',
  '$x^2$', '$$\n\\int_0^1 x\\,dx\n$$', '<div class="x">html</div>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '| a | b |\n|---|---|\n| 1 | 2 |',
  '[^1]\n\n[^1]: note', '- [ ] task', '---', '***', 'https://example.com/a_b', 'mail@example.com', '    indented code', '\\{% raw %\\}', '&amp; &lt;', '"quotes" and \'single\' -- dashes...'];
/** Short on purpose: long unclosed `{% `, `{{ ` and `](` runs are a known slow body scan (branch h/nunjucks). */
const NUNJUCKS = ['{% raw %}', '{% endraw %}', '{% blockquote %}', '{% endblockquote %}', '{% codeblock lang:js %}', '{% endcodeblock %}', '{% post_link hello-world %}',
  '{% post_link nope %}', '{% post_path a %}', '{% asset_img summit.png %}', '{% asset_img nope.png 标题 %}', '{% asset_link a.pdf %}', '{% note %}', '{% endnote %}',
  '{% pullquote %}', '{% endpullquote %}', '{% img /a.png %}', '{% link a https://b %}', '{% include_code x.js %}', '{% iframe https://x %}', '{{ title }}', '{{ page.x }}',
  '{{', '}}', '{%', '%}', '{#', '#}', '{% if %}', '{% endif %}', '{% for x in y %}', '{% endfor %}', '{%- raw -%}', '{% quote Author %}', '{% endquote %}'];

/** One post from one seed. */
export function generatePost(seed: number): string {
  const g = new Gen(mulberry32(seed));
  const roll = g.next();
  let text: string;
  if (roll < 0.01) text = aliasBomb(4 + g.int(6), 2 + g.int(8), g.pick(['tags', 'categories', 'title', 'other', 'excerpt']));
  else if (roll < 0.02) text = hostileAliases(g);
  else {
    const fence = g.next();
    const body = bodyText(g);
    if (fence < 0.6) text = `${g.pick(['---', '---', '----', '--- '])}\n${yamlEntries(g)}${g.pick(['---', '---', '-----', ''])}\n${body}`;
    else if (fence < 0.75) text = `${g.pick([';;;', ';;;', ';;;;'])}\n${jsonEntries(g)}${g.pick([';;;', ';;;', ''])}\n${body}`;
    else if (fence < 0.82) text = `${yamlEntries(g)}---\n${body}`;
    else if (fence < 0.9) text = body;
    else text = `---\n${yamlEntries(g)}${body}`;
  }
  if (g.chance(0.2)) text = mutate(g, text);
  if (g.chance(0.15)) text = text.replace(/\r?\n/g, '\r\n');
  if (g.chance(0.05)) text = text.replace(/\n/g, () => (g.chance(0.5) ? '\r\n' : g.chance(0.2) ? '\r' : '\n'));
  if (g.chance(0.1)) text = '\ufeff' + text;
  return text;
}

function scalar(g: Gen, depth = 0): string {
  const r = g.next();
  if (r < 0.3) return g.pick(WORDS);
  if (r < 0.4) return `"${g.pick(WORDS).replace(/["\\]/g, '\\$&')}"`;
  if (r < 0.48) return `'${g.pick(WORDS).replace(/'/g, "''")}'`;
  if (r < 0.58) return g.pick(DATES);
  if (r < 0.62) return String(g.int(100000) - 500);
  if (r < 0.65) return g.pick(['', 'null', '~', 'true', 'false', 'yes', '.nan', '-.inf']);
  if (r < 0.68) return longLine(g);
  if (r < 0.72) return `|\n  ${g.pick(WORDS)}\n  ${g.pick(WORDS)}`;
  if (r < 0.74) return `>-\n\t${g.pick(WORDS)}`;
  if (r < 0.78) return g.repeat(1 + g.int(4), () => g.pick(WORDS), g.pick([' ', ', ', '，']));
  if (r < 0.82 && depth < 3) return `[${g.repeat(g.int(5), () => scalar(g, depth + 1).replace(/\n[\s\S]*/, ''), ', ')}]`;
  if (r < 0.85 && depth < 3) return `{${g.repeat(g.int(3), () => `${g.pick(WORDS).replace(/[:{},[\]]/g, '')}: ${g.pick(WORDS).replace(/[:{},[\]]/g, '')}`, ', ')}}`;
  if (r < 0.9) return `&${g.pick(['a', 'b', 'x'])} ${g.pick(WORDS)}`;
  if (r < 0.95) return `*${g.pick(['a', 'b', 'x', 'nope'])}`;
  return junk(g, 1 + g.int(12));
}

function blockList(g: Gen, indent: string): string {
  return g.repeat(1 + g.int(4), () => {
    const item = g.chance(0.15) ? `[${scalar(g, 2)}, ${scalar(g, 2)}]` : g.chance(0.1) ? `\n${indent}  - ${scalar(g, 2)}` : scalar(g, 2).replace(/\n[\s\S]*/, '');
    return `\n${indent}- ${item}`;
  });
}

function yamlEntries(g: Gen): string {
  return g.repeat(g.int(9), () => {
    const key = g.chance(0.9) ? g.pick(KEYS) : g.pick(WORDS).replace(/[:\n]/g, '') || 'k';
    const indent = g.chance(0.1) ? '\t' : g.pick(['  ', '  ', '    ', ' ', '']);
    const value = g.chance(0.25) ? blockList(g, indent) : ` ${scalar(g)}`;
    const comment = g.chance(0.05) ? ` # ${g.pick(WORDS)}` : '';
    return `${g.chance(0.03) ? '\t' : ''}${key}:${value}${comment}\n`;
  });
}

function jsonValue(g: Gen, depth = 0): string {
  const r = g.next();
  if (r < 0.5) return JSON.stringify(g.chance(0.3) ? g.pick(DATES) : g.pick(WORDS));
  if (r < 0.6) return String(g.int(1000));
  if (r < 0.65) return g.pick(['true', 'false', 'null']);
  if (r < 0.8 && depth < 3) return `[${g.repeat(g.int(4), () => jsonValue(g, depth + 1), ', ')}]`;
  if (r < 0.85 && depth < 3) return `{${g.repeat(g.int(3), () => `${JSON.stringify(g.pick(WORDS))}: ${jsonValue(g, depth + 1)}`, ', ')}}`;
  if (r < 0.9) return JSON.stringify(longLine(g));
  return g.pick(['', ',', '"unclosed', '[1,', "'single'", 'undefined', '01', '1.', '{"a" 1}']);
}

function jsonEntries(g: Gen): string {
  const entries = Array.from({ length: g.int(7) }, () => `${JSON.stringify(g.pick(KEYS))}: ${jsonValue(g)}`);
  return entries.length ? `${entries.join(g.pick([',\n', ',\n', '\n', ', ']))}${g.pick(['\n', ',\n'])}` : '';
}

function bodyText(g: Gen): string {
  return g.repeat(g.int(12), () => {
    const r = g.next();
    if (r < 0.45) return g.pick(BODY_PIECES);
    if (r < 0.7) return g.repeat(1 + g.int(3), () => g.pick(NUNJUCKS), g.pick([' ', '\n', ' x ']));
    if (r < 0.8) return g.repeat(1 + g.int(6), () => g.pick(WORDS), ' ');
    if (r < 0.85) return longLine(g);
    if (r < 0.9) return junk(g, 1 + g.int(40));
    if (r < 0.93) return `\t${g.pick(BODY_PIECES)}`;
    return g.pick(['', '\n', '\r\n', '\t', '  ']);
  }, g.pick(['\n\n', '\n', '\n\n\n']));
}

/** Up to 20,000 characters on one line, CJK or Latin or a repeated piece. */
function longLine(g: Gen): string {
  const length = g.chance(0.7) ? 200 + g.int(1800) : 2000 + g.int(18000);
  const unit = g.pick(['中文字符', 'word ', 'a', 'AI赚钱，', '=', '-', '*', '_', '\\', '`', '<', '[', '(', 'x'.repeat(7) + ' ']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Anything at all: control characters, lone surrogates, NUL, private use, invalid-looking UTF-16. */
function junk(g: Gen, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = g.next();
    const code = r < 0.3 ? g.int(0x20) : r < 0.5 ? 0xd800 + g.int(0x800) : r < 0.6 ? 0xfff0 + g.int(16) : r < 0.8 ? 0x80 + g.int(0x780) : g.int(0x10000);
    out += String.fromCharCode(code);
  }
  return out;
}

/** Aliases that contain themselves, chain deeply, merge many times, or sit under tags. */
function hostileAliases(g: Gen): string {
  const r = g.next();
  if (r < 0.3) return `---\ntitle: t\n${g.pick(['tags', 'categories', 'other', 'excerpt'])}: &c ${g.pick(['[a, *c]', '{a: *c}', '[[*c]]', '[a, [b, *c]]'])}\n---\n正文\n`;
  if (r < 0.55) {
    const depth = 50 + g.int(1500);
    const lines = ['c0: &c0 [x]'];
    for (let i = 1; i <= depth; i++) lines.push(`c${i}: &c${i} [*c${i - 1}]`);
    return `---\ntitle: chain\n${lines.join('\n')}\n${g.pick(['tags', 'categories', 'x'])}: *c${depth}\n---\n`;
  }
  if (r < 0.75) {
    const base = `b0: &b0 {k0: ${g.pick(WORDS) || 'v'}, k1: [x, y]}`;
    const lines = [base];
    for (let i = 1; i < 6; i++) lines.push(`b${i}: &b${i}\n  <<: [${g.repeat(1 + g.int(8), () => `*b${i - 1}`, ', ')}]\n  k${i + 1}: [${g.repeat(5, () => `*b${i - 1}`, ', ')}]`);
    return `---\ntitle: merge\n${lines.join('\n')}\ntags: *b5\n---\n`;
  }
  const width = 2 + g.int(30);
  const big = `big: &big "${'长'.repeat(500 + g.int(5000))}"`;
  return `---\ntitle: wide\n${big}\ntags: [${g.repeat(width, () => '*big', ', ')}]\nexcerpt: *big\n---\n`;
}

/** Cuts, duplicates and splices, so that every structure is also seen broken. */
function mutate(g: Gen, text: string): string {
  let out = text;
  for (let n = 1 + g.int(3); n > 0; n--) {
    const at = g.int(out.length + 1);
    const r = g.next();
    if (r < 0.3) out = out.slice(0, at) + out.slice(at + g.int(20));
    else if (r < 0.55) out = out.slice(0, at) + g.pick([...NUNJUCKS, ...WORDS, '\n', '---\n', ';;;\n', ':', '"', "'", '[', ']', '{', '}', '\t', '\u0000']) + out.slice(at);
    else if (r < 0.75) out = out.slice(0, at) + out.slice(Math.max(0, at - g.int(30)), at) + out.slice(at);
    else out = out.slice(0, at) + junk(g, 1 + g.int(6)) + out.slice(at);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Running one post through everything that reads it.

/** Longest any one stage (the parser, the index, one rule, fix-all, completion, the renderer) may take on a post. */
export const POST_LIMIT_MS = 1000;

const SITE_FILES: Record<string, string> = {
  '/b/_config.yml': 'timezone: Asia/Shanghai\npost_asset_folder: true\n',
  '/b/scaffolds/post.md': '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n',
  '/b/source/_posts/a.md': '---\ntitle: A\ndate: 2026-01-01 10:00:00\ntags: [JavaScript, 前端, Kubernetes]\ncategories: [技术, 前端]\n---\nA\n',
  '/b/source/_posts/b.md': '---\ntitle: B\ndate: 2026-01-02 10:00:00\ntags: [JavaScript, 前端, 随笔, 副业]\ncategories: [技术, 后端]\n---\nB\n',
  '/b/source/_posts/hello-world.md': '---\ntitle: Hello World\ndate: 2026-01-03 10:00:00\n---\nHi\n',
  '/b/source/_posts/photo.md': '---\ntitle: Photo\ndate: 2026-01-04 10:00:00\n---\n',
  '/b/source/_posts/photo/summit.png': 'png',
  '/b/source/images/logo.png': 'png',
};

const PATHS: ReadonlyArray<readonly [string, PostKind]> = [
  ['/b/source/_posts/fuzz.md', 'post'], ['/b/source/_posts/photo.md', 'post'], ['/b/source/_drafts/fuzz.md', 'draft'], ['/b/source/fuzz/index.md', 'page'],
];
const NOW = new Date(Date.UTC(2026, 2, 2, 9, 32, 5));

export interface FuzzEnvironment {
  readonly index: SiteIndex;
}

export async function fuzzEnvironment(): Promise<FuzzEnvironment> {
  const fs = new MemoryFileSystem(SITE_FILES);
  return { index: await SiteIndex.build(await loadHexoSite(fs, '/b'), fs) };
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface FuzzResult {
  readonly failures: string[];
  /** CPU milliseconds per stage. */
  readonly times: Record<string, number>;
}

/**
 * Everything that reads a post, on one post: the parser (both paths), the index, every rule that
 * applies, every quick fix, fix-all (twice: it must be idempotent, and keep front matter that
 * parsed parsing), completion, the preview renderer. Failures are described, not thrown.
 */
export function fuzzPost(text: string, seed: number, env: FuzzEnvironment): FuzzResult {
  const failures: string[] = [];
  const times: Record<string, number> = {};
  const [path, kind] = PATHS[(seed >>> 0) % PATHS.length];
  // CPU time, not wall time: the machines running this are shared, and a busy neighbour is no slow post.
  const stage = <T>(name: string, run: () => T): T | undefined => {
    const start = cpuMs();
    try {
      return run();
    } catch (error) {
      failures.push(`${name} threw: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)}`);
      return undefined;
    } finally {
      times[name] = (times[name] ?? 0) + cpuMs() - start;
    }
  };

  const parsed = stage('parse', () => parseFrontMatter(text));
  if (parsed?.errors.some((error) => error.message.startsWith('The front matter could not be read:'))) {
    failures.push(`parse failed inside: ${parsed.errors[0].message}`);
  }
  const quick = stage('readData', () => readFrontMatterData(text));
  if (parsed && quick && (quick.problem ?? null) !== (parsed.errors[0]?.code ?? null)) {
    failures.push(`readData problem ${String(quick.problem)} but parse ${String(parsed.errors[0]?.code)}`);
  }
  stage('index', () => {
    env.index.update(path, text);
    env.index.tagCounts();
    env.index.categoryCounts();
    env.index.keyCounts();
  });
  const context: RuleContext = {
    path, kind, site: env.index.site, index: env.index, now: NOW, settings: DEFAULT_SETTINGS,
    ...siteFileLookup({ files: new Set(Object.keys(SITE_FILES)), staticRoots: [] }),
  };
  const doc = stage('rules', () => new PostDocument(text, hexoGenerator.frontMatter));
  if (doc) {
    for (const rule of RULES) {
      if (severityOf(rule, context.settings.rules) === 'off' || (rule.kinds && !rule.kinds.includes(kind))) continue;
      const findings = stage(`rule ${rule.code}`, () => rule.check(doc, context)) ?? [];
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) stage(`fix ${rule.code}`, () => applyTextEdits(text, fix.edits));
      }
    }
  }
  const once = stage('fixAll', () => fixAll(text, context).text);
  if (once !== undefined) {
    const twice = stage('fixAll again', () => fixAll(once, context));
    if (twice && twice.text !== once) failures.push(`fix-all is not idempotent: a second run applied ${twice.applied} more fix(es)`);
    if (parsed?.valid && parsed.format !== 'none') {
      const after = stage('parse fixed', () => parseFrontMatter(once));
      if (after && !after.valid) failures.push(`fix-all broke the front matter: ${after.errors[0]?.message}`);
    }
  }
  stage('completion', () => {
    const offset = (seed >>> 3) % (text.length + 1);
    completeFrontMatter(text, offset, env.index, { now: NOW, path, kind });
  });
  const renderContext: RenderContext = { documentPath: path, site: env.index.site, syntax: hexoBodySyntax, index: env.index, resourceUrl: (file) => `res:${file}` };
  stage('render', () => renderPost(text, renderContext));
  stage('index', () => env.index.remove(path));
  // The index must forget the post entirely (the site's own photo.md is put back).
  if (path === '/b/source/_posts/photo.md') env.index.update(path, SITE_FILES[path]);

  const slow = Object.entries(times).filter(([, ms]) => ms > POST_LIMIT_MS);
  if (slow.length > 0) failures.push(`slow: ${slow.map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', ')}`);
  return { failures, times };
}

export interface FuzzSummary {
  readonly count: number;
  readonly seed: number;
  readonly failed: ReadonlyArray<{ readonly seed: number; readonly failures: readonly string[] }>;
  /** How many posts each stage took over `SLOW_STAGE_MS` on (what to look at before it reaches the limit). */
  readonly slowStages: Readonly<Record<string, number>>;
  /** The slowest stage on any post. */
  readonly slowest: { readonly seed: number; readonly ms: number; readonly stage: string };
  readonly ms: number;
}

/** Posts `seed`, `seed + 1`, … `seed + count - 1`: a failing post is replayed alone by its own seed. */
export async function runFuzz(seed: number, count: number, onProgress?: (done: number) => void,
  onFailure?: (seed: number, failures: readonly string[]) => void): Promise<FuzzSummary> {
  const env = await fuzzEnvironment();
  const failed: Array<{ seed: number; failures: string[] }> = [];
  let slowest = { seed, ms: 0, stage: '' };
  const slowStages: Record<string, number> = {};
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const postSeed = (seed + i) >>> 0;
    const result = fuzzPost(generatePost(postSeed), postSeed, env);
    for (const [stage, ms] of Object.entries(result.times)) {
      if (ms > slowest.ms) slowest = { seed: postSeed, ms, stage };
      if (ms > SLOW_STAGE_MS) slowStages[stage] = (slowStages[stage] ?? 0) + 1;
    }
    if (result.failures.length > 0) {
      failed.push({ seed: postSeed, failures: result.failures });
      onFailure?.(postSeed, result.failures);
    }
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1);
  }
  return { count, seed, failed, slowStages, slowest, ms: performance.now() - start };
}

/** A stage over this (CPU ms) on a post is counted in `FuzzSummary.slowStages`. */
export const SLOW_STAGE_MS = 100;

export function summaryLine(summary: FuzzSummary): string {
  return `fuzz: ${summary.count} posts from seed ${summary.seed} in ${(summary.ms / 1000).toFixed(1)} s: ${summary.failed.length} failing`
    + ` (slowest: ${summary.slowest.stage} on seed ${summary.slowest.seed}, ${Math.round(summary.slowest.ms)} ms)`;
}
