import { renderActionCard } from '../../cards/actionCard';
import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import { GraphRefused, GraphUnavailable } from '../../services/graphFailures';
import type { JobOutcome } from '../jobOutcome';
import type { SchedulerDeps } from '../schedulerDeps';

type TaskJob = Extract<ScheduledJob, { kind: 'plannerTask' }>;
type WatchJob = Extract<ScheduledJob, { kind: 'plannerWatch' }>;

/** How long to wait before trying Planner again while Graph is down. */
const TRY_AGAIN_MS = 10 * 60 * 1000;
/** How long a watch whose plan Graph refuses waits before looking again (a permission may be granted meanwhile). */
const REFUSED_WATCH_AGAIN_MS = 60 * 60 * 1000;

/**
 * Brings one action's Planner task in step (made, linked back, completed once the action closed).
 * Graph down: again in ten minutes. Graph refusing (the permission, or a plan or task gone): one
 * log line saying what to grant, and the job ends; the action is as it was here.
 */
export async function runPlannerTask(deps: SchedulerDeps, job: TaskJob, now: string): Promise<JobOutcome> {
  if (!deps.planner) return { kind: 'delete' };
  const where = { jobId: job.id, actionId: job.actionId, conversation: job.series.conversationId };
  try {
    await deps.planner.syncTask(job.series, job.actionId, now);
    return { kind: 'delete' };
  } catch (error) {
    if (error instanceof GraphRefused) {
      deps.logger.warn({ ...where, status: error.status }, 'Microsoft Graph refused a Planner task change: grant Tasks.ReadWrite.All, and check the plan still exists and the owners are members of its group (docs/DEPLOY.md); this action stays as it is here');
      return { kind: 'delete' };
    }
    if (!(error instanceof GraphUnavailable)) throw error;
    deps.logger.warn({ ...where, status: error.status, err: error }, 'Microsoft Graph is unavailable; will bring the Planner task in step later');
    return { kind: 'retime', job: { ...withoutLease(job), dueAt: at(now, TRY_AGAIN_MS) } };
  }
}

/**
 * Looks at a linked plan for tasks completed in Planner, closes their actions here and redraws
 * their cards, then books the next look; the job ends when the chat is unlinked (`/planner off`).
 */
export async function runPlannerWatch(deps: SchedulerDeps, job: WatchJob, now: string): Promise<JobOutcome> {
  if (!deps.planner) return { kind: 'delete' };
  const where = { jobId: job.id, planId: job.planId, conversation: job.series.conversationId };
  try {
    const outcome = await deps.planner.watch(job.series, job.planId, now);
    if (outcome.kind === 'stop') return { kind: 'delete' };
    for (const { action, series } of outcome.closed) {
      await deps.notifier.redraw(action.cards, renderActionCard(action, series, { locale: deps.defaultLocale, now }));
      deps.logger.info({ ...where, actionId: action.id }, 'action closed: its task was completed in Planner');
    }
    return { kind: outcome.closed.length > 0 ? 'reschedule' : 'retime', job: { ...withoutLease(job), dueAt: outcome.next } };
  } catch (error) {
    if (error instanceof GraphRefused) {
      deps.logger.warn({ ...where, status: error.status }, 'Microsoft Graph refused to list the linked Planner plan: grant Tasks.ReadWrite.All, or link another plan with /planner (docs/DEPLOY.md); will look again in an hour');
      return { kind: 'retime', job: { ...withoutLease(job), dueAt: at(now, REFUSED_WATCH_AGAIN_MS) } };
    }
    if (!(error instanceof GraphUnavailable)) throw error;
    deps.logger.warn({ ...where, status: error.status, err: error }, 'Microsoft Graph is unavailable; will look at the Planner plan again later');
    return { kind: 'retime', job: { ...withoutLease(job), dueAt: at(now, TRY_AGAIN_MS) } };
  }
}

function withoutLease<J extends ScheduledJob>(job: J): J {
  const next = { ...job };
  delete next.leaseUntil;
  delete next.leaseOwner;
  return next;
}

function at(now: string, afterMs: number): string {
  return new Date(Date.parse(now) + afterMs).toISOString();
}
