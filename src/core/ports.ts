/**
 * The core's only ways out. Adapters (VS Code's workspace.fs, Node's fs for the CLI, an in-memory
 * map for tests) implement these, so the core runs unchanged in the editor, the CLI and a browser.
 * Paths are absolute and use `/` separators; adapters convert at the edge.
 */
export type FileKind = 'file' | 'directory' | 'other';

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: FileKind;
}

export interface FileStat {
  readonly kind: FileKind;
  readonly size: number;
  /** Milliseconds since the epoch. */
  readonly mtime: number;
  /** Creation (birth) time where the file system keeps one, else the last status change. */
  readonly ctime: number;
  /** Last status change (POSIX ctime), when the adapter knows it: Hexo dates pages by it. */
  readonly changed?: number;
}

export interface FileSystemPort {
  readFile(path: string): Promise<Uint8Array>;
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** Resolves to undefined when nothing is at `path`. */
  stat(path: string): Promise<FileStat | undefined>;
}

/** A source of "now", so that tests and plans are deterministic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Cooperative cancellation, shaped like VS Code's CancellationToken so the adapter passes it through. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export const neverCancelled: Cancellation = { isCancellationRequested: false };

/**
 * Where the core reports an exception it caught so that the rest keeps working (a rule that threw on
 * odd input): a bug to report, never the writer's mistake. The editor writes it to its output
 * channel, the CLI to stderr; the unit tests fail on it.
 */
export interface LogPort {
  exception(where: string, error: unknown): void;
}
