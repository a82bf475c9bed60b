import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import type { Versioned } from '../../domain/types';
import type { ScheduledJobs } from '../scheduledJobs';
import { deleteIfCurrent, putDocument } from './compareAndSwap';
import type { Durability } from '../durability';
import type { DocumentCollection, Stored } from './documentCollection';
import { createIfAbsent } from './insertOnce';
import { jobDocumentOf, type JobDocument, jobOf } from './jobDocuments';

/**
 * `ScheduledJobs` over any document collection partitioned by `tenantId`. The due query is a range
 * on `dueAt` across tenants, ordered and limited by the database, so a tick reads only what is due.
 */
export class ScheduledJobsOnDocuments implements ScheduledJobs {
  constructor(private readonly schedule: DocumentCollection<JobDocument>) {}

  async getJob(tenantId: string, id: string): Promise<Versioned<ScheduledJob> | undefined> {
    const stored = await this.schedule.read(tenantId, id);
    return stored && versioned(stored);
  }

  async putJob(job: ScheduledJob, etag?: string): Promise<Versioned<ScheduledJob>> {
    const next = await putDocument(this.schedule, jobDocumentOf(job), etag, `job ${job.id}`);
    return { value: job, etag: next };
  }

  async insertJob(job: ScheduledJob): Promise<boolean> {
    return createIfAbsent(this.schedule, jobDocumentOf(job));
  }

  async deleteJob(tenantId: string, id: string, etag?: string, durability: Durability = 'now'): Promise<void> {
    await deleteIfCurrent(this.schedule, tenantId, id, etag, `job ${id}`, durability);
  }

  async listDueJobs(now: string, limit: number): Promise<Array<Versioned<ScheduledJob>>> {
    const due = await this.schedule.query({
      where: [
        { field: 'dueAt', atMost: now },
        { field: 'leaseUntil', absentOrAtMost: now },
      ],
      orderBy: [{ field: 'dueAt' }],
      limit,
    });
    return due.map(versioned);
  }

  async listReminderJobsOfOwner(tenantId: string, ownerId: string): Promise<ScheduledJob[]> {
    const found = await this.schedule.query({ partition: tenantId, where: [{ field: 'ownerId', equals: ownerId }] });
    return found.map((stored) => jobOf(stored.document));
  }
}

function versioned(stored: Stored<JobDocument>): Versioned<ScheduledJob> {
  return { value: jobOf(stored.document), etag: stored.etag };
}
