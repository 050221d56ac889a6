import type { SourceRange } from './text/sourceRange';

/**
 * Changes the core proposes and adapters apply (as one `WorkspaceEdit` in the editor, as file writes in
 * the CLI). The core never writes: it plans.
 */
export interface TextEdit {
  /** The span to replace, from the parser's ranges (an empty span inserts). */
  readonly range: SourceRange;
  readonly newText: string;
}

/** Applies non-overlapping edits to `text` (used by the CLI's --fix and by tests). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.startOffset - a.range.startOffset || b.range.endOffset - a.range.endOffset);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    // An edit overlapping one already applied (later in the text) is skipped rather than corrupting it.
    if (edit.range.endOffset > limit) continue;
    result = result.slice(0, edit.range.startOffset) + edit.newText + result.slice(edit.range.endOffset);
    limit = edit.range.startOffset;
  }
  return result;
}

/** A file operation in a plan; `overwrite` is never set by Postcraft's plans. */
export type FileOperation =
  /** `content` as text, or as bytes for a file copied as it is (an image of a bundle archetype). */
  | { readonly kind: 'create'; readonly path: string; readonly content: string | Uint8Array }
  /** `assetsOf`: the post created in the same plan whose files the folder holds (the editor keeps the two together). */
  | { readonly kind: 'createFolder'; readonly path: string; readonly assetsOf?: string }
  | { readonly kind: 'move'; readonly from: string; readonly to: string }
  | { readonly kind: 'delete'; readonly path: string }
  | { readonly kind: 'edit'; readonly path: string; readonly edits: readonly TextEdit[] };
