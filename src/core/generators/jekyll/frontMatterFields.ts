/**
 * The front-matter fields Jekyll 4.3 reads (jekyllrb.com "Front Matter" and "Posts"), in the order its
 * documentation lists them, with the short description shown beside each key.
 */
import type { FrontMatterField, FrontMatterFields } from '../generator';

export const JEKYLL_FIELDS: readonly FrontMatterField[] = [
  { key: 'layout', value: 'layout', description: 'The layout (in _layouts) the page is rendered with.' },
  { key: 'permalink', value: 'text', description: 'The URL of the page, instead of the site\'s permalink style.' },
  { key: 'published', value: 'boolean', firstChoice: false, description: 'false keeps the post out of the build (unless --unpublished).' },
  { key: 'title', value: 'text', description: 'The title; made from the file name when left out.' },
  { key: 'date', value: 'date', description: 'Overrides the date in the file name, read in the site\'s timezone; an unreadable one fails the build.' },
  { key: 'category', value: 'text', description: 'One category, added to the folders above _posts (not split).' },
  { key: 'categories', value: 'list', words: true, description: 'Categories, added to the folders above _posts; a string is split on spaces.' },
  { key: 'tags', value: 'list', words: true, description: 'Tags; a string is split on spaces. Ignored when tag is set.', postsOnly: true },
  { key: 'tag', value: 'text', aliasOf: 'tags', description: 'One tag (not split); tags is then ignored.', postsOnly: true },
  { key: 'excerpt_separator', value: 'text', description: 'Where the excerpt ends, instead of the first blank line.' },
  { key: 'slug', value: 'text', description: 'The :slug of the permalink, instead of the one in the file name.' },
];

export const JEKYLL_FRONT_MATTER_FIELDS: FrontMatterFields = {
  list: JEKYLL_FIELDS,
  byKey: new Map(JEKYLL_FIELDS.map((field) => [field.key, field])),
};
