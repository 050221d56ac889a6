// A completion provider that does no work: the same number of items as Postcraft offers at
// `tags: [|` (POSTCRAFT_BENCH_ITEMS), built once, with the fields Postcraft's tag items carry.
/* eslint-disable @typescript-eslint/no-require-imports */
const loadedAt = Date.now();
const vscode = require('vscode');

exports.activate = function activate(context) {
  const count = Number(process.env.POSTCRAFT_BENCH_ITEMS || 300);
  const items = Array.from({ length: count }, (_, rank) => {
    const item = new vscode.CompletionItem(`tag-${rank}`, vscode.CompletionItemKind.Keyword);
    item.detail = `${count - rank} posts`;
    item.sortText = String(rank).padStart(5, '0');
    item.filterText = `tag-${rank}`;
    item.insertText = `tag-${rank}`;
    return item;
  });
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(
    { language: 'markdown' },
    { provideCompletionItems: () => items },
    ':', ' ', '[', ',', '-',
  ));
  return { activatedAt: loadedAt };
};
