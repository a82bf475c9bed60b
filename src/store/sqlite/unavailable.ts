import { SqliteError } from 'better-sqlite3';
import { StoreUnavailableError } from '../storeErrors';

/**
 * SQLite result codes that mean "try again later" rather than "the code is wrong": another process
 * held the lock past `busy_timeout`, the disk is full, or the file could not be read.
 */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)/;

/** Runs a database call, turning lock and I/O failures into `StoreUnavailableError`. */
export function guardSqlite<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof SqliteError && TRANSIENT.test(error.code)) {
      throw new StoreUnavailableError(`SQLite store could not ${what}: ${error.message}`, error, { code: error.code });
    }
    throw error;
  }
}
