import { StoreUnavailableError } from '../storeErrors';

/**
 * SQLite result codes that mean "try again later" rather than "the code is wrong": another process
 * held the lock past `busy_timeout`, the disk is full, or the file could not be read.
 */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)/;

/** Runs a database call, turning lock and I/O failures into `StoreUnavailableError` (what the ports promise). */
export function guardSqliteCall<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    const code = sqliteCodeOf(error);
    if (code !== undefined && TRANSIENT.test(code)) {
      throw new StoreUnavailableError(`SQLite store could not ${what}: ${(error as Error).message}`, error, { code });
    }
    throw error;
  }
}

/**
 * The result code of a better-sqlite3 `SqliteError`. Read from the error rather than by
 * `instanceof`: the native module keeps the error class it was first loaded with, which is not
 * this module's class wherever modules are loaded more than once in a process (Jest workers).
 */
function sqliteCodeOf(error: unknown): string | undefined {
  const failure = error as { name?: unknown; code?: unknown } | undefined;
  return failure?.name === 'SqliteError' && typeof failure.code === 'string' ? failure.code : undefined;
}
