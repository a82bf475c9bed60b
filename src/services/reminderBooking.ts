import { digestJobId, reminderJobId } from '../domain/scheduling/jobIds';
import { DEFAULT_PREFERENCES, type NotificationPreferences, type ScheduledJob } from '../domain/scheduling/schedulingTypes';
import { nextWeeklySlot } from '../domain/scheduling/weeklySlot';
import type { Action, Person, Series } from '../domain/types';
import type { ScheduledJobs } from '../store/scheduledJobs';
import type { UserProfiles } from '../store/userProfiles';
import { scheduleOf } from './personSchedule';
import { retryOnConflict } from './retryOnConflict';

type ReminderJob = Extract<ScheduledJob, { kind: 'actionReminder' }>;

/**
 * A new action's reminders: one job per owner, due at once and unplaced, so the scheduler's next
 * pass times it in that owner's zone at their hour. Written with the capture (no read: a capture
 * never waits for profiles); a job that exists already (a redelivery) is left as it is.
 */
export function newReminders(action: Action, now: string): ReminderJob[] {
  if (action.status !== 'open') return [];
  return action.owners.map((owner) => unplacedReminder(action, owner.id, now));
}

/**
 * Keeps an action's reminder jobs in step after a change: closed, every owner's job goes (no read
 * needed); reopened, re-dated or reassigned, each owner's job is re-placed (keeping when they were
 * last reminded and any snooze) and former owners' jobs go. A change that touches none of owners,
 * due date and status (an update note) costs nothing.
 */
export async function moveReminders(jobs: ScheduledJobs, action: Action, previous: Action, now: string): Promise<void> {
  if (!remindersDependOnChange(action, previous)) return;
  const former = previous.owners.filter((person) => !action.owners.some((owner) => owner.id === person.id));
  // A reminder job re-reads its action when it fires and deletes itself if the action is closed or
  // the person no longer owns it, so these deletions need not wait for the disk (`soon`).
  for (const person of former) await jobs.deleteJob(action.tenantId, reminderJobId(action.id, person.id), undefined, 'soon');
  if (action.status === 'closed') {
    for (const owner of action.owners) await jobs.deleteJob(action.tenantId, reminderJobId(action.id, owner.id), undefined, 'soon');
    return;
  }
  for (const owner of action.owners) await replaceReminder(jobs, action, owner.id, now);
}

/** Gives a person a weekly digest job unless they have one or turned digests off. */
export async function ensureWeeklyDigest(deps: { jobs: ScheduledJobs; users: UserProfiles; defaultLocale: string }, tenantId: string, person: Person, series: Series | undefined, now: string): Promise<void> {
  const id = digestJobId(tenantId, person.id);
  if (await deps.jobs.getJob(tenantId, id)) return;
  const timing = await scheduleOf(deps.users, tenantId, person.id, series, deps.defaultLocale);
  const preferences = timing.profile?.preferences ?? DEFAULT_PREFERENCES;
  if (!preferences.digestEnabled) return;
  // Another capture may create it at the same moment: one digest job is all a person needs.
  await deps.jobs.insertJob({ id, tenantId, kind: 'weeklyDigest', userId: person.id, dueAt: nextWeeklySlot(now, timing.zone, preferences.digestDay, preferences.hour) });
}

/** Re-books a person's weekly digest at a new day and hour (in `zone`), or cancels it when digests are off. */
export async function moveWeeklyDigest(jobs: ScheduledJobs, tenantId: string, userId: string, preferences: NotificationPreferences, zone: string, now: string): Promise<void> {
  const id = digestJobId(tenantId, userId);
  await retryOnConflict(async () => {
    const existing = await jobs.getJob(tenantId, id);
    if (!preferences.digestEnabled) {
      if (existing) await jobs.deleteJob(tenantId, id, existing.etag);
      return;
    }
    const dueAt = nextWeeklySlot(now, zone, preferences.digestDay, preferences.hour);
    await jobs.putJob({ id, tenantId, kind: 'weeklyDigest', userId, dueAt }, existing?.etag);
  });
}

/**
 * Puts off an owner's next reminder for an action until `until`. False when they have no reminder
 * for it (they are not an owner of an open action).
 */
export async function snoozeReminder(jobs: ScheduledJobs, tenantId: string, actionId: string, ownerId: string, until: string): Promise<boolean> {
  return retryOnConflict(async () => {
    const job = await jobs.getJob(tenantId, reminderJobId(actionId, ownerId));
    if (!job || job.value.kind !== 'actionReminder') return false;
    const snoozed: ReminderJob = { ...job.value, snoozedUntil: until, dueAt: until };
    delete snoozed.unplaced;
    await jobs.putJob(snoozed, job.etag);
    return true;
  });
}

function remindersDependOnChange(action: Action, previous: Action): boolean {
  const sameOwners = action.owners.length === previous.owners.length && action.owners.every((owner) => previous.owners.some((other) => other.id === owner.id));
  return !sameOwners || action.due !== previous.due || action.status !== previous.status;
}

async function replaceReminder(jobs: ScheduledJobs, action: Action, ownerId: string, now: string): Promise<void> {
  await retryOnConflict(async () => {
    const existing = await jobs.getJob(action.tenantId, reminderJobId(action.id, ownerId));
    const previous = existing?.value.kind === 'actionReminder' ? existing.value : undefined;
    const job: ReminderJob = {
      ...unplacedReminder(action, ownerId, now),
      ...(previous?.lastSentAt ? { lastSentAt: previous.lastSentAt } : {}),
      ...(previous?.snoozedUntil ? { snoozedUntil: previous.snoozedUntil } : {}),
    };
    // Changed by someone else since we looked (a scheduler pass): retryOnConflict reads it again.
    await jobs.putJob(job, existing?.etag);
  });
}

function unplacedReminder(action: Action, ownerId: string, now: string): ReminderJob {
  return {
    id: reminderJobId(action.id, ownerId),
    tenantId: action.tenantId,
    kind: 'actionReminder',
    series: { tenantId: action.tenantId, conversationId: action.conversationId },
    actionId: action.id,
    ownerId,
    dueAt: now,
    unplaced: true,
  };
}
