import * as vscode from 'vscode';
import { countWords, DEFAULT_GENERATOR, type WordCount } from '../../core/api';
import { Settings, StatusBarItems } from '../constants';
import { Debouncer } from '../services/debouncer';
import type { SiteService } from '../services/siteService';

/** The status bar item on Markdown posts: CJK-aware word count and reading time. */
export class WordCountStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(StatusBarItems.wordCount, vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly refreshTimer = new Debouncer<'refresh'>();
  /** The last count shown, for tests and for the preview header. */
  current: WordCount | undefined;

  constructor(private readonly sites: SiteService) {
    this.item.name = vscode.l10n.t('Postcraft word count');
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(Settings.section)) this.refresh();
      }),
    );
    this.refresh();
  }

  private scheduleRefresh(): void {
    this.refreshTimer.schedule('refresh', 200, () => this.refresh());
  }

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const settings = document && vscode.workspace.getConfiguration(Settings.section, document.uri);
    if (!document || document.languageId !== 'markdown' || !settings?.get<boolean>(Settings.wordCountEnabled, true)) {
      this.current = undefined;
      this.item.hide();
      return;
    }
    const text = document.getText();
    // The body starts where the post's generator ends its front matter (Hugo's `+++`, Hexo's `---`).
    const generator = this.sites.siteFor(document.uri)?.site.generator ?? DEFAULT_GENERATOR;
    const count = countWords(text.slice(generator.frontMatter.split(text).bodyOffset), {
      cjkPerMinute: settings.get<number>(Settings.readingSpeedCjk, 300),
      wordsPerMinute: settings.get<number>(Settings.readingSpeedWords, 200),
    });
    this.current = count;
    this.item.text = `$(book) ${vscode.l10n.t('{0} words · {1} min', count.total, count.readingMinutes)}`;
    this.item.tooltip = vscode.l10n.t('{0} CJK characters and {1} other words; about {2} min to read', count.cjkCharacters, count.words, count.readingMinutes);
    this.item.show();
  }

  dispose(): void {
    this.refreshTimer.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
