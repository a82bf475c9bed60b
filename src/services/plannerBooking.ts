import { plannerTaskJobId, plannerWatchJobId } from '../domain/scheduling/jobIds';
import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';
import type { Action, SeriesKey } from '../domain/types';
import type { ScheduledJobs } from '../store/scheduledJobs';

/**
 * The job that brings an action's Planner task in step, due at once: written with the capture (in
 * the same transaction as its reminders), so linking to Planner costs a capture no extra round trip
 * and the chat's reply never waits for Planner. None for an action of a series with no plan.
 */
export function newPlannerJobs(action: Action, now: string): ScheduledJob[] {
  return action.planner && !action.planner.completed ? [plannerTaskJob(action, now)] : [];
}

/**
 * After a change to an action with a Planner task: a close (or reopen) is carried to Planner by
 * the action's job, booked again now. A job still waiting (the task not made yet) is left as it
 * is: it reads the action afresh when it runs.
 */
export async function followInPlanner(jobs: ScheduledJobs, action: Action, previous: Action, now: string): Promise<void> {
  if (action.status === previous.status || !action.planner || action.planner.completed) return;
  await jobs.insertJob(plannerTaskJob(action, now));
}

/** The job that watches a linked plan for tasks completed there. */
export function plannerWatchJob(series: SeriesKey, tenantId: string, planId: string, dueAt: string): ScheduledJob {
  return { id: plannerWatchJobId(series), tenantId, kind: 'plannerWatch', series: { tenantId: series.tenantId, conversationId: series.conversationId }, planId, dueAt };
}

function plannerTaskJob(action: Action, now: string): ScheduledJob {
  return {
    id: plannerTaskJobId(action.id),
    tenantId: action.tenantId,
    kind: 'plannerTask',
    series: { tenantId: action.tenantId, conversationId: action.conversationId },
    actionId: action.id,
    dueAt: now,
  };
}
