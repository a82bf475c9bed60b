import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import type { Versioned } from '../../domain/types';
import type { ScheduleStore } from '../scheduleStore';
import { withoutStorageFields } from './documents';
import type { EtagDocuments } from './etagDocuments';

/**
 * Scheduled work in the `schedule` container, partitioned by tenant. Claims and updates are point
 * writes. The due query crosses partitions but is served by the range index on `dueAt`, so its
 * cost follows the number of due jobs (plus a small per-physical-partition overhead), not the
 * number of jobs or actions stored.
 */
export class CosmosScheduleStore implements ScheduleStore {
  constructor(private readonly jobs: EtagDocuments) {}

  async getJob(tenantId: string, id: string): Promise<Versioned<ScheduledJob> | undefined> {
    const document = await this.jobs.read<ScheduledJob>('read a job', id, tenantId);
    return document && versioned(document);
  }

  async putJob(job: ScheduledJob, etag?: string): Promise<Versioned<ScheduledJob>> {
    // `ownerId` is lifted to the top level for every kind so one composite query finds an owner's jobs.
    const document = { ...job, ownerId: job.kind === 'actionReminder' ? job.ownerId : null };
    const next = await this.jobs.write(`job ${job.id}`, document, job.tenantId, etag);
    return { value: job, etag: next };
  }

  async deleteJob(tenantId: string, id: string, etag: string): Promise<void> {
    await this.jobs.delete(`delete job ${id}`, id, tenantId, etag);
  }

  async listDueJobs(now: string, limit: number): Promise<Array<Versioned<ScheduledJob>>> {
    const documents = await this.jobs.query<ScheduledJob>(
      'list due jobs',
      `SELECT TOP @limit * FROM c WHERE IS_DEFINED(c.dueAt) AND c.dueAt <= @now
       AND (NOT IS_DEFINED(c.leaseUntil) OR c.leaseUntil <= @now) ORDER BY c.dueAt`,
      [
        { name: '@now', value: now },
        { name: '@limit', value: limit },
      ],
    );
    return documents.map(versioned);
  }

  async listReminderJobsOfOwner(tenantId: string, ownerId: string): Promise<ScheduledJob[]> {
    const documents = await this.jobs.query<ScheduledJob>(
      "list an owner's jobs",
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.ownerId = @ownerId',
      [
        { name: '@tenantId', value: tenantId },
        { name: '@ownerId', value: ownerId },
      ],
      tenantId,
    );
    return documents.map((document) => versioned(document).value);
  }
}

function versioned(document: ScheduledJob & { _etag: string; ownerId?: string | null }): Versioned<ScheduledJob> {
  // `ownerId` was lifted to the top level for the owner query; only reminder jobs really have one.
  const job = withoutStorageFields<ScheduledJob>(document, document.kind === 'actionReminder' ? [] : ['ownerId']);
  return { value: job, etag: document._etag };
}
