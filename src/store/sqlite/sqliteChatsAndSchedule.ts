import type Database from 'better-sqlite3';
import type { ChatsAndScheduleTransaction } from '../core/chatAndJobs';
import type { ChatDocument } from '../core/chatDocuments';
import type { JobDocument } from '../core/jobDocuments';
import { BatchRefusal, type SqliteDocumentCollection } from './sqliteDocumentCollection';
import { guardSqliteCall } from './sqliteGuard';

/**
 * A chats batch and the jobs it brings as one IMMEDIATE transaction on the one connection both
 * tables share: one commit, so one fsync, where writing them apart costs one each. A refused chat
 * write rolls the whole transaction back, jobs included.
 */
export function sqliteChatsAndSchedule(db: Database.Database, chats: SqliteDocumentCollection<ChatDocument>, schedule: SqliteDocumentCollection<JobDocument>): ChatsAndScheduleTransaction {
  const transaction = db.transaction((...[partition, writes, newJobs]: Parameters<ChatsAndScheduleTransaction>) => {
    const etags = chats.batchWithin(partition, writes);
    for (const job of newJobs) schedule.createWithin(job);
    return etags;
  });
  return async (partition, writes, newJobs) => {
    try {
      return { etags: guardSqliteCall('write a batch of chats documents with their jobs', () => transaction.immediate(partition, writes, newJobs)) };
    } catch (error) {
      if (error instanceof BatchRefusal) return { refusedAt: error.index, refused: error.refused };
      throw error;
    }
  };
}
