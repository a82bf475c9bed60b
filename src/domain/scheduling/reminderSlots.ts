import { DateTime } from 'luxon';
import type { Action } from '../types';
import { REMINDER_LEAD_WORKING_DAYS } from './schedulingTypes';

/** Which reminder an owner gets: ahead of the date, on it, or after it. */
export type ReminderKind = 'upcoming' | 'dueToday' | 'overdue';

/**
 * The reminder instants of an action for one owner, in their zone at their hour: a few working days
 * before the due date, on the due date, then weekly while it stays open. Returns the first one
 * strictly after `after`, or undefined when the action needs no more reminders.
 */
export function nextReminderAt(action: Action, after: string, zone: string, hour: number): string | undefined {
  if (action.status !== 'open' || !action.due) return undefined;
  const due = DateTime.fromISO(action.due, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  const afterTime = DateTime.fromISO(after, { zone });
  const early = workingDaysBefore(due, REMINDER_LEAD_WORKING_DAYS);
  for (const slot of [early, due]) if (slot > afterTime) return toIso(slot);
  // Weekly while overdue, on the due date's weekday, for as long as it stays open.
  let slot = due.plus({ weeks: 1 });
  while (slot <= afterTime) slot = slot.plus({ weeks: 1 });
  return toIso(slot);
}

/**
 * What a reminder sent at `now` should say. Decided when it is sent, not when it was scheduled, so
 * a bot that was down for a week sends one "overdue" reminder instead of every missed one.
 */
export function reminderKindAt(due: string, now: string, zone: string): { kind: ReminderKind; days: number } {
  const today = DateTime.fromISO(now, { zone }).startOf('day');
  const dueDay = DateTime.fromISO(due, { zone }).startOf('day');
  const days = Math.round(dueDay.diff(today, 'days').days);
  if (days > 0) return { kind: 'upcoming', days };
  if (days === 0) return { kind: 'dueToday', days: 0 };
  return { kind: 'overdue', days: -days };
}

function workingDaysBefore(day: DateTime, count: number): DateTime {
  let result = day;
  let left = count;
  while (left > 0) {
    result = result.minus({ days: 1 });
    if (result.weekday <= 5) left -= 1;
  }
  return result;
}

function toIso(time: DateTime): string {
  return time.toUTC().toISO() ?? '';
}
