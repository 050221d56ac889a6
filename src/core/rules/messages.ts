/**
 * Every message the rules produce, in English with `{0}` placeholders. The CLI prints them as they
 * are (`formatRuleMessage`); the editor localizes them by id through vscode.l10n
 * (src/vscode/features/validation/messages.ts holds the same templates as `l10n.t` literals, and a
 * unit test keeps the two tables identical). Double quotes only, so the templates survive as literals.
 */
export const RULE_MESSAGES = {
  unclosedFrontMatter: 'The front matter opened by "{0}" has no closing "{0}" line: Hexo reads the whole file, separators included, as the post body.',
  buildFailingFrontMatter: 'The front matter cannot be read ({0}): {1} stops building the whole site until it is fixed.',
  yamlSyntax: 'The front matter is not valid YAML ({0}): Hexo fails to process this post and leaves it out of the site.',
  jsonSyntax: 'The ;;; front matter is not valid JSON ({0}): Hexo ignores it and renders the whole file, separators included.',
  frontMatterIsList: 'The front matter is a list, not key: value pairs: Hexo cannot use it as post data.',
  frontMatterNoKeys: 'The front matter holds no key: value pairs: Hexo reads the file as having none and renders the separators as text.',
  missingFrontMatter: 'This post has no front matter: Hexo takes its title from the file name and its date from the file.',
  aliasExpansion: 'Through YAML aliases (*name), "{0}" stands for {1} values and characters: Hexo copies them all, which slows the build and, a few levels of aliases deeper, runs it out of memory. Postcraft reads the post without "{0}".',
  aliasNesting: 'Through YAML aliases (*name), "{0}" nests {1} levels deep: Hexo stops with "Maximum call stack size exceeded". Postcraft reads the post without "{0}".',
  aliasCycle: 'Through a YAML alias (*name), "{0}" contains itself: Hexo fails on this post with "Maximum call stack size exceeded" (in tags or categories, it names one after the list). Postcraft reads the post without "{0}".',
  requiredKey: 'The front matter has no "{0}", which this site requires.',
  dateFromFile: 'The front matter has no "date": Hexo dates this post by its file on disk ({0} here), a date that changes with every checkout or copy. Write it down to keep it.',
  emptyTitle: 'The title is empty: the post appears without a title.',
  unknownKey: 'Unknown key "{0}": did you mean "{1}"? Hexo and the theme do not read "{0}".',
  permalinkSuffix: 'The permalink "{0}" must end with "/" or ".html": otherwise Hexo writes the page to a file without an extension.',
  titleLength: 'The title is {0} columns wide; search results show about {1} (a Chinese character counts two).',
  excerptLength: 'The excerpt is {0} columns wide; search results show about {1} (a Chinese character counts two).',
  unreadableDate: 'Hexo cannot read {0} as a date and silently uses the file’s creation time instead (not the date in the file name).',
  unreadableUpdated: 'Hexo cannot read {0} as a date and silently uses the file’s modification time instead.',
  ignoredOffset: 'Hexo ignores the offset {0}: it shows this time as {1} in {2}.',
  ignoredOffsetMachineZone: 'Hexo ignores the offset {0}: it reads this time in the time zone of the machine that builds the site. Set timezone in _config.yml.',
  updatedBeforeDate: '"updated" ({0}) is earlier than "date" ({1}).',
  futureDateShown: 'The date {0} is in the future: Hexo publishes the post now, dated then (future: true).',
  futureDateHidden: 'The date {0} is in the future: Hexo leaves the post out until then (future: false).',
  tagIsMap: 'A tag cannot be a key: value map ({0}): Hexo names it "[object Object]".',
  categoryIsMap: 'A category cannot be a key: value map ({0}): Hexo names it "[object Object]".',
  emptyTag: 'Empty tag: Hexo skips it.',
  emptyCategory: 'Empty category: Hexo skips it.',
  duplicateTag: 'The tag "{0}" is written twice: Hexo counts this post twice under it.',
  tagCollision: 'The tag "{0}" differs from the existing tag "{1}" only in case, width or spacing: readers see two tags for one, and their pages can collide.',
  categoryCollision: 'The category "{0}" differs from the existing category "{1}" only in case, width or spacing: readers see two categories for one, and their pages can collide.',
  tagNearDuplicate: 'New tag "{0}": did you mean "{1}" (used by {2} other posts)?',
  categoryNearDuplicate: 'New category "{0}": did you mean "{1}" (used by {2} other posts)?',
  tagCommaString: 'Hexo reads "{0}" as one tag, separators included: write the list {1} for {2} tags.',
  categoryCommaString: 'Hexo reads "{0}" as one category, separators included: the list {1} files the post under {2}.',
  taxonomyOnPage: 'Hexo ignores "{0}" on a page: only posts are listed under tags and categories.',
  repeatedTitle: 'This heading repeats the title, which the theme already shows above the post.',
  missingImage: 'Image not found: {0}',
  missingLinkTarget: 'Link target not found: {0}',
  missingAsset: 'No file "{0}" in this post’s asset folder: {1} renders nothing.',
  assetFolderOff: 'post_asset_folder is off in _config.yml: {0} finds no asset and renders nothing.',
  postLinkNoSlug: '{0} needs the slug or title of a post: Hexo stops with "Post not found".',
  postLinkNotFound: 'No post has the slug or title "{0}": Hexo stops building at this {1} with "Post not found".',
  postLinkFrontMatterSlug: 'No post has the slug or title "{0}": Hexo ignores "slug: {0}" in the front matter of {1}, whose slug is its file name, "{2}".',
  unclosedBlockTag: 'The block tag "{0}" on line {1} has no {% end{0} %}: Hexo fails to render this post (Nunjucks: {2}).',
  strayEndTag: '{% {0} %} closes no open tag: Hexo fails to render this post (Nunjucks: {1}).',
  unclosedTemplate: 'The "{0}" on line {1} starts a Nunjucks expression that never ends: Hexo fails to render this post (Nunjucks: {2}). Escape it with {% raw %} or set disableNunjucks: true.',
  templateVariable: 'Nunjucks evaluates {0} here, so it renders as empty text (or fails). Wrap it in {% raw %} or set disableNunjucks: true.',
  unknownTag: '"{0}" is not a Hexo tag plugin: unless the theme or a plugin registers it, Hexo fails to render this post.',
  nunjucksSyntax: 'Hexo fails to render this post: Nunjucks stops here with "{0}".',
  unknownFilter: 'Nunjucks has no filter "{0}": Hexo fails to render this post ("filter not found").',
  undefinedCall: '"{0}" is not a field of this post nor defined in it: Hexo fails to render this post ("Unable to call {0}").',
  templateUncheckedSize: 'Postcraft did not check the Nunjucks syntax of this post: its body is over 2 MB.',
  templateUncheckedTags: 'Postcraft did not check the Nunjucks syntax of this post: it holds too many template tags or tag names.',
  templateUncheckedDepth: 'Postcraft did not check the Nunjucks syntax of this post: its tags nest too deeply to parse.',
  fixCloseFrontMatter: 'Close the front matter with "{0}"',
  fixAddFrontMatter: 'Add front matter',
  fixAddKey: 'Add "{0}"',
  fixSetTitle: 'Set the title to "{0}"',
  fixRenameKey: 'Rename to "{0}"',
  fixAppend: 'Append "{0}"',
  fixWriteDate: 'Write the date as {0}',
  fixWriteDateInZone: 'Write it as {0} ({1})',
  fixSetUpdatedNow: 'Set "updated" to now ({0})',
  fixRemoveItem: 'Remove the empty item',
  fixRemoveDuplicate: 'Remove the duplicate "{0}"',
  fixReplaceWith: 'Replace with "{0}"',
  fixWriteAsList: 'Write as the list {0}',
  fixRemoveKey: 'Remove "{0}"',
  fixChangeTo: 'Change to {0}',
  fixRemoveHeading: 'Remove the heading',
  fixCloseBlock: 'Add {% end{0} %}',
  fixWrapInRaw: 'Wrap in {% raw %}...{% endraw %}',
  fixDisableNunjucks: 'Add "disableNunjucks: true" to the front matter',
} as const;

export type MessageId = keyof typeof RULE_MESSAGES;

/** The English text of a message (the CLI's output, and tests). */
export function formatRuleMessage(message: { readonly id: MessageId; readonly args: readonly (string | number)[] }): string {
  return RULE_MESSAGES[message.id].replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = message.args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
