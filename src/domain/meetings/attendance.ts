/**
 * Who was at a meeting, as the minutes list it: present (with role and whom they deputise for)
 * and apologies. Each change moves a person to where the latest command puts them, so someone who
 * sent apologies and then turned up is listed once, as present.
 */
import type { Person } from '../types';
import type { Apology, Attendee, Meeting } from './meetingTypes';

/** A person named in an attendance command, with the role typed for them, if any. */
export interface NamedAttendee {
  person: Person;
  role?: string;
}

/** Marks people present; a role given now replaces the one they had, one not given keeps it. */
export function markPresent(meeting: Meeting, people: readonly NamedAttendee[]): Meeting {
  let next = meeting;
  for (const entry of people) {
    const existing = next.present.find((attendee) => attendee.person.id === entry.person.id);
    const attendee: Attendee = { ...existing, person: entry.person, ...roleOf(entry, existing ?? apologyOf(next, entry.person.id)) };
    const rest = without(next, entry.person.id);
    next = { ...rest, present: [...rest.present, attendee] };
  }
  return next;
}

/** Records apologies; someone listed as present is moved to apologies (the typed list is the later word). */
export function markApologies(meeting: Meeting, people: readonly NamedAttendee[]): Meeting {
  let next = meeting;
  for (const entry of people) {
    const existing = apologyOf(next, entry.person.id) ?? next.present.find((attendee) => attendee.person.id === entry.person.id);
    const apology: Apology = { person: entry.person, ...roleOf(entry, existing) };
    const rest = without(next, entry.person.id);
    next = { ...rest, apologies: [...rest.apologies, apology] };
  }
  return next;
}

/**
 * Marks `deputy` present "deputising for" `absent`. The absent member is taken off the present
 * list (they are not there) but not added to apologies, which they send themselves.
 */
export function markDeputy(meeting: Meeting, deputy: NamedAttendee, absent: NamedAttendee): Meeting {
  const withDeputy = markPresent(meeting, [deputy]);
  const present = withDeputy.present
    .filter((attendee) => attendee.person.id !== absent.person.id)
    .map((attendee) => (attendee.person.id === deputy.person.id ? { ...attendee, deputisingFor: absent.person } : attendee));
  return { ...withDeputy, present };
}

/**
 * Fills in roles not typed this time from the last meeting that recorded one, so the minute-taker
 * types "Independent Schools rep" once, not every meeting.
 */
export function withRememberedRoles(people: readonly NamedAttendee[], earlier: readonly Meeting[]): NamedAttendee[] {
  const newestFirst = [...earlier].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return people.map((entry) => {
    if (entry.role) return entry;
    for (const meeting of newestFirst) {
      const found = [...meeting.present, ...meeting.apologies].find((record) => record.person.id === entry.person.id && record.role);
      if (found?.role) return { ...entry, role: found.role };
    }
    return entry;
  });
}

function apologyOf(meeting: Meeting, personId: string): Apology | undefined {
  return meeting.apologies.find((apology) => apology.person.id === personId);
}

function roleOf(entry: NamedAttendee, existing: { role?: string } | undefined): { role?: string } {
  const role = entry.role ?? existing?.role;
  return role ? { role } : {};
}

/** The meeting without this person on either list. */
function without(meeting: Meeting, personId: string): Meeting {
  return {
    ...meeting,
    present: meeting.present.filter((attendee) => attendee.person.id !== personId),
    apologies: meeting.apologies.filter((apology) => apology.person.id !== personId),
  };
}
