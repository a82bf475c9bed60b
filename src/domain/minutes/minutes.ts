/**
 * The minutes of one meeting as plain values, in the shape boards keep them (see the seed minutes):
 * header, present, apologies, items with discussion, numbered decisions and actions, the action log,
 * and the date of the next meeting. Built from stored records only, so the card, the Word and
 * Markdown documents and the chair's digest all say the same thing.
 */
import { formatActionRef } from '../actionRef';
import { formatDueDate } from '../dateFormat';
import { initialsOf } from '../series';
import type { Action, AgendaItem, Decision, Series } from '../types';
import type { Meeting, MeetingNote, MinutesApproval } from '../meetings/meetingTypes';
import { absentMembers } from '../meetings/teamsAttendance';
import { buildActionLog, type ActionLogEntry } from './actionLog';
import { formatMinutesDate, formatMinutesTime, formatShortDate } from './minutesDates';

/** A person on the Present list. */
export interface MinutesAttendee {
  name: string;
  role?: string;
  initials: string;
  /** Name of the member they stand in for. */
  deputisingFor?: string;
}

/** A person on the Apologies list. */
export interface MinutesApology {
  name: string;
  role?: string;
}

/** An action as the item's Action column shows it. */
export interface MinutesAction {
  ref: string;
  text: string;
  /** Owners' initials (`DBe`). */
  owners: string[];
  due?: string;
}

/** One agenda item with what was said, decided and given to do under it. */
export interface MinutesItem {
  /** `2.2`, `Part 1`, or empty for records made before any `/item`. */
  number: string;
  title: string;
  discussion: string[];
  decisions: Array<{ number: number; text: string }>;
  actions: MinutesAction[];
}

/** A meeting's minutes. */
export interface Minutes {
  meetingId: string;
  title: string;
  /** yyyy-MM-dd. */
  date: string;
  /** "Wednesday 13th March 2019". */
  dateText: string;
  /** "2.00pm – 5.00pm", or the start alone while it is open. */
  timeText: string;
  present: MinutesAttendee[];
  apologies: MinutesApology[];
  /**
   * Members of the chat who neither came nor sent apologies (nor had a deputy), by surname; absent
   * while attendance was not taken, so nobody is called absent for want of a record.
   */
  absent?: MinutesApology[];
  /** Approval of the previous minutes, when it was recorded without an item to sit in. */
  approval?: string;
  items: MinutesItem[];
  actionLog: ActionLogEntry[];
  /** "Wednesday 12th June 2019, 2.00pm", when the series knows it. */
  nextMeeting?: string;
}

/** What the minutes are built from. */
export interface MinutesInput {
  series: Series;
  meeting: Meeting;
  /** The meeting before it (for the action log and the approval's date). */
  previous?: Meeting;
  actions: readonly Action[];
  decisions: readonly Decision[];
  notes: readonly MeetingNote[];
  /** ISO instant: the log of a meeting still open describes now. */
  now: string;
}

const NO_ITEM = '';

/** Assembles a meeting's minutes from its records. */
export function buildMinutes(input: MinutesInput): Minutes {
  const { series, meeting } = input;
  const zone = series.timeZone;
  const ownActions = input.actions.filter((action) => belongsTo(action, meeting)).sort((a, b) => a.number - b.number);
  const ownDecisions = input.decisions.filter((decision) => belongsTo(decision, meeting));
  const notes = input.notes.filter((note) => note.meetingId === meeting.id).sort((a, b) => a.at.localeCompare(b.at));
  const items = new Map<string, MinutesItem>();
  const itemFor = (item: AgendaItem | undefined): MinutesItem => {
    const key = item?.number ?? NO_ITEM;
    const existing = items.get(key);
    if (existing) return existing;
    const created: MinutesItem = { number: key, title: item?.title ?? '', discussion: [], decisions: [], actions: [] };
    items.set(key, created);
    return created;
  };
  // The meeting's own order first, then anything filed under an item it did not record, as met.
  meeting.items.forEach(itemFor);
  const approval = meeting.approval ? approvalSentence(meeting.approval, input.previous) : undefined;
  if (approval && meeting.approval?.item) itemFor(meeting.approval.item).discussion.push(approval);
  for (const note of notes) itemFor(note.item).discussion.push(note.text);
  for (const decision of [...ownDecisions].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.number - b.number)) {
    itemFor(decision.item).decisions.push({ number: decision.number, text: decision.text });
  }
  for (const action of ownActions) {
    itemFor(action.item).actions.push({
      ref: formatActionRef(action.number),
      text: action.text,
      owners: action.owners.map((owner) => initialsOf(series, owner)),
      ...(action.due ? { due: formatDueDate(action.due, 'en-GB') } : {}),
    });
  }
  const asOf = meeting.endedAt ?? input.now;
  return {
    meetingId: meeting.id,
    // A meeting opened by a capture has no title of its own; the Teams meeting's title names the series.
    title: meeting.title ?? series.title ?? 'Meeting',
    date: meeting.date,
    dateText: formatMinutesDate(meeting.startedAt, zone),
    timeText: meeting.endedAt
      ? `${formatMinutesTime(meeting.startedAt, zone)} – ${formatMinutesTime(meeting.endedAt, zone)}`
      : formatMinutesTime(meeting.startedAt, zone),
    present: [...meeting.present]
      .sort((a, b) => bySurname(a.person.name, b.person.name))
      .map((attendee) => ({
        name: attendee.person.name,
        ...(attendee.role ? { role: attendee.role } : {}),
        initials: initialsOf(series, attendee.person),
        ...(attendee.deputisingFor ? { deputisingFor: attendee.deputisingFor.name } : {}),
      })),
    apologies: meeting.apologies.map((apology) => ({ name: apology.person.name, ...(apology.role ? { role: apology.role } : {}) })),
    ...(meeting.present.length > 0 ? { absent: absentOf(series, meeting, input.previous) } : {}),
    ...(approval && !meeting.approval?.item ? { approval } : {}),
    items: [...items.values()],
    actionLog: buildActionLog({ series, actions: input.actions, meeting, ...(input.previous ? { previous: input.previous } : {}), asOf }),
    ...(series.nextMeetingAt
      ? { nextMeeting: `${formatMinutesDate(series.nextMeetingAt, zone)}, ${formatMinutesTime(series.nextMeetingAt, zone)}` }
      : {}),
  };
}

/** "Minutes of meeting held on 5.12.2018 were approved pending the following amendment: …" */
export function approvalSentence(approval: MinutesApproval, previous: Meeting | undefined): string {
  const date = approval.previousDate ?? previous?.date;
  const which = date ? `Minutes of meeting held on ${formatShortDate(date)}` : 'Minutes of the previous meeting';
  return approval.amendment ? `${which} were approved pending the following amendment: ${approval.amendment}` : `${which} were approved.`;
}

/**
 * A record belongs to the meeting it was captured in; records from before meetings were kept
 * belong to the meeting held on their day.
 */
function belongsTo(record: { meetingId?: string; meetingDate: string }, meeting: Meeting): boolean {
  return record.meetingId ? record.meetingId === meeting.id : record.meetingDate === meeting.date;
}

/** The absent members by surname, each with the role the previous meeting gave them. */
function absentOf(series: Series, meeting: Meeting, previous: Meeting | undefined): MinutesApology[] {
  const earlierRoles = new Map([...(previous?.present ?? []), ...(previous?.apologies ?? [])].flatMap((record) => (record.role ? [[record.person.id, record.role] as const] : [])));
  return absentMembers(meeting, series.members)
    .sort((a, b) => bySurname(a.name, b.name))
    .map((member) => {
      const role = earlierRoles.get(member.id);
      return { name: member.name, ...(role ? { role } : {}) };
    });
}

/** Minutes list those present by surname, as the seed does. */
function bySurname(a: string, b: string): number {
  const key = (name: string) => {
    const words = name.trim().split(/\s+/);
    return `${words.at(-1) ?? ''} ${words.slice(0, -1).join(' ')}`.toLocaleLowerCase('en');
  };
  return key(a).localeCompare(key(b), 'en');
}
