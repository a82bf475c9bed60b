import { digestJobId, reminderJobId } from '../domain/scheduling/jobIds';
import { nextReminderAt } from '../domain/scheduling/reminderSlots';
import { DEFAULT_PREFERENCES, type ScheduledJob } from '../domain/scheduling/schedulingTypes';
import { nextWeeklySlot } from '../domain/scheduling/weeklySlot';
import type { Action, Person, Series } from '../domain/types';
import { retryOnConflict } from '../services/retryOnConflict';
import { ConcurrencyError } from '../store/storeErrors';
import { scheduleOf } from '../services/personSchedule';
import type { SchedulerDeps } from './schedulerDeps';

/** The parts of the scheduler's dependencies that keeping jobs in step needs. */
export type ReminderSyncDeps = Pick<SchedulerDeps, 'users' | 'schedule' | 'defaultLocale'>;

/**
 * Keeps an action's reminder jobs in step with the action after it was saved: one job per owner,
 * due at that owner's next reminder slot (dormant when the action has no date), removed for owners
 * who were taken off and when the action closes. Every owner is also given a weekly digest job.
 * The reminder job re-checks the action when it fires, so a job left stale by a crash here only
 * ever fires early and reschedules itself; it never sends a wrong reminder.
 */
export async function syncActionReminders(deps: ReminderSyncDeps, action: Action, series: Series, now: string, previousOwners: readonly Person[] = []): Promise<void> {
  for (const owner of action.owners) {
    const timing = await scheduleOf(deps.users, action.tenantId, owner.id, series, deps.defaultLocale);
    const id = reminderJobId(action.id, owner.id);
    await retryOnConflict(async () => {
      const existing = await deps.schedule.getJob(action.tenantId, id);
      const previous = existing?.value.kind === 'actionReminder' ? existing.value : undefined;
      if (action.status === 'closed') {
        if (existing) await deps.schedule.deleteJob(action.tenantId, id, existing.etag);
        return;
      }
      const dueAt = previous?.snoozedUntil ?? nextReminderAt(action, previous?.lastSentAt ?? action.createdAt, timing.zone, timing.hour);
      const job: ScheduledJob = {
        id,
        tenantId: action.tenantId,
        kind: 'actionReminder',
        series: { tenantId: action.tenantId, conversationId: action.conversationId },
        actionId: action.id,
        ownerId: owner.id,
        ...(dueAt ? { dueAt } : {}),
        ...(previous?.lastSentAt ? { lastSentAt: previous.lastSentAt } : {}),
        ...(previous?.snoozedUntil ? { snoozedUntil: previous.snoozedUntil } : {}),
      };
      await deps.schedule.putJob(job, existing?.etag);
    });
    await ensureWeeklyDigest(deps, action.tenantId, owner, series, now);
  }
  for (const former of previousOwners.filter((person) => !action.owners.some((owner) => owner.id === person.id))) {
    await retryOnConflict(async () => {
      const existing = await deps.schedule.getJob(action.tenantId, reminderJobId(action.id, former.id));
      if (existing) await deps.schedule.deleteJob(action.tenantId, existing.value.id, existing.etag);
    });
  }
}

/** Gives a person a weekly digest job unless they have one or turned digests off. */
export async function ensureWeeklyDigest(deps: ReminderSyncDeps, tenantId: string, person: Person, series: Series | undefined, now: string): Promise<void> {
  const id = digestJobId(tenantId, person.id);
  if (await deps.schedule.getJob(tenantId, id)) return;
  const timing = await scheduleOf(deps.users, tenantId, person.id, series, deps.defaultLocale);
  const preferences = timing.profile?.preferences ?? DEFAULT_PREFERENCES;
  if (!preferences.digestEnabled) return;
  try {
    await deps.schedule.putJob({ id, tenantId, kind: 'weeklyDigest', userId: person.id, dueAt: nextWeeklySlot(now, timing.zone, preferences.digestDay, preferences.hour) });
  } catch (error) {
    // Another capture created it a moment ago: one digest job is all a person needs.
    if (!(error instanceof ConcurrencyError)) throw error;
  }
}
