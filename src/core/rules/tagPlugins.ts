/**
 * Hexo's tag plugins and whether each takes a body (hexo `plugins/tag/index.ts`): what the content
 * rules know and Hexo's body completion offers, apart from templateCheck.ts, which loads Nunjucks.
 */
export const HEXO_TAG_PLUGINS: ReadonlyMap<string, boolean> = new Map([
  ['quote', true], ['blockquote', true], ['code', true], ['codeblock', true], ['iframe', false], ['img', false], ['image', false],
  ['include_code', false], ['include-code', false], ['a', false], ['link', false], ['anchor', false], ['post_path', false],
  ['post_link', false], ['asset_path', false], ['asset_link', false], ['asset_img', false], ['asset_image', false],
  ['pullquote', true], ['url_for', false], ['full_url_for', false],
]);
