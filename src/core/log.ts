import type { LogPort } from './ports';

/**
 * The log port the whole core reports through. One per process, like the console it replaces: the
 * extension, the CLI and the test harness each install theirs at start, so that no signature from a
 * rule down to a file reader has to carry it. Until then exceptions go to the console, never nowhere.
 */
let current: LogPort = { exception: (where, error) => console.error(`Postcraft: ${where}:`, error) };

/** Installs `port`; returns the function that puts the previous one back. */
export function setLogPort(port: LogPort): () => void {
  const previous = current;
  current = port;
  return () => {
    current = previous;
  };
}

/** Reports an exception that was caught so that the rest keeps working. */
export function logException(where: string, error: unknown): void {
  current.exception(where, error);
}

/** An exception as a log shows it: the stack when there is one (it names the failing line). */
export function exceptionText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
