/**
 * Dates and times the way British minutes write them: "Wednesday 13th March 2019", "2.00pm",
 * "5.12.2018". Fixed English patterns, since the minutes are a document of record, not a UI.
 */
import { DateTime } from 'luxon';

/** "Wednesday 13th March 2019" for a calendar date (yyyy-MM-dd) or an instant in a zone. */
export function formatMinutesDate(dateOrInstant: string, timeZone: string): string {
  const day = at(dateOrInstant, timeZone);
  return `${day.toFormat('cccc')} ${ordinal(day.day)} ${day.toFormat('LLLL yyyy')}`;
}

/** "2.00pm" for an instant in a zone. */
export function formatMinutesTime(instant: string, timeZone: string): string {
  const time = DateTime.fromISO(instant, { zone: timeZone }).setLocale('en-GB');
  return `${time.toFormat('h.mm')}${time.hour < 12 ? 'am' : 'pm'}`;
}

/** "5.12.2018" for a calendar date, as minutes refer to earlier meetings. */
export function formatShortDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat('d.M.yyyy');
}

function at(dateOrInstant: string, timeZone: string): DateTime {
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant);
  return (isDate ? DateTime.fromISO(dateOrInstant, { zone: 'utc' }) : DateTime.fromISO(dateOrInstant, { zone: timeZone })).setLocale('en-GB');
}

function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th';
  return `${day}${suffix}`;
}
