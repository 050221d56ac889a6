/**
 * Hexo's front-matter fields (hexojs/site `source/docs/front-matter.md`; hexo `lib/models/post.ts`),
 * in the order the docs list them, with the short description shown beside each key.
 */
import type { FrontMatterField, FrontMatterFields } from '../generator';

export const HEXO_FIELDS: readonly FrontMatterField[] = [
  { key: 'layout', value: 'layout', description: 'The scaffold layout; `false` renders the post without the theme.' },
  { key: 'title', value: 'text', description: 'The title; defaults to the file name.' },
  { key: 'date', value: 'date', description: 'Published date; defaults to the date in the file name or the file\'s creation time.' },
  { key: 'updated', value: 'date', description: 'Last updated; defaults per `updated_option` (the file\'s modification time).' },
  { key: 'comments', value: 'boolean', firstChoice: false, description: 'Whether comments are enabled (default true).' },
  { key: 'tags', value: 'list', postsOnly: true, description: 'Tags; a single value becomes a one-item list.' },
  { key: 'categories', value: 'list', postsOnly: true, description: 'Categories; a flat list is one hierarchy (`[A, B]` is A > B).' },
  { key: 'permalink', value: 'text', description: 'Overrides the URL; must end with `/` or `.html`.' },
  { key: 'excerpt', value: 'text', description: 'Excerpt in plain text; when set, `<!-- more -->` does not split the post.' },
  { key: 'disableNunjucks', value: 'boolean', firstChoice: true, description: 'Turns off `{{ }}`, `{% %}` and tag plugins in this post.' },
  { key: 'lang', value: 'language', description: 'The language of the post.' },
  { key: 'published', value: 'boolean', firstChoice: false, description: 'Whether the post is published (always false in `_drafts`).' },
];

export const FIELD_BY_KEY: ReadonlyMap<string, FrontMatterField> = new Map([
  ...HEXO_FIELDS.map((field) => [field.key, field] as const),
  ['tag', { key: 'tag', value: 'list', postsOnly: true, aliasOf: 'tags', description: 'Alias of `tags`.' }],
  ['category', { key: 'category', value: 'list', postsOnly: true, aliasOf: 'categories', description: 'Alias of `categories`.' }],
]);

export const HEXO_FRONT_MATTER_FIELDS: FrontMatterFields = { list: HEXO_FIELDS, byKey: FIELD_BY_KEY };
