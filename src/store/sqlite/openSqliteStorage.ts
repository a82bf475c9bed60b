import type { UserProfile } from '../../domain/scheduling/schedulingTypes';
import type { ChatDocument } from '../core/chatDocuments';
import type { JobDocument } from '../core/jobDocuments';
import { storageOnDocuments } from '../core/storageOnDocuments';
import type { Storage } from '../storage';
import { openSqliteFile } from './openSqliteFile';
import { sqliteChatsAndSchedule } from './sqliteChatsAndSchedule';
import { SqliteDocumentCollection } from './sqliteDocumentCollection';
import { WalSync } from './walSync';

/** How to open the embedded storage beyond where its file is. */
export interface SqliteStorageOptions {
  /** Called with every SQL statement the connection runs (values inlined): for diagnosis, and the test of query plans. */
  trace?: (sql: string) => void;
}

/**
 * Opens every store on one connection to `<dataDir>/meeting-actions.db`; closing the storage closes
 * it. A chat's records and their jobs commit in one transaction (`sqliteChatsAndSchedule`).
 */
export function openSqliteStorage(dataDir: string, options: SqliteStorageOptions = {}): Storage {
  const db = openSqliteFile(dataDir, options.trace);
  try {
    const walSync = new WalSync(db);
    const chats = new SqliteDocumentCollection<ChatDocument>(db, 'chats', 'seriesId', walSync);
    const schedule = new SqliteDocumentCollection<JobDocument>(db, 'schedule', 'tenantId', walSync);
    return storageOnDocuments(
      { chats, users: new SqliteDocumentCollection<UserProfile>(db, 'users', 'tenantId', walSync), schedule },
      async () => {
        await walSync.close();
        if (db.open) db.close();
      },
      sqliteChatsAndSchedule(db, chats, schedule),
    );
  } catch (error) {
    db.close();
    throw error;
  }
}
