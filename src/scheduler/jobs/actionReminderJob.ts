import { renderActionCard } from '../../cards/actionCard';
import { formatActionRef } from '../../domain/actionRef';
import { formatDueDate } from '../../domain/dateFormat';
import { nextReminderAt, reminderKindAt } from '../../domain/scheduling/reminderSlots';
import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import type { Action } from '../../domain/types';
import { addCardCopy } from '../../services/cardCopies';
import { ensureWeeklyDigest } from '../../services/reminderBooking';
import type { JobOutcome } from '../jobOutcome';
import { scheduleOf } from '../../services/personSchedule';
import type { SchedulerDeps } from '../schedulerDeps';

type ReminderJob = Extract<ScheduledJob, { kind: 'actionReminder' }>;

/**
 * Reminds one owner about one action, if a reminder is due now for the action as it is now (it may
 * have been closed, re-dated or reassigned since the job was set). After downtime it sends one
 * reminder saying how things stand today, then schedules the next slot after now: no flood.
 */
export async function runActionReminder(deps: SchedulerDeps, job: ReminderJob, now: string): Promise<JobOutcome> {
  const { action: stored, series } = await deps.storage.chats.getSeriesAndAction(job.series, { id: job.actionId });
  const action = stored?.value;
  const owner = action?.owners.find((person) => person.id === job.ownerId);
  if (!action || !owner || !series || action.status === 'closed') return { kind: 'delete' };
  const timing = await scheduleOf(deps.storage.users, job.tenantId, owner.id, series.value, deps.defaultLocale);
  // A job a capture or change booked is timed here, on its first pass, and its owner gets a weekly
  // digest from the first slot after the booking (its due instant), as if booked then.
  if (job.unplaced) await ensureWeeklyDigest({ jobs: deps.storage.jobs, users: deps.storage.users, defaultLocale: deps.defaultLocale }, job.tenantId, owner, series.value, job.dueAt ?? now);
  const snoozeOver = job.snoozedUntil !== undefined && job.snoozedUntil <= now;
  const slot = nextReminderAt(action, job.lastSentAt ?? action.createdAt, timing.zone, timing.hour);
  const base: ReminderJob = { ...job };
  delete base.dueAt;
  delete base.snoozedUntil;
  delete base.unplaced;
  if (job.snoozedUntil && !snoozeOver) return { kind: 'retime', job: { ...base, snoozedUntil: job.snoozedUntil, dueAt: job.snoozedUntil } };
  if (!snoozeOver && (slot === undefined || slot > now)) return { kind: 'retime', job: { ...base, ...(slot ? { dueAt: slot } : {}) } };

  const headline = headlineFor(action, now, timing.zone, timing.locale);
  const card = renderActionCard(action, series.value, { viewer: owner, reminder: true, notice: { text: headline, style: 'warning' }, locale: timing.locale, now });
  const delivery = await deps.notifier.notifyPerson(
    { tenantId: job.tenantId, person: owner, ...(series.value.serviceUrl ? { chat: { key: job.series, serviceUrl: series.value.serviceUrl } } : {}) },
    card,
    `${headline} ${formatActionRef(action.number)}: ${action.text}`,
  );
  if (delivery.activityId && delivery.conversationId && delivery.serviceUrl) {
    await addCardCopy(deps.storage.chats, job.series, action.id, { conversationId: delivery.conversationId, activityId: delivery.activityId, serviceUrl: delivery.serviceUrl });
  }
  deps.logger.info({ jobId: job.id, actionId: action.id, where: delivery.where }, 'reminder sent');
  const next = nextReminderAt(action, now, timing.zone, timing.hour);
  return { kind: 'reschedule', job: { ...base, lastSentAt: now, ...(next ? { dueAt: next } : {}) } };
}

/** "Due in 2 days (Fri 15 Mar 2019)", "Due today", "Overdue by 9 days": what the reminder says first. */
export function headlineFor(action: Action, now: string, zone: string, locale: string): string {
  if (!action.due) return 'Reminder';
  const { kind, days } = reminderKindAt(action.due, now, zone);
  const date = formatDueDate(action.due, locale);
  if (kind === 'upcoming') return `Reminder: due in ${days} ${days === 1 ? 'day' : 'days'} (${date}).`;
  if (kind === 'dueToday') return `Reminder: due today (${date}).`;
  return `Reminder: overdue by ${days} ${days === 1 ? 'day' : 'days'} (was due ${date}).`;
}
