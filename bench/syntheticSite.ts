import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Deterministic synthetic Hexo sites for the benchmark: mixed Chinese/English posts of 4–8 KB,
 * a long-tailed (Zipf-like) vocabulary of 400 tags, two-level categories, some block lists.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CJK_WORDS = ['副业', '写作', '效率', '前端', '后端', '读书', '旅行', '摄影', '理财', '健身', '编程', '人工智能', '产品', '设计', '生活', '思考', '工具', '开源', '数据', '算法'];
const EN_WORDS = ['notes', 'weekly', 'review', 'rust', 'typescript', 'hexo', 'vscode', 'linux', 'docker', 'react', 'vue', 'python', 'golang', 'kotlin', 'swift', 'design', 'career', 'startup', 'habits', 'books'];
const SENTENCES = [
  '今天把博客的构建流程重新梳理了一遍，发现很多步骤其实可以自动化。',
  'Writing every day is less about talent and more about lowering the cost of starting.',
  '我们在周末尝试了一个新的副业想法，结果比预期的要好一些。',
  'The trick is to keep the feedback loop short: edit, preview, publish.',
  '这篇文章记录了一些踩过的坑，希望对你有帮助。',
  'Static sites are fast, cheap to host, and easy to keep under version control.',
  '读完这本书之后，我对时间管理有了新的理解。',
  'A good tag vocabulary grows slowly and is pruned often.',
];

function tagVocabulary(size: number): string[] {
  const tags: string[] = [];
  for (let i = 0; i < size; i++) {
    const cjk = CJK_WORDS[i % CJK_WORDS.length];
    const en = EN_WORDS[Math.floor(i / CJK_WORDS.length) % EN_WORDS.length];
    tags.push(i % 3 === 0 ? `${en}-${i}` : i % 3 === 1 ? `${cjk}${i}` : `${cjk}-${en}`);
  }
  return [...new Set(tags)];
}

/** Zipf-like pick: index k with weight 1/(k+1). */
function zipfPicker(size: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < size; k++) cumulative.push((total += 1 / (k + 1)));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** How a synthetic post writes its front matter: Hexo's YAML, or Hugo's TOML. */
export type Dialect = 'yaml' | 'toml';

export function postText(i: number, random: () => number, tags: readonly string[], pickTag: () => number, dialect: Dialect = 'yaml'): string {
  const postTags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 5) }, () => tags[pickTag()]))];
  const top = CJK_WORDS[Math.floor(random() * 6)];
  const child = EN_WORDS[Math.floor(random() * 8)];
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const block = i % 4 === 0;
  const date = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const frontMatter = dialect === 'toml' ? [
    `title = "${CJK_WORDS[i % CJK_WORDS.length]} ${EN_WORDS[i % EN_WORDS.length]} 第${i}篇"`,
    `date = ${date}T10:${String(i % 60).padStart(2, '0')}:00+08:00`,
    block ? `tags = [\n${postTags.map((tag) => `  "${tag}",`).join('\n')}\n]` : `tags = [${postTags.map((tag) => `"${tag}"`).join(', ')}]`,
    `categories = ["${top}"]`,
    i % 3 === 0 ? `series = ["${child}"]` : undefined,
    i % 11 === 0 ? 'draft = true' : undefined,
  ].filter(Boolean).join('\n') : [
    `title: ${CJK_WORDS[i % CJK_WORDS.length]} ${EN_WORDS[i % EN_WORDS.length]} 第${i}篇`,
    `date: 2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`,
    block ? `tags:\n${postTags.map((tag) => `  - ${tag}`).join('\n')}` : `tags: [${postTags.join(', ')}]`,
    i % 5 === 0 ? `categories:\n  - [${top}, ${child}]\n  - 随笔` : `categories: [${top}, ${child}]`,
    i % 7 === 0 ? 'excerpt: 一段摘要 with some English words' : undefined,
  ].filter(Boolean).join('\n');
  const target = 4096 + Math.floor(random() * 4096);
  const body: string[] = [`# ${CJK_WORDS[i % CJK_WORDS.length]}`, ''];
  let length = frontMatter.length;
  while (length < target) {
    const paragraph = Array.from({ length: 3 }, () => SENTENCES[Math.floor(random() * SENTENCES.length)]).join(' ');
    body.push(paragraph, '');
    length += Buffer.byteLength(paragraph) + 2;
    if (random() < 0.1) body.push('```js', 'console.log("hello");', '```', '');
  }
  const fence = dialect === 'toml' ? '+++' : '---';
  return `${fence}\n${frontMatter}\n${fence}\n${body.join('\n')}`;
}

/**
 * A synthetic Hugo site: the same posts under `content/posts/`, every other one in TOML (`+++`), with
 * tags, flat categories and a `series` taxonomy; one in eleven is a draft.
 */
export function ensureSyntheticHugoSite(folder: string, posts: number): string {
  const marker = join(folder, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(posts)) return folder;
  rmSync(folder, { recursive: true, force: true });
  const postsDir = join(folder, 'content', 'posts');
  mkdirSync(postsDir, { recursive: true });
  writeFileSync(join(folder, 'hugo.toml'), 'baseURL = "https://bench.example.org/"\ntitle = "Bench"\ntimeZone = "Asia/Shanghai"\n[taxonomies]\n  tag = "tags"\n  category = "categories"\n  series = "series"\n');
  const random = mulberry32(posts + 1);
  const tags = tagVocabulary(400);
  const pickTag = zipfPicker(tags.length, random);
  for (let i = 0; i < posts; i++) writeFileSync(join(postsDir, `post-${String(i).padStart(5, '0')}.md`), postText(i, random, tags, pickTag, i % 2 === 0 ? 'toml' : 'yaml'));
  writeFileSync(marker, String(posts));
  return folder;
}

/**
 * A synthetic Jekyll site: the same posts as `YYYY-MM-DD-post-N.md`, one in three below a category
 * folder (`tech/_posts/`), tags written as a space-separated string in one post in four.
 */
export function ensureSyntheticJekyllSite(folder: string, posts: number): string {
  const marker = join(folder, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(posts)) return folder;
  rmSync(folder, { recursive: true, force: true });
  const folders = ['_posts', 'tech/_posts', 'life/_posts'];
  for (const posts of folders) mkdirSync(join(folder, posts), { recursive: true });
  writeFileSync(join(folder, '_config.yml'), 'title: Bench\ntimezone: Asia/Shanghai\ndefaults:\n  - scope: {path: "", type: posts}\n    values: {layout: post}\n');
  const random = mulberry32(posts + 2);
  const tags = tagVocabulary(400);
  const pickTag = zipfPicker(tags.length, random);
  for (let i = 0; i < posts; i++) {
    let text = postText(i, random, tags, pickTag);
    // One in four writes its tags as the string Jekyll splits on spaces.
    if (i % 4 === 1) text = text.replace(/^tags: \[(.*)\]$/m, (_, list: string) => `tags: ${list.split(', ').join(' ')}`);
    const date = `2025-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    writeFileSync(join(folder, folders[i % 3], `${date}-post-${String(i).padStart(5, '0')}.md`), text);
  }
  writeFileSync(marker, String(posts));
  return folder;
}

/** Writes (or reuses) a site of `posts` posts under `folder`; the content depends only on `posts`. */
export function ensureSyntheticSite(folder: string, posts: number): string {
  const marker = join(folder, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(posts)) return folder;
  rmSync(folder, { recursive: true, force: true });
  const postsDir = join(folder, 'source', '_posts');
  mkdirSync(postsDir, { recursive: true });
  mkdirSync(join(folder, 'scaffolds'), { recursive: true });
  writeFileSync(join(folder, '_config.yml'), 'title: Bench\nlanguage: zh-CN\ntimezone: Asia/Shanghai\nnew_post_name: :title.md\n');
  writeFileSync(join(folder, 'scaffolds', 'post.md'), '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n');
  const random = mulberry32(posts);
  const tags = tagVocabulary(400);
  const pickTag = zipfPicker(tags.length, random);
  for (let i = 0; i < posts; i++) writeFileSync(join(postsDir, `post-${String(i).padStart(5, '0')}.md`), postText(i, random, tags, pickTag));
  writeFileSync(marker, String(posts));
  return folder;
}
