import { createHash } from 'node:crypto';
import { seriesIdOf } from '../seriesId';
import type { SeriesKey } from '../types';

/** The one job that reminds this owner about this action. */
export function reminderJobId(actionId: string, ownerId: string): string {
  return `reminder-${hash(`${actionId}\n${ownerId}`)}`;
}

/** The one weekly-digest job of a person in a tenant. */
export function digestJobId(tenantId: string, userId: string): string {
  return `digest-${hash(`${tenantId}\n${userId}`)}`;
}

/** The one pre-meeting digest job of a series. */
export function chairDigestJobId(series: SeriesKey): string {
  return `chair-${seriesIdOf(series)}`;
}

/** The one job that takes a meeting's attendance from Teams (meeting ids are unique across series). */
export function attendanceJobId(meetingId: string): string {
  return `attendance-${meetingId}`;
}

/** The one job that reads Copilot's recap of a meeting. */
export function insightsJobId(meetingId: string): string {
  return `insights-${meetingId}`;
}

/** The one job that keeps an action's Planner task in step (action ids are unique across series). */
export function plannerTaskJobId(actionId: string): string {
  return `planner-task-${actionId}`;
}

/** The one job that watches a series' linked plan for tasks completed in Planner. */
export function plannerWatchJobId(series: SeriesKey): string {
  return `planner-watch-${seriesIdOf(series)}`;
}

/** The store id of a person's profile. */
export function userProfileId(tenantId: string, userId: string): string {
  return `user-${hash(`${tenantId}\n${userId}`)}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
