import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrateToCurrent } from './migrations';
import { guardSqliteCall } from './sqliteGuard';

/** File name of the embedded database inside `DATA_DIR` (the same file every release has used). */
export const DATA_FILE_NAME = 'meeting-actions.db';

/** How long a writer waits for another process's lock before giving up with `StoreUnavailableError`. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) `<dataDir>/meeting-actions.db` as the one connection every store of
 * this process uses, and brings it to the current schema. WAL lets other processes on the same file
 * read while one writes. `synchronous` is set to FULL, so every commit waits for the disk (an fsync
 * of the WAL), because a capture that was acknowledged must survive a power cut too. It must be
 * set: better-sqlite3 builds SQLite with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a connection to a
 * file already in WAL mode starts at NORMAL, which syncs only at checkpoints.
 */
export function openSqliteFile(dataDir: string, trace?: (sql: string) => void): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = guardSqliteCall('open its file', () =>
    new Database(join(dataDir, DATA_FILE_NAME), { timeout: BUSY_TIMEOUT_MS, ...(trace ? { verbose: (sql: unknown) => trace(String(sql)) } : {}) }),
  );
  try {
    guardSqliteCall('prepare its file', () => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      migrateToCurrent(db);
    });
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
