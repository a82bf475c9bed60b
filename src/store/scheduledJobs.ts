import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';
import type { Versioned } from '../domain/types';
import type { Durability } from './durability';

/**
 * Future work for the scheduler, partitioned by tenant (Cosmos `schedule` container, `/tenantId`).
 * Reading what is due costs in proportion to what is due (an index on the due instant), never to
 * everything stored. Claims are etag writes, so of several instances only one wins each job.
 * Every method is one round trip (queries: one per page of results).
 */
export interface ScheduledJobs {
  /** Reads one job by id. */
  getJob(tenantId: string, id: string): Promise<Versioned<ScheduledJob> | undefined>;
  /** Creates (no etag; `ConcurrencyError` if it exists) or replaces (etag must be current) a job. */
  putJob(job: ScheduledJob, etag?: string): Promise<Versioned<ScheduledJob>>;
  /** Creates a job unless one with its id exists; says whether it created it (an existing one is left as it is). */
  insertJob(job: ScheduledJob): Promise<boolean>;
  /**
   * Deletes a job. With `etag`, only that version (`ConcurrencyError` if it changed); without, whatever
   * is stored. Deleting a job that is not there is not an error. `soon` lets a deletion the
   * scheduler would redo anyway (a reminder whose action closed) return before it is on disk (see
   * `Durability`).
   */
  deleteJob(tenantId: string, id: string, etag?: string, durability?: Durability): Promise<void>;
  /** Jobs due at `now` that nobody holds a live claim on, oldest first, at most `limit`. */
  listDueJobs(now: string, limit: number): Promise<Array<Versioned<ScheduledJob>>>;
  /** A person's reminder jobs (dormant ones too): one per open action they own, so also the index the weekly digest reads. */
  listReminderJobsOfOwner(tenantId: string, ownerId: string): Promise<ScheduledJob[]>;
}
