import { chairDigestJobId } from '../domain/scheduling/jobIds';
import type { Series } from '../domain/types';
import type { ScheduledJobs } from '../store/scheduledJobs';
import { retryOnConflict } from './retryOnConflict';

/** When the chair's digest for the series' next meeting goes out: `leadHours` before it, or now if that has passed. */
export function chairDigestDueAt(meetingAt: string, leadHours: number, now: string): string {
  const due = new Date(Date.parse(meetingAt) - leadHours * 60 * 60 * 1000).toISOString();
  return due < now ? now : due;
}

/** Books (or moves) the chair's pre-meeting digest for the series' next meeting; cancels it when there is none. */
export async function bookChairDigest(schedule: ScheduledJobs, series: Series, leadHours: number, now: string): Promise<string | undefined> {
  const id = chairDigestJobId(series);
  return retryOnConflict(async () => {
    const existing = await schedule.getJob(series.tenantId, id);
    if (!series.nextMeetingAt || series.nextMeetingAt <= now) {
      if (existing) await schedule.deleteJob(series.tenantId, id, existing.etag);
      return undefined;
    }
    if (existing?.value.kind === 'chairDigest' && existing.value.meetingAt === series.nextMeetingAt) return existing.value.dueAt;
    const dueAt = chairDigestDueAt(series.nextMeetingAt, leadHours, now);
    const key = { tenantId: series.tenantId, conversationId: series.conversationId };
    await schedule.putJob({ id, tenantId: series.tenantId, kind: 'chairDigest', series: key, meetingAt: series.nextMeetingAt, dueAt }, existing?.etag);
    return dueAt;
  });
}
