/**
 * Runs the last of a burst of calls per key, once the key has been quiet for the delay: a keystroke,
 * a file a `git checkout` rewrites, a folder event. One class for the editor's many such waits.
 */
export class Debouncer<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();

  /** Runs `action` after `delayMs` unless `key` is scheduled again (or cancelled) before. */
  schedule(key: K, delayMs: number, action: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      action();
    }, delayMs));
  }

  cancel(key: K): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
