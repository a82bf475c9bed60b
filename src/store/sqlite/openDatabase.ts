import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** File name of the embedded database inside `DATA_DIR`. */
export const SQLITE_FILE_NAME = 'meeting-actions.db';

/** How long a writer waits for another process's lock before giving up with `StoreUnavailableError`. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) `<dataDir>/meeting-actions.db` and applies a schema. Each store opens
 * its own connection to the one file; WAL lets them and other processes read while one writes.
 */
export function openSqliteDatabase(dataDir: string, applySchema: (db: Database.Database) => void): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { timeout: BUSY_TIMEOUT_MS });
  try {
    // synchronous stays at its FULL default: a capture that was acknowledged must survive a power cut too.
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    applySchema(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
