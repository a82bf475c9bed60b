import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';
import type { Versioned } from '../domain/types';
import { ConcurrencyError } from '../store/storeErrors';
import type { JobOutcome } from './jobOutcome';
import { runActionReminder } from './jobs/actionReminderJob';
import { runChairDigest } from './jobs/chairDigestJob';
import { runMeetingAttendance } from './jobs/meetingAttendanceJob';
import { runMeetingInsights } from './jobs/meetingInsightsJob';
import { runPlannerTask, runPlannerWatch } from './jobs/plannerJobs';
import { runWeeklyDigest } from './jobs/weeklyDigestJob';
import type { SchedulerDeps } from './schedulerDeps';

/** What one pass did, for logs, the CLI and tests. */
export interface TickReport {
  /** Jobs this instance claimed and ran (sent, or ended). */
  ran: number;
  /** Jobs that only found their right time (a reminder a capture booked, timed in its owner's zone); absent when none. */
  retimed?: number;
  /** Jobs another instance claimed first. */
  lost: number;
  /** Jobs that failed and were put back for a later pass. */
  failed: number;
}

/** Jobs read per query; a pass keeps reading until nothing due is left. */
const BATCH = 100;
/** A failing job waits this long before it is tried again, so one bad job cannot spin. */
const RETRY_DELAY_MS = 5 * 60 * 1000;

/**
 * One scheduler pass as if it were `now`: claim each due job (an etag write, so only one instance
 * wins it), run it, then reschedule or delete it with the claim's etag. A claimer that dies leaves
 * a lease that lapses after `leaseMs`, and a later pass runs the job then, once.
 */
export async function runTick(deps: SchedulerDeps, now: string): Promise<TickReport> {
  const report: TickReport = { ran: 0, lost: 0, failed: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = (await deps.storage.jobs.listDueJobs(now, BATCH)).filter((job) => !seen.has(job.value.id));
    if (due.length === 0) return report;
    for (const job of due) {
      seen.add(job.value.id);
      const claim = await claimJob(deps, job, now);
      if (!claim) {
        report.lost += 1;
        continue;
      }
      try {
        const outcome = await runJob(deps, claim.value, now);
        await finish(deps, claim, outcome);
        if (outcome.kind === 'retime') report.retimed = (report.retimed ?? 0) + 1;
        else report.ran += 1;
      } catch (error) {
        report.failed += 1;
        deps.logger.error({ err: error, jobId: job.value.id, kind: job.value.kind }, 'scheduled job failed; will retry');
        await putBack(deps, claim, now).catch((putBackError: unknown) => deps.logger.error({ err: putBackError, jobId: job.value.id }, 'could not put a failed job back'));
      }
    }
  }
}

/** Claims a due job for this instance, or returns undefined when another instance got there first. */
export async function claimJob(deps: Pick<SchedulerDeps, 'storage' | 'instanceId' | 'leaseMs'>, job: Versioned<ScheduledJob>, now: string): Promise<Versioned<ScheduledJob> | undefined> {
  const leaseUntil = new Date(Date.parse(now) + deps.leaseMs).toISOString();
  try {
    return await deps.storage.jobs.putJob({ ...job.value, leaseUntil, leaseOwner: deps.instanceId }, job.etag);
  } catch (error) {
    if (error instanceof ConcurrencyError) return undefined;
    throw error;
  }
}

async function runJob(deps: SchedulerDeps, job: ScheduledJob, now: string): Promise<JobOutcome> {
  switch (job.kind) {
    case 'actionReminder':
      return runActionReminder(deps, job, now);
    case 'weeklyDigest':
      return runWeeklyDigest(deps, job, now);
    case 'chairDigest':
      return runChairDigest(deps, job, now);
    case 'meetingAttendance':
      return runMeetingAttendance(deps, job, now);
    case 'meetingInsights':
      return runMeetingInsights(deps, job, now);
    case 'plannerTask':
      return runPlannerTask(deps, job, now);
    case 'plannerWatch':
      return runPlannerWatch(deps, job, now);
  }
}

async function finish(deps: SchedulerDeps, claim: Versioned<ScheduledJob>, outcome: JobOutcome): Promise<void> {
  try {
    if (outcome.kind === 'delete') {
      await deps.storage.jobs.deleteJob(claim.value.tenantId, claim.value.id, claim.etag);
      return;
    }
    const next: ScheduledJob = { ...outcome.job };
    delete next.leaseUntil;
    delete next.leaseOwner;
    await deps.storage.jobs.putJob(next, claim.etag);
  } catch (error) {
    // The job was changed while we held it (an owner re-dated the action): their version stands,
    // and it re-checks the action when it fires.
    if (!(error instanceof ConcurrencyError)) throw error;
  }
}

async function putBack(deps: SchedulerDeps, claim: Versioned<ScheduledJob>, now: string): Promise<void> {
  const retry: ScheduledJob = { ...claim.value, dueAt: new Date(Date.parse(now) + RETRY_DELAY_MS).toISOString() };
  delete retry.leaseUntil;
  delete retry.leaseOwner;
  await deps.storage.jobs.putJob(retry, claim.etag);
}
