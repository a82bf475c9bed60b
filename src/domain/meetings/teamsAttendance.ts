/**
 * Attendance as Teams reports it: each session of an online meeting (a call from start to end) has
 * an attendance report listing who joined. These rules decide which sessions belong to one of the
 * series' meetings and who they add to its Present list. What people typed stays the record: the
 * report fills in those nobody recorded, and never overrides apologies or a deputy.
 */
import { localDate } from '../dateFormat';
import type { Member, Person } from '../types';
import type { NamedAttendee } from './attendance';
import type { Meeting } from './meetingTypes';

/** One session of an online meeting, as its attendance report dates it (ISO instants). */
export interface AttendanceSession {
  id: string;
  start: string;
  end: string;
}

/** One line of an attendance report: who joined (their Azure AD id, when they have one in a tenant) and under what name. */
export interface AttendanceRecord {
  /** Azure AD object id; absent for anonymous guests. */
  userId?: string;
  name: string;
}

/**
 * The sessions that belong to `meeting`: those whose time overlaps it (while it is open, up to
 * `now`). A meeting opened by the first capture of the day may start after the call ended (the
 * minute-taker catching up), so when none overlaps, the sessions held on its day in `zone` count.
 */
export function sessionsOfMeeting(sessions: readonly AttendanceSession[], meeting: Meeting, zone: string, now: string): AttendanceSession[] {
  const from = meeting.startedAt;
  const to = meeting.endedAt ?? now;
  const overlapping = sessions.filter((session) => session.start < to && session.end > from);
  if (overlapping.length > 0 || meeting.openedBy === 'event') return overlapping;
  return sessions.filter((session) => session.end <= to && localDate(session.start, zone) === meeting.date);
}

/**
 * The people an attendance report names, once each: a member of the chat as the chat knows them
 * (so initials and later commands match), anyone else under the name Teams gives. Anonymous
 * guests have no id, so their name stands for them.
 */
export function attendeesFromRecords(records: readonly AttendanceRecord[], members: readonly Member[]): NamedAttendee[] {
  const people = new Map<string, Person>();
  for (const record of records) {
    const name = record.name.trim();
    const member = record.userId ? members.find((candidate) => candidate.id === record.userId) : undefined;
    const person: Person = member
      ? { id: member.id, name: member.name, ...(member.teamsId ? { teamsId: member.teamsId } : {}) }
      : { id: record.userId ?? `guest:${name.toLocaleLowerCase('en')}`, name: name || 'Guest' };
    if (!people.has(person.id)) people.set(person.id, person);
  }
  return [...people.values()].map((person) => ({ person }));
}

/**
 * Marks present the people Teams saw who are not recorded yet. Someone already on the Present or
 * Apologies list, or for whom a deputy stands, stays as recorded: the minute-taker's word wins.
 */
export function markAttendedFromTeams(meeting: Meeting, people: readonly NamedAttendee[], takenAt: string): Meeting {
  const recorded = new Set([
    ...meeting.present.map((attendee) => attendee.person.id),
    ...meeting.apologies.map((apology) => apology.person.id),
    ...meeting.present.flatMap((attendee) => (attendee.deputisingFor ? [attendee.deputisingFor.id] : [])),
  ]);
  const added = people.filter((entry) => !recorded.has(entry.person.id)).map((entry) => ({ person: entry.person, ...(entry.role ? { role: entry.role } : {}) }));
  return { ...meeting, present: [...meeting.present, ...added], teamsAttendance: { takenAt, attendees: people.length } };
}

/**
 * Members of the chat who were neither present, nor sent apologies, nor had a deputy: "Absent", as
 * boards record it. Only once attendance was taken (someone is present): before that, the minutes
 * say attendance was not recorded rather than call everyone absent.
 */
export function absentMembers(meeting: Meeting, members: readonly Member[]): Member[] {
  if (meeting.present.length === 0) return [];
  const accounted = new Set([
    ...meeting.present.map((attendee) => attendee.person.id),
    ...meeting.apologies.map((apology) => apology.person.id),
    ...meeting.present.flatMap((attendee) => (attendee.deputisingFor ? [attendee.deputisingFor.id] : [])),
  ]);
  return members.filter((member) => !accounted.has(member.id));
}
