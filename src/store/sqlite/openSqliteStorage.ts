import type { UserProfile } from '../../domain/scheduling/schedulingTypes';
import type { ChatDocument } from '../core/chatDocuments';
import type { JobDocument } from '../core/jobDocuments';
import { storageOnDocuments } from '../core/storageOnDocuments';
import type { Storage } from '../storage';
import { DiskSync, type DiskSyncOptions } from './diskSync';
import { openSqliteFile } from './openSqliteFile';
import { sqliteChatsAndSchedule } from './sqliteChatsAndSchedule';
import { SqliteDocumentCollection } from './sqliteDocumentCollection';


/** How to open the embedded storage beyond where its file is. */
export interface SqliteStorageOptions {
  /** Called with every SQL statement the connection runs (values inlined): for diagnosis, and the test of query plans. */
  trace?: (sql: string) => void;
  /** How the connection waits for the disk (see `DiskSync`): for diagnosis, and the tests that count syncs. */
  disk?: DiskSyncOptions;
}

/**
 * Opens every store on one connection to `<dataDir>/meeting-actions.db`; closing the storage syncs
 * what is waiting and closes it. A chat's records and their jobs commit in one transaction
 * (`sqliteChatsAndSchedule`); every call waits for the disk as `DiskSync` says.
 */
export function openSqliteStorage(dataDir: string, options: SqliteStorageOptions = {}): Storage {
  const db = openSqliteFile(dataDir, options.trace);
  try {
    const disk = new DiskSync(db, options.disk);
    const chats = new SqliteDocumentCollection<ChatDocument>(db, 'chats', 'seriesId', disk);
    const schedule = new SqliteDocumentCollection<JobDocument>(db, 'schedule', 'tenantId', disk);
    return storageOnDocuments(
      { chats, users: new SqliteDocumentCollection<UserProfile>(db, 'users', 'tenantId', disk), schedule },
      async () => {
        await disk.close();
        if (db.open) db.close();
      },
      sqliteChatsAndSchedule(db, chats, schedule, disk),
    );
  } catch (error) {
    db.close();
    throw error;
  }
}
