export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange<U> {
  readonly uri: U;
  readonly kind: FileChangeKind;
}

export interface BatchTiming {
  /** Deliver once no event has come for this long: a `git checkout` or `hexo generate` is one burst. */
  readonly settleMs: number;
  /** Deliver at the latest this long after a batch's first event, so a long burst is not held back. */
  readonly maxWaitMs?: number;
}

/**
 * Gathers a burst of file events into one batch with one entry per file, delivered once the burst
 * settles. For a file seen several times the last event counts, except that a file created and then
 * written stays created (the listeners treat a new file differently from a changed one).
 * Free of `vscode` so that the unit tests run it on plain Node.
 */
export class FileChangeBatcher<U> {
  private pending = new Map<string, FileChange<U>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstEventAt = 0;
  private disposed = false;

  constructor(
    private readonly timing: BatchTiming,
    private readonly keyOf: (uri: U) => string,
    private readonly deliver: (batch: readonly FileChange<U>[]) => void,
  ) {}

  add(uri: U, kind: FileChangeKind): void {
    if (this.disposed) return;
    const key = this.keyOf(uri);
    const before = this.pending.get(key);
    // Map order is first insertion: re-set after delete so the batch lists files in their last event's order.
    this.pending.delete(key);
    this.pending.set(key, { uri, kind: before?.kind === 'created' && kind === 'changed' ? 'created' : kind });
    const now = Date.now();
    if (this.pending.size === 1 && before === undefined) this.firstEventAt = now;
    clearTimeout(this.timer);
    const maxWait = this.timing.maxWaitMs ?? Number.POSITIVE_INFINITY;
    const wait = Math.max(0, Math.min(this.timing.settleMs, this.firstEventAt + maxWait - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Delivers what is pending now (nothing when nothing is). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.deliver(batch);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.pending.clear();
  }
}
