import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import type { SeriesKey } from '../../domain/types';
import type { ChatWrite } from '../chatRecords';
import type { ChatAndJobsWritten } from '../storage';
import type { ChatDocument } from './chatDocuments';
import { chatBatchOf } from './chatRecordsOnDocuments';
import { assertBatchSize, etagsOrRefuse, writeAllOrRefuse } from './compareAndSwap';
import type { BatchOutcome, DocumentCollection, DocumentWrite } from './documentCollection';
import { createAllIfAbsent } from './insertOnce';
import { jobDocumentOf, type JobDocument } from './jobDocuments';

/**
 * A chats batch and the creation of jobs (each unless its id exists) in one transaction, offered by
 * a backend whose transactions can span collections (SQLite: one connection to one file). Refuses
 * as `writeBatch` does, and then nothing was written.
 */
export type ChatsAndScheduleTransaction = (partition: string, writes: ReadonlyArray<DocumentWrite<ChatDocument>>, newJobs: readonly JobDocument[]) => Promise<BatchOutcome>;

/**
 * `Storage.writeChatAndJobs` over document collections: the backend's transaction when it has one;
 * otherwise the batch, then the jobs (a tenant's jobs share a partition, so in one batch of their
 * own), a job failure reported rather than thrown (the records are saved by then, and the caller
 * knows how to book again).
 */
export function chatAndJobsWriter(
  chats: DocumentCollection<ChatDocument>,
  schedule: DocumentCollection<JobDocument>,
  transaction?: ChatsAndScheduleTransaction,
): (key: SeriesKey, writes: readonly ChatWrite[], newJobs: readonly ScheduledJob[]) => Promise<ChatAndJobsWritten> {
  return async (key, writes, newJobs) => {
    const batch = chatBatchOf(key, writes);
    const jobs = newJobs.map(jobDocumentOf);
    if (transaction) {
      assertBatchSize(batch.writes.length);
      return { etags: etagsOrRefuse(await transaction(batch.partition, batch.writes, jobs)) };
    }
    const etags = await writeAllOrRefuse(chats, batch.partition, batch.writes);
    try {
      await createAllIfAbsent(schedule, jobs);
      return { etags };
    } catch (error) {
      return { etags, jobError: error };
    }
  };
}
