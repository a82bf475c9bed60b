import type Database from 'better-sqlite3';
import type { ChatsAndScheduleTransaction } from '../core/chatAndJobs';
import type { ChatDocument } from '../core/chatDocuments';
import type { JobDocument } from '../core/jobDocuments';
import { BatchRefusal, type SqliteDocumentCollection } from './sqliteDocumentCollection';
import type { DiskSync } from './diskSync';
import { guardSqliteCall } from './sqliteGuard';

/**
 * A chats batch and the jobs it brings as one IMMEDIATE transaction on the one connection both
 * tables share: one commit, so one wait for the disk, where writing them apart costs one each. A
 * refused chat write rolls the whole transaction back, jobs included.
 */
export function sqliteChatsAndSchedule(
  db: Database.Database,
  chats: SqliteDocumentCollection<ChatDocument>,
  schedule: SqliteDocumentCollection<JobDocument>,
  disk: DiskSync,
): ChatsAndScheduleTransaction {
  const transaction = db.transaction((...[partition, writes, newJobs]: Parameters<ChatsAndScheduleTransaction>) => {
    const etags = chats.batchWithin(partition, writes);
    for (const job of newJobs) schedule.createWithin(job);
    return etags;
  });
  return async (partition, writes, newJobs) => {
    try {
      const etags = guardSqliteCall('write a batch of chats documents with their jobs', () => transaction.immediate(partition, writes, newJobs));
      await disk.committed('now');
      return { etags };
    } catch (error) {
      if (!(error instanceof BatchRefusal)) throw error;
      // Rolled back: nothing written, but what was compared against was read.
      await disk.read();
      return { refusedAt: error.index, refused: error.refused };
    }
  };
}
