import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';
import type { Versioned } from '../domain/types';
import { ConcurrencyError } from '../store/storeErrors';
import { afterFailure, failureReason } from './jobFailures';
import type { JobOutcome } from './jobOutcome';
import { runActionReminder } from './jobs/actionReminderJob';
import { runChairDigest } from './jobs/chairDigestJob';
import { tellAboutGivingUp } from './jobs/gaveUpNotice';
import { runMeetingAttendance } from './jobs/meetingAttendanceJob';
import { runMeetingInsights } from './jobs/meetingInsightsJob';
import { runPlannerTask, runPlannerWatch } from './jobs/plannerJobs';
import { runWeeklyDigest } from './jobs/weeklyDigestJob';
import type { SchedulerDeps } from './schedulerDeps';
import { isFarAhead } from './tickInstant';

/** What one pass did, for logs, the CLI and tests. */
export interface TickReport {
  /** Jobs this instance claimed and ran (sent, or ended). */
  ran: number;
  /** Jobs that only found their right time (a reminder a capture booked, timed in its owner's zone); absent when none. */
  retimed?: number;
  /** Jobs another instance claimed first. */
  lost: number;
  /** Jobs that failed and were put back for a later pass (or given up on). */
  failed: number;
  /** Of those, jobs that had failed too often and gave up on this run (why is recorded on the job); absent when none. */
  gaveUp?: number;
}

/** Jobs read per query; a pass keeps reading until nothing due is left. */
const BATCH = 100;

/**
 * One scheduler pass as if it were `now`: claim each due job (an etag write, so only one instance
 * wins it), run it, then reschedule or delete it with the claim's etag. A claimer that dies leaves
 * a lease that lapses after `leaseMs`, and a later pass runs the job then, once. A job that fails
 * is tried again later, each time waiting longer, and gives up after a few tries.
 *
 * A pass run as of a time far ahead of the real clock (a forced `npm run tick -- --at`) is not taken
 * as the truth for what it writes: its claims lapse by the real clock, and the jobs it puts back are
 * left for the next real pass to time, so no job is moved past the real clock's horizon.
 */
export async function runTick(deps: SchedulerDeps, now: string): Promise<TickReport> {
  const report: TickReport = { ran: 0, lost: 0, failed: 0 };
  const realNow = deps.clock.now();
  const trusted = !isFarAhead(now, realNow);
  // A claim lapses by the later of the two clocks, so a pass catching up on the past cannot have its
  // jobs taken by a real pass at the same moment, and one far ahead does not hold them for years.
  const leaseFrom = trusted && now > realNow ? now : realNow;
  const seen = new Set<string>();
  for (;;) {
    const due = (await deps.storage.jobs.listDueJobs(now, BATCH)).filter((job) => !seen.has(job.value.id));
    if (due.length === 0) return report;
    for (const job of due) {
      seen.add(job.value.id);
      const claim = await claimJob(deps, job, leaseFrom);
      if (!claim) {
        report.lost += 1;
        continue;
      }
      try {
        const outcome = await runJob(deps, claim.value, now);
        await finish(deps, claim, trusted ? outcome : placedByRealClock(outcome, realNow));
        if (outcome.kind === 'retime') report.retimed = (report.retimed ?? 0) + 1;
        else report.ran += 1;
      } catch (error) {
        report.failed += 1;
        if (await putBack(deps, claim, error, trusted ? now : realNow)) report.gaveUp = (report.gaveUp ?? 0) + 1;
      }
    }
  }
}

/** Claims a due job for this instance, or returns undefined when another instance got there first. The lease runs from `now`. */
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

/**
 * What a pass run as of a time far ahead of the real clock puts back: due now by the real clock and
 * to be timed afresh (a reminder's "last sent" no later than now), so the next real pass places it.
 */
function placedByRealClock(outcome: JobOutcome, realNow: string): JobOutcome {
  if (outcome.kind === 'delete') return outcome;
  const job = outcome.job;
  if (job.kind === 'actionReminder') {
    const lastSentAt = job.lastSentAt && job.lastSentAt > realNow ? realNow : job.lastSentAt;
    return { ...outcome, job: { ...job, dueAt: realNow, unplaced: true, ...(lastSentAt ? { lastSentAt } : {}) } };
  }
  if (job.kind === 'weeklyDigest') return { ...outcome, job: { ...job, dueAt: realNow, unplaced: true } };
  return { ...outcome, job: { ...job, dueAt: realNow } };
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
    // It ran: the count of failures in a row starts again.
    delete next.failures;
    await deps.storage.jobs.putJob(next, claim.etag);
  } catch (error) {
    // The job was changed while we held it (an owner re-dated the action): their version stands,
    // and it re-checks the action when it fires.
    if (!(error instanceof ConcurrencyError)) throw error;
  }
}

/** Puts a failed job back for a later try, or gives up on this run of it; true when it gave up. */
async function putBack(deps: SchedulerDeps, claim: Versioned<ScheduledJob>, error: unknown, now: string): Promise<boolean> {
  const reason = failureReason(error);
  const next = afterFailure(claim.value, reason, now);
  const { id, kind } = claim.value;
  if (next.kind === 'retry') deps.logger.error({ err: error, jobId: id, kind, failures: next.job.failures, retryAt: next.job.dueAt }, 'scheduled job failed; will retry');
  else deps.logger.error({ err: error, jobId: id, kind, attempts: next.failure.attempts, reason }, 'scheduled job failed too often; gave up on this run');
  const job: ScheduledJob = { ...next.job };
  delete job.leaseUntil;
  delete job.leaseOwner;
  try {
    await deps.storage.jobs.putJob(job, claim.etag);
  } catch (putBackError) {
    deps.logger.error({ err: putBackError, jobId: id }, 'could not put a failed job back');
  }
  if (next.kind === 'gaveUp') await tellAboutGivingUp(deps, claim.value, next.failure);
  return next.kind === 'gaveUp';
}
