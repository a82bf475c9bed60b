import type { JobFailure, ScheduledJob } from '../domain/scheduling/schedulingTypes';

/** Failed runs in a row a job gets before it gives up on this run and waits for its next one. */
export const MAX_JOB_FAILURES = 5;
/** The wait after a first failure; it doubles after each further one (5, 10, 20, 40 minutes). */
const FIRST_RETRY_MS = 5 * 60 * 1000;

/** How long a plan's watch waits after giving up a run before it looks again. */
const WATCH_AFTER_GIVING_UP_MS = 60 * 60 * 1000;

/** What becomes of a job whose run failed: tried again later, or given up on (and why). */
export type AfterFailure = { kind: 'retry'; job: ScheduledJob } | { kind: 'gaveUp'; job: ScheduledJob; failure: JobFailure };

/**
 * A failed job waits longer after each failure in a row, so one that keeps failing (its chat was
 * deleted, its message can never fit) costs a few tries, not one every pass for ever. After
 * `MAX_JOB_FAILURES` it gives up on this run, records why, and is put back for its next run: a
 * reminder or digest job is re-timed from scratch (this one is skipped), a plan's watch looks again
 * an hour later, and a job for one occasion (a chair's digest, a meeting's attendance or recap, one
 * action's Planner task) is kept dormant with the record of why.
 */
export function afterFailure(job: ScheduledJob, reason: string, now: string): AfterFailure {
  const failures = (job.failures ?? 0) + 1;
  if (failures < MAX_JOB_FAILURES) {
    return { kind: 'retry', job: { ...job, failures, dueAt: new Date(Date.parse(now) + FIRST_RETRY_MS * 2 ** (failures - 1)).toISOString() } };
  }
  const failure: JobFailure = { at: now, attempts: failures, reason };
  const next: ScheduledJob = { ...job, lastFailure: failure, dueAt: now };
  delete next.failures;
  // Placed afresh by the next pass: a reminder counts this one as sent, so it waits for its next slot.
  if (next.kind === 'actionReminder') return { kind: 'gaveUp', job: { ...next, unplaced: true, lastSentAt: now }, failure };
  if (next.kind === 'weeklyDigest') return { kind: 'gaveUp', job: { ...next, unplaced: true }, failure };
  // A plan's watch has no "next run" but the next look: it goes on, an hour apart, so one bad spell
  // does not stop a linked plan syncing for good.
  if (next.kind === 'plannerWatch') return { kind: 'gaveUp', job: { ...next, dueAt: new Date(Date.parse(now) + WATCH_AFTER_GIVING_UP_MS).toISOString() }, failure };
  // A chair's digest is for one meeting: kept dormant with the record of why; the next meeting books its own.
  delete next.dueAt;
  return { kind: 'gaveUp', job: next, failure };
}

/** What a job failure was, in words safe to log and to show: Teams' status and what it means, or the error's name. */
export function failureReason(error: unknown): string {
  const failure = error as { statusCode?: unknown; status?: unknown; name?: unknown } | undefined;
  const status = [failure?.statusCode, failure?.status].find((candidate): candidate is number => typeof candidate === 'number');
  if (status !== undefined) return `Teams answered ${status}${MEANINGS[status] ? ` (${MEANINGS[status]})` : ''}`;
  return typeof failure?.name === 'string' ? failure.name : 'an unexpected error';
}

const MEANINGS: Record<number, string> = {
  403: 'the app is blocked or was removed',
  404: 'the chat no longer exists',
  413: 'the message is too big for Teams',
  429: 'too many messages',
};
