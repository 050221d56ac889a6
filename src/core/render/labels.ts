/**
 * Words the renderer writes into the preview. The core has no localization of its own: the editor
 * passes translated labels (vscode.l10n), the tests and the CLI use these English defaults.
 * `{0}`, `{1}` are replaced by `formatLabel`.
 */
export interface PreviewLabels {
  readonly moreDivider: string;
  readonly moreIgnored: string;
  readonly updated: string;
  readonly words: string;
  readonly readingTime: string;
  readonly excerpt: string;
  readonly draft: string;
  readonly page: string;
  readonly frontMatterError: string;
  /** `{0}`: the generator's name. */
  readonly postDropped: string;
  readonly readsAsBody: string;
  readonly buildFails: string;
  readonly truncated: string;
  readonly missingImage: string;
  readonly frame: string;
  readonly tagPlugin: string;
  readonly postNotFound: string;
  readonly fileNotFound: string;
  readonly unclosedTag: string;
  readonly nunjucksDisabled: string;
  /** `{0}`: the key of a Hugo `param` shortcode that finds no value. */
  readonly paramNotFound: string;
}

export const DEFAULT_LABELS: PreviewLabels = {
  moreDivider: 'Excerpt ends here',
  moreIgnored: 'More marker (ignored: the front matter sets an excerpt)',
  updated: 'Updated {0}',
  words: '{0} words',
  readingTime: '{0} min read',
  excerpt: 'Excerpt',
  draft: 'Draft',
  page: 'Page',
  frontMatterError: 'Front matter error on line {0}: {1}',
  postDropped: '{0} skips this post until the front matter is fixed.',
  readsAsBody: '{0} reads the whole file as the body.',
  buildFails: '{0} stops building the whole site until the front matter is fixed.',
  truncated: 'This post is long: the preview shows its first {0} of {1} characters.',
  missingImage: 'Image not found',
  frame: 'Embedded frame',
  tagPlugin: 'Tag plugin {0}',
  postNotFound: 'No post named “{0}”',
  fileNotFound: 'File not found: {0}',
  unclosedTag: '{0} has no {1}',
  nunjucksDisabled: 'disableNunjucks: tag plugins are shown as written',
  paramNotFound: 'No param “{0}” in the front matter or the site’s params: Hugo stops the build',
};

export function formatLabel(label: string, ...values: Array<string | number>): string {
  return label.replace(/\{(\d+)\}/g, (whole, index: string) => (values[Number(index)] === undefined ? whole : String(values[Number(index)])));
}
