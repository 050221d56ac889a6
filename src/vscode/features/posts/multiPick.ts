import * as vscode from 'vscode';

interface Choice extends vscode.QuickPickItem {
  readonly value: string;
}

/**
 * A multi-select quick pick over existing names (tags from the index) that also takes a new name:
 * what the writer types is offered as an extra item. Resolves to the picked names, or undefined when
 * dismissed.
 */
export function pickMany(items: readonly { label: string; description?: string }[], placeholder: string, newItemLabel: string): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<Choice>();
    const existing: Choice[] = items.map((item) => ({ ...item, value: item.label }));
    const added = new Map<string, Choice>();
    pick.canSelectMany = true;
    pick.placeholder = placeholder;
    pick.items = existing;
    let done = false;
    const finish = (result: string[] | undefined): void => {
      if (done) return;
      done = true;
      resolve(result);
      pick.dispose();
    };
    const subscriptions = [
      pick.onDidChangeValue((value) => {
        const name = value.trim();
        const selected = pick.selectedItems;
        const typed: Choice[] = name && !existing.some((item) => item.value === name) && !added.has(name)
          ? [{ label: name, description: newItemLabel, value: name, alwaysShow: true }]
          : [];
        pick.items = [...typed, ...added.values(), ...existing];
        pick.selectedItems = pick.items.filter((item) => selected.some((chosen) => chosen.value === item.value));
      }),
      pick.onDidChangeSelection((selection) => {
        for (const item of selection) if (!existing.includes(item) && !added.has(item.value)) added.set(item.value, item);
      }),
      pick.onDidAccept(() => finish(pick.selectedItems.map((item) => item.value))),
      pick.onDidHide(() => finish(undefined)),
    ];
    pick.onDidHide(() => subscriptions.forEach((subscription) => subscription.dispose()));
    pick.show();
  });
}
