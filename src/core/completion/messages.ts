import type { Generator } from '../generators/generator';
import type { Message } from './types';

/** Every message completion shows besides the field descriptions; the adapter localizes them all. */
export const Messages = {
  tagPosts: '{0} posts',
  tagOnePost: '1 post',
  tagDrafts: 'Unpublished: {0} posts',
  tagOneDraft: 'Unpublished: 1 post',
  categoryPosts: '{0} · {1} posts',
  categoryOnePost: '{0} · 1 post',
  keyPosts: 'Used in {0} posts of this site',
  keyOnePost: 'Used in 1 post of this site',
  categoryBecomes: 'Written here, it becomes {0}.',
  now: 'Now, as the site writes dates ({0})',
  scaffold: 'Scaffold {0}',
  layoutFalse: 'Renders the post without the theme',
  layoutFile: 'Layout {0}',
  layoutNone: 'Renders the post without a layout',
  fromDefaults: 'The site\'s defaults give this file {0}',
  language: 'The site\'s language',
  frontMatter: 'Front matter from the {0} scaffold',
  linkTargetDetails: 'Dated {0}; tags: {1}',
} as const;

export function postsMessage(count: number, many: string, one: string, ...before: (string | number)[]): Message {
  return count === 1 ? { message: one, args: before } : { message: many, args: [...before, count] };
}

/** Every message the core can return with these generators, for the localization test. */
export function allCompletionMessages(generators: readonly Generator[]): string[] {
  const descriptions = generators.flatMap((generator) => [...generator.fields.byKey.values()].map((field) => field.description));
  return [...Object.values(Messages), ...descriptions];
}

/** English rendering of a message, for the CLI and tests (the editor localizes instead). */
export function formatMessage({ message, args = [] }: Message): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}
