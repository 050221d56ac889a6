/**
 * Hugo's front-matter fields (gohugo.io "Front matter" documentation, Hugo 0.111), in the order the
 * documentation lists them, with the short description shown beside each key.
 */
import type { FrontMatterField, FrontMatterFields } from '../generator';

export const HUGO_FIELDS: readonly FrontMatterField[] = [
  { key: 'title', value: 'text', description: 'The title; empty when left out.' },
  { key: 'date', value: 'date', description: 'The date the page is dated by; an unreadable one silently becomes year 1.' },
  { key: 'lastmod', value: 'date', description: 'The date the page was last changed.' },
  { key: 'publishDate', value: 'date', description: 'A future date keeps the page out of the build until then (unless --buildFuture).' },
  { key: 'expiryDate', value: 'date', description: 'After this date the page is no longer built (unless --buildExpired).' },
  { key: 'draft', value: 'boolean', firstChoice: true, description: 'A draft is built only with --buildDrafts.' },
  { key: 'tags', value: 'list', description: 'Tags (a taxonomy); a single string is one tag, never split.' },
  { key: 'categories', value: 'list', description: 'Categories (a flat taxonomy); a single string is one category.' },
  { key: 'description', value: 'text', description: 'The description, for the page\'s meta tags and summaries.' },
  { key: 'summary', value: 'text', description: 'The summary shown in lists instead of the first words.' },
  { key: 'slug', value: 'text', description: 'The last part of the URL, instead of the file name.' },
  { key: 'url', value: 'text', description: 'The whole path of the page, from the site root.' },
  { key: 'aliases', value: 'list', description: 'Other paths that redirect to this page.' },
  { key: 'weight', value: 'text', description: 'Orders the page in lists (lower first).' },
  { key: 'type', value: 'text', description: 'The content type, which picks the layout (defaults to the section).' },
  { key: 'layout', value: 'text', description: 'The layout to render the page with.' },
  { key: 'keywords', value: 'list', description: 'Keywords, for the page\'s meta tags.' },
  { key: 'linkTitle', value: 'text', description: 'A shorter title for links and menus.' },
  { key: 'isCJKLanguage', value: 'boolean', firstChoice: true, description: 'Counts words and summaries as Chinese, Japanese or Korean text.' },
  { key: 'headless', value: 'boolean', firstChoice: true, description: 'A bundle that is not rendered as a page of its own.' },
  { key: 'markup', value: 'text', description: 'The markup the content is written in (md, html, ...).' },
];

export const HUGO_FRONT_MATTER_FIELDS: FrontMatterFields = {
  list: HUGO_FIELDS,
  byKey: new Map(HUGO_FIELDS.map((field) => [field.key, field])),
  caseInsensitive: true,
};
