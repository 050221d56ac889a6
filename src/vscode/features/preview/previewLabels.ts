import * as vscode from 'vscode';
import type { PreviewLabels } from '../../../core/render';

/** The renderer's words in the editor's language. */
export function localizedLabels(): PreviewLabels {
  return {
    moreDivider: vscode.l10n.t('Excerpt ends here'),
    moreIgnored: vscode.l10n.t('More marker (ignored: the front matter sets an excerpt)'),
    updated: vscode.l10n.t('Updated {0}', '{0}'),
    words: vscode.l10n.t('{0} words', '{0}'),
    readingTime: vscode.l10n.t('{0} min read', '{0}'),
    excerpt: vscode.l10n.t('Excerpt'),
    draft: vscode.l10n.t('Draft'),
    page: vscode.l10n.t('Page'),
    frontMatterError: vscode.l10n.t('Front matter error on line {0}: {1}', '{0}', '{1}'),
    postDropped: vscode.l10n.t('{0} skips this post until the front matter is fixed.'),
    readsAsBody: vscode.l10n.t('{0} reads the whole file as the body.'),
    buildFails: vscode.l10n.t('{0} stops building the whole site until the front matter is fixed.'),
    truncated: vscode.l10n.t('This post is long: the preview shows its first {0} of {1} characters.', '{0}', '{1}'),
    missingImage: vscode.l10n.t('Image not found'),
    frame: vscode.l10n.t('Embedded frame'),
    tagPlugin: vscode.l10n.t('Tag plugin {0}', '{0}'),
    postNotFound: vscode.l10n.t('No post named “{0}”', '{0}'),
    fileNotFound: vscode.l10n.t('File not found: {0}', '{0}'),
    unclosedTag: vscode.l10n.t('{0} has no {1}', '{0}', '{1}'),
    nunjucksDisabled: vscode.l10n.t('disableNunjucks: tag plugins are shown as written'),
    paramNotFound: vscode.l10n.t('No param “{0}” in the front matter or the site’s params: Hugo stops the build', '{0}'),
  };
}
