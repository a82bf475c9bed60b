import { renderChairDigestCard } from '../../cards/actionLogCards';
import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import { DigestService } from '../../services/digestService';
import type { JobOutcome } from '../jobOutcome';
import type { SchedulerDeps } from '../schedulerDeps';

type ChairJob = Extract<ScheduledJob, { kind: 'chairDigest' }>;

/**
 * Sends the chair the action log before the next meeting: every action open, or closed since the
 * last meeting, with its updates, overdue first, and the last meeting's decisions. One per meeting:
 * a job for a meeting that was moved is dropped (the move booked a new one).
 */
export async function runChairDigest(deps: SchedulerDeps, job: ChairJob, now: string): Promise<JobOutcome> {
  const series = (await deps.storage.chats.getSeries(job.series))?.value;
  if (!series || series.nextMeetingAt !== job.meetingAt) return { kind: 'delete' };
  const digest = await new DigestService(deps.storage.chats).chairDigest(series, job.meetingAt, now);
  const card = renderChairDigestCard(series, digest, job.meetingAt, deps.defaultLocale);
  const chat = series.serviceUrl ? { key: job.series, serviceUrl: series.serviceUrl } : undefined;
  if (series.chair) {
    await deps.notifier.notifyPerson({ tenantId: job.tenantId, person: series.chair, ...(chat ? { chat } : {}) }, card, 'the action log for your next meeting.');
  } else if (chat) {
    await deps.notifier.postToChat(chat, card);
  }
  return { kind: 'delete' };
}
