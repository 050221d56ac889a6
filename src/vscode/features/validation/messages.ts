import * as vscode from 'vscode';
import type { MessageId, RuleMessage } from '../../../core/rules';

type Args = (string | number)[];

/**
 * The rules' messages, localized. The templates are the core's (src/core/rules/messages.ts), written
 * out as `l10n.t` literals so that the localization bundle and its test see every one; a unit test
 * keeps this table and the core's identical.
 */
const LOCALIZED: { readonly [K in MessageId]: (args: Args) => string } = {
  unclosedFrontMatter: (a) => vscode.l10n.t('The front matter opened by "{0}" has no closing "{0}" line: Hexo reads the whole file, separators included, as the post body.', ...a),
  yamlSyntax: (a) => vscode.l10n.t('The front matter is not valid YAML ({0}): Hexo fails to process this post and leaves it out of the site.', ...a),
  jsonSyntax: (a) => vscode.l10n.t('The ;;; front matter is not valid JSON ({0}): Hexo ignores it and renders the whole file, separators included.', ...a),
  frontMatterIsList: (a) => vscode.l10n.t('The front matter is a list, not key: value pairs: Hexo cannot use it as post data.', ...a),
  frontMatterNoKeys: (a) => vscode.l10n.t('The front matter holds no key: value pairs: Hexo reads the file as having none and renders the separators as text.', ...a),
  missingFrontMatter: (a) => vscode.l10n.t('This post has no front matter: Hexo takes its title from the file name and its date from the file.', ...a),
  aliasExpansion: (a) => vscode.l10n.t('Through YAML aliases (*name), "{0}" stands for {1} values and characters: Hexo copies them all, which slows the build and, a few levels of aliases deeper, runs it out of memory. Postcraft reads the post without "{0}".', ...a),
  aliasNesting: (a) => vscode.l10n.t('Through YAML aliases (*name), "{0}" nests {1} levels deep: Hexo stops with "Maximum call stack size exceeded". Postcraft reads the post without "{0}".', ...a),
  aliasCycle: (a) => vscode.l10n.t('Through a YAML alias (*name), "{0}" contains itself: Hexo fails on this post with "Maximum call stack size exceeded" (in tags or categories, it names one after the list). Postcraft reads the post without "{0}".', ...a),
  requiredKey: (a) => vscode.l10n.t('The front matter has no "{0}", which this site requires.', ...a),
  emptyTitle: (a) => vscode.l10n.t('The title is empty: the post appears without a title.', ...a),
  unknownKey: (a) => vscode.l10n.t('Unknown key "{0}": did you mean "{1}"? Hexo and the theme do not read "{0}".', ...a),
  permalinkSuffix: (a) => vscode.l10n.t('The permalink "{0}" must end with "/" or ".html": otherwise Hexo writes the page to a file without an extension.', ...a),
  titleLength: (a) => vscode.l10n.t('The title is {0} columns wide; search results show about {1} (a Chinese character counts two).', ...a),
  excerptLength: (a) => vscode.l10n.t('The excerpt is {0} columns wide; search results show about {1} (a Chinese character counts two).', ...a),
  unreadableDate: (a) => vscode.l10n.t('Hexo cannot read {0} as a date and silently uses the date in the file name or the file’s creation time instead.', ...a),
  unreadableUpdated: (a) => vscode.l10n.t('Hexo cannot read {0} as a date and silently uses the file’s modification time instead.', ...a),
  ignoredOffset: (a) => vscode.l10n.t('Hexo ignores the offset {0}: it shows this time as {1} in {2}.', ...a),
  ignoredOffsetMachineZone: (a) => vscode.l10n.t('Hexo ignores the offset {0}: it reads this time in the time zone of the machine that builds the site. Set timezone in _config.yml.', ...a),
  updatedBeforeDate: (a) => vscode.l10n.t('"updated" ({0}) is earlier than "date" ({1}).', ...a),
  futureDateShown: (a) => vscode.l10n.t('The date {0} is in the future: Hexo publishes the post now, dated then (future: true).', ...a),
  futureDateHidden: (a) => vscode.l10n.t('The date {0} is in the future: Hexo leaves the post out until then (future: false).', ...a),
  tagIsMap: (a) => vscode.l10n.t('A tag cannot be a key: value map ({0}): Hexo names it "[object Object]".', ...a),
  categoryIsMap: (a) => vscode.l10n.t('A category cannot be a key: value map ({0}): Hexo names it "[object Object]".', ...a),
  emptyTag: (a) => vscode.l10n.t('Empty tag: Hexo skips it.', ...a),
  emptyCategory: (a) => vscode.l10n.t('Empty category: Hexo skips it.', ...a),
  duplicateTag: (a) => vscode.l10n.t('The tag "{0}" is written twice: Hexo counts this post twice under it.', ...a),
  tagCollision: (a) => vscode.l10n.t('The tag "{0}" differs from the existing tag "{1}" only in case, width or spacing: readers see two tags for one, and their pages can collide.', ...a),
  categoryCollision: (a) => vscode.l10n.t('The category "{0}" differs from the existing category "{1}" only in case, width or spacing: readers see two categories for one, and their pages can collide.', ...a),
  tagNearDuplicate: (a) => vscode.l10n.t('New tag "{0}": did you mean "{1}" (used by {2} other posts)?', ...a),
  categoryNearDuplicate: (a) => vscode.l10n.t('New category "{0}": did you mean "{1}" (used by {2} other posts)?', ...a),
  tagCommaString: (a) => vscode.l10n.t('Hexo reads "{0}" as one tag, separators included: write the list {1} for {2} tags.', ...a),
  categoryCommaString: (a) => vscode.l10n.t('Hexo reads "{0}" as one category, separators included: the list {1} files the post under {2}.', ...a),
  taxonomyOnPage: (a) => vscode.l10n.t('Hexo ignores "{0}" on a page: only posts are listed under tags and categories.', ...a),
  repeatedTitle: (a) => vscode.l10n.t('This heading repeats the title, which the theme already shows above the post.', ...a),
  missingImage: (a) => vscode.l10n.t('Image not found: {0}', ...a),
  missingLinkTarget: (a) => vscode.l10n.t('Link target not found: {0}', ...a),
  missingAsset: (a) => vscode.l10n.t('No file "{0}" in this post’s asset folder: {1} renders nothing.', ...a),
  assetFolderOff: (a) => vscode.l10n.t('post_asset_folder is off in _config.yml: {0} finds no asset and renders nothing.', ...a),
  postLinkNoSlug: (a) => vscode.l10n.t('{0} needs the slug or title of a post: Hexo stops with "Post not found".', ...a),
  postLinkNotFound: (a) => vscode.l10n.t('No post has the slug or title "{0}": Hexo stops building at this {1} with "Post not found".', ...a),
  postLinkFrontMatterSlug: (a) => vscode.l10n.t('No post has the slug or title "{0}": Hexo ignores "slug: {0}" in the front matter of {1}, whose slug is its file name, "{2}".', ...a),
  unclosedBlockTag: (a) => vscode.l10n.t('The block tag "{0}" has no {% end{0} %}: Nunjucks fails to render this post.', ...a),
  strayEndTag: (a) => vscode.l10n.t('{% {0} %} closes no open tag: Nunjucks fails to render this post.', ...a),
  unclosedTemplate: (a) => vscode.l10n.t('"{0}" starts a Nunjucks expression that never ends: Hexo fails to render this post. Escape it with {% raw %} or set disableNunjucks: true.', ...a),
  templateVariable: (a) => vscode.l10n.t('Nunjucks evaluates {0} here, so it renders as empty text (or fails). Wrap it in {% raw %} or set disableNunjucks: true.', ...a),
  unknownTag: (a) => vscode.l10n.t('"{0}" is not a Hexo tag plugin: unless the theme or a plugin registers it, Hexo fails to render this post.', ...a),
  fixCloseFrontMatter: (a) => vscode.l10n.t('Close the front matter with "{0}"', ...a),
  fixAddFrontMatter: (a) => vscode.l10n.t('Add front matter', ...a),
  fixAddKey: (a) => vscode.l10n.t('Add "{0}"', ...a),
  fixSetTitle: (a) => vscode.l10n.t('Set the title to "{0}"', ...a),
  fixRenameKey: (a) => vscode.l10n.t('Rename to "{0}"', ...a),
  fixAppend: (a) => vscode.l10n.t('Append "{0}"', ...a),
  fixWriteDate: (a) => vscode.l10n.t('Write the date as {0}', ...a),
  fixWriteDateInZone: (a) => vscode.l10n.t('Write it as {0} ({1})', ...a),
  fixSetUpdatedNow: (a) => vscode.l10n.t('Set "updated" to now ({0})', ...a),
  fixRemoveItem: (a) => vscode.l10n.t('Remove the empty item', ...a),
  fixRemoveDuplicate: (a) => vscode.l10n.t('Remove the duplicate "{0}"', ...a),
  fixReplaceWith: (a) => vscode.l10n.t('Replace with "{0}"', ...a),
  fixWriteAsList: (a) => vscode.l10n.t('Write as the list {0}', ...a),
  fixRemoveKey: (a) => vscode.l10n.t('Remove "{0}"', ...a),
  fixChangeTo: (a) => vscode.l10n.t('Change to {0}', ...a),
  fixRemoveHeading: (a) => vscode.l10n.t('Remove the heading', ...a),
  fixCloseBlock: (a) => vscode.l10n.t('Add {% end{0} %}', ...a),
  fixWrapInRaw: (a) => vscode.l10n.t('Wrap in {% raw %}...{% endraw %}', ...a),
  fixDisableNunjucks: (a) => vscode.l10n.t('Add "disableNunjucks: true" to the front matter', ...a),
};

export function localize(message: RuleMessage): string {
  return LOCALIZED[message.id]([...message.args]);
}
