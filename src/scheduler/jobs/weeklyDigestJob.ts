import { renderWeeklyDigestCard } from '../../cards/weeklyDigestCard';
import { buildOwnerDigest } from '../../domain/scheduling/ownerDigest';
import { DEFAULT_PREFERENCES, type ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import { nextWeeklySlot } from '../../domain/scheduling/weeklySlot';
import type { JobOutcome } from '../jobOutcome';
import { loadOpenActionsOf } from '../../services/openActionsOf';
import { scheduleOf } from '../../services/personSchedule';
import type { SchedulerDeps } from '../schedulerDeps';

type DigestJob = Extract<ScheduledJob, { kind: 'weeklyDigest' }>;

/**
 * Sends a person their weekly digest and books the next one. With no open actions the job ends (a
 * new action books it again); after downtime one digest goes out and the next is a week from now.
 * A job put back unplaced is only timed.
 */
export async function runWeeklyDigest(deps: SchedulerDeps, job: DigestJob, now: string): Promise<JobOutcome> {
  const open = await loadOpenActionsOf(deps.storage, job.tenantId, job.userId);
  const first = open[0];
  if (!first) return { kind: 'delete' };
  const timing = await scheduleOf(deps.storage.users, job.tenantId, job.userId, first.series, deps.defaultLocale);
  const preferences = timing.profile?.preferences ?? DEFAULT_PREFERENCES;
  if (!preferences.digestEnabled) return { kind: 'delete' };
  if (job.unplaced) {
    // Put back to be timed afresh (a pass that gave up on it, or one run as of another time): its next slot, nothing sent.
    const placed: DigestJob = { ...job, dueAt: nextWeeklySlot(now, timing.zone, preferences.digestDay, preferences.hour) };
    delete placed.unplaced;
    return { kind: 'retime', job: placed };
  }
  const digest = buildOwnerDigest(open.map((entry) => entry.action), now, timing.zone);
  const titles = new Map(open.map((entry) => [entry.action.id, entry.series.title ?? 'A meeting chat']));
  const card = renderWeeklyDigestCard(digest, { locale: timing.locale, chatTitle: (action) => titles.get(action.id) ?? '' });
  const owner = first.action.owners.find((person) => person.id === job.userId) ?? { id: job.userId, name: timing.profile?.name ?? 'you' };
  await deps.notifier.notifyPerson(
    { tenantId: job.tenantId, person: owner, ...(first.series.serviceUrl ? { chat: { key: first.series, serviceUrl: first.series.serviceUrl } } : {}) },
    card,
    `your weekly digest: ${digest.total} open action${digest.total === 1 ? '' : 's'}.`,
  );
  return { kind: 'reschedule', job: { ...job, dueAt: nextWeeklySlot(now, timing.zone, preferences.digestDay, preferences.hour) } };
}
