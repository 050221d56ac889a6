import { completeFrontMatter } from '../src/core/completion';
import { completeHexoBody, prepareHexoBodyCompletion } from '../src/core/generators/hexo/bodyCompletion';
import type { FileSystemPort } from '../src/core/ports';
import type { SiteIndex } from '../src/core/index/siteIndex';
import { median, percentile } from './measure';
import { mulberry32, postText, type Dialect } from './syntheticSite';
import { hexoPermalinkOf } from '../src/core/generators/hexo/postRecord';
import type { HexoSite } from '../src/core/generators/hexo/hexoSite';

/** Where a writer asks for suggestions: after `[`, `, `, `- `, `: `, and at the start of a key line. */
function cursorPositions(text: string): number[] {
  const end = text.indexOf(`\n${text.slice(0, 3)}`, 3);
  const positions: number[] = [];
  for (let i = 4; i <= end; i++) {
    const c = text[i - 1];
    const previous = text[i - 2];
    if (c === '[' || (c === ' ' && (previous === ',' || previous === '-' || previous === ':' || previous === '=')) || c === '\n') positions.push(i);
    // Inside a word: the editor asks again as the writer types.
    else if (c !== ' ' && text[i] !== undefined && /[,\]\n]/.test(text[i])) positions.push(i);
  }
  return positions;
}

/**
 * Completion latency on a large site: many cursor positions in synthetic posts (flow and block tag
 * lists, category hierarchies, keys), with an edit to the index every 25 requests so that the caches
 * derived from its counts are rebuilt as they are while someone types. Milliseconds per request.
 */
export async function benchCompletion(index: SiteIndex, requests = 5000, dialect: Dialect = 'yaml'): Promise<{ median: number; p99: number }> {
  const random = mulberry32(4242);
  const tags = index.tagCounts().map((tag) => tag.name);
  const pickTag = (): number => Math.floor(random() ** 2 * tags.length);
  const records = [...index.posts()].filter((record) => record.kind === 'post').slice(0, 200);
  const documents = records.slice(0, 40).map((record, i) => {
    const text = postText(i, random, tags, pickTag, dialect);
    return { path: record.path, text, positions: cursorPositions(text) };
  });
  const now = new Date();
  const run = (document: (typeof documents)[number], offset: number): number =>
    completeFrontMatter(document.text, offset, index, { now, path: document.path, kind: 'post' }).items.length;

  for (const document of documents) for (const offset of document.positions) run(document, offset);
  const samples: number[] = [];
  let offered = 0;
  for (let i = 0; i < requests; i++) {
    if (i % 25 === 24) {
      const record = records[Math.floor(random() * records.length)];
      index.update(record.path, postText(i, random, [...tags, `新标签${i % 7}`], () => Math.floor(random() * (tags.length + 1)), dialect));
    }
    const document = documents[i % documents.length];
    const offset = document.positions[Math.floor(random() * document.positions.length)];
    const start = process.hrtime.bigint();
    offered += run(document, offset);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (offered === 0) throw new Error('the completion benchmark offered nothing: its positions are wrong');
  return { median: median(samples), p99: percentile(samples, 99) };
}

/**
 * `{% post_link |` on a large site: every post is an item (slug, title, date, tags), with an edit to
 * the index every 25 requests, as while someone types elsewhere. Milliseconds per request.
 */
export function benchPostLinkCompletion(index: SiteIndex, requests = 2000): { median: number; p99: number; items: number } {
  const random = mulberry32(99);
  const tags = index.tagCounts().map((tag) => tag.name);
  const records = [...index.posts()].filter((record) => record.kind === 'post').slice(0, 200);
  const text = '---\ntitle: Linking\n---\nSee {% post_link ';
  const samples: number[] = [];
  let items = 0;
  for (let i = 0; i < requests; i++) {
    if (i % 25 === 24) {
      const record = records[Math.floor(random() * records.length)];
      index.update(record.path, postText(i, random, tags, () => Math.floor(random() * tags.length), 'yaml'));
    }
    const start = process.hrtime.bigint();
    items = completeHexoBody(text, text.length, index).length;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (items === 0) throw new Error('post_link completion offered nothing');
  return { median: median(samples), p99: percentile(samples, 99), items };
}

/**
 * `[text](|` on a large site that links to its posts by URL: every post is an item (title, URL, date,
 * tags), with an edit to the index every 25 requests, as while someone types elsewhere. Milliseconds per request.
 */
export async function benchPostUrlCompletion(index: SiteIndex, fs: FileSystemPort, requests = 2000): Promise<{ median: number; p99: number; items: number }> {
  const random = mulberry32(77);
  const tags = index.tagCounts().map((tag) => tag.name);
  const site = index.site as HexoSite;
  const records = [...index.posts()].filter((record) => record.kind === 'post' && hexoPermalinkOf(record, site)).slice(0, 200);
  // One post links to another by its URL, so the site "links that way".
  const [linking, linked] = records;
  index.update(linking.path, `---\ntitle: Linking\n---\nSee [this](/${hexoPermalinkOf(linked, site)!}).\n`);
  const text = '---\ntitle: Writing\n---\nSee [the other post](';
  await prepareHexoBodyCompletion(text, text.length, index, fs);
  const context = { path: records[2].path, siteFiles: new Set<string>() };
  const samples: number[] = [];
  let items = 0;
  for (let i = 0; i < requests; i++) {
    if (i % 25 === 24) {
      const record = records[2 + Math.floor(random() * (records.length - 2))];
      index.update(record.path, postText(i, random, tags, () => Math.floor(random() * tags.length), 'yaml'));
    }
    const start = process.hrtime.bigint();
    items = completeHexoBody(text, text.length, index, context).length;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (items < records.length) throw new Error('completion by URL offered too little');
  return { median: median(samples), p99: percentile(samples, 99), items };
}
