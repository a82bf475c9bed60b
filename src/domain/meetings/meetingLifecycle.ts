/**
 * When a meeting opens and closes. Teams' `meetingStart`/`meetingEnd` events are the best signal,
 * but they can be late or never come, so `/meeting start` and the first capture of the day open one
 * too, and whichever comes first wins: the later signals find the meeting already open.
 */
import { localDate } from '../dateFormat';
import { recordIdFromSource } from '../seriesId';
import type { Series } from '../types';
import type { Meeting, MeetingClosedBy, MeetingOpenedBy } from './meetingTypes';

/** What asks for a meeting: an event or command (which start one), or a capture (which needs one). */
export interface OpenTrigger {
  by: MeetingOpenedBy;
  /** ISO instant of the turn. */
  at: string;
  /** Teams' start time, for the event; else the meeting starts at `at`. */
  startedAt?: string;
  title?: string;
  teamsMeetingId?: string;
}

/**
 * The outcome: the meeting to use (`changed` when the trigger taught it something, such as its
 * title), or a new one to create, after closing a stale one left open from an earlier day.
 */
export type OpenPlan =
  | { kind: 'existing'; meeting: Meeting; changed: boolean }
  | { kind: 'new'; meeting: Meeting; closeFirst?: Meeting };

/**
 * Decides which meeting a trigger belongs to, given the series' latest meeting. A meeting open
 * today is used whatever opened it; a capture made after today's meeting ended still belongs to
 * it (the minute-taker catching up), but an event or command then starts a second meeting. A
 * meeting still open from an earlier day missed its end: it is closed and a new one opened.
 */
export function planMeeting(series: Series, latest: Meeting | undefined, trigger: OpenTrigger): OpenPlan {
  const today = localDate(trigger.at, series.timeZone);
  if (latest && latest.date === today && (latest.status === 'open' || trigger.by === 'capture')) {
    const learned = learnFrom(latest, trigger);
    return { kind: 'existing', meeting: learned, changed: learned !== latest };
  }
  const ordinal = latest && latest.date === today ? latest.ordinal + 1 : 1;
  const meeting = newMeeting(series, trigger, today, ordinal);
  const stale = latest?.status === 'open' ? closeMeeting(latest, 'nextMeeting', undefined) : undefined;
  return stale ? { kind: 'new', meeting, closeFirst: stale } : { kind: 'new', meeting };
}

/** Closes a meeting; a meeting already closed is returned unchanged. `at` is unknown when its end was missed. */
export function closeMeeting(meeting: Meeting, by: MeetingClosedBy, at: string | undefined): Meeting {
  if (meeting.status === 'closed') return meeting;
  return { ...meeting, status: 'closed', closedBy: by, ...(at ? { endedAt: at } : {}) };
}

/** The store id of a series' `ordinal`-th meeting on `date`: two instances opening it at once name the same record. */
export function meetingIdFor(series: Series, date: string, ordinal: number): string {
  return recordIdFromSource('meeting', series, `${date}#${ordinal}`);
}

/** The meeting held before `current`, from a series' meetings in any order. */
export function previousMeeting(meetings: readonly Meeting[], current: Meeting): Meeting | undefined {
  return [...meetings]
    .filter((meeting) => meeting.id !== current.id && meeting.startedAt < current.startedAt)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .at(-1);
}

/** The most recently started of a series' meetings. */
export function latestMeeting(meetings: readonly Meeting[]): Meeting | undefined {
  return [...meetings].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.ordinal - b.ordinal).at(-1);
}

function newMeeting(series: Series, trigger: OpenTrigger, date: string, ordinal: number): Meeting {
  return {
    id: meetingIdFor(series, date, ordinal),
    seriesId: series.id,
    tenantId: series.tenantId,
    conversationId: series.conversationId,
    startedAt: trigger.startedAt ?? trigger.at,
    date,
    ordinal,
    status: 'open',
    openedBy: trigger.by,
    ...(trigger.title ? { title: trigger.title } : {}),
    ...(trigger.teamsMeetingId ? { teamsMeetingId: trigger.teamsMeetingId } : {}),
    present: [],
    apologies: [],
    items: [],
    createdAt: trigger.at,
  };
}

/** A late `meetingStart` brings the real start time and title to a meeting a capture opened. */
function learnFrom(meeting: Meeting, trigger: OpenTrigger): Meeting {
  let next = meeting;
  if (trigger.title && !meeting.title) next = { ...next, title: trigger.title };
  if (trigger.teamsMeetingId && !meeting.teamsMeetingId) next = { ...next, teamsMeetingId: trigger.teamsMeetingId };
  if (trigger.by === 'event' && trigger.startedAt && meeting.openedBy !== 'event' && trigger.startedAt < meeting.startedAt) {
    next = { ...next, startedAt: trigger.startedAt, openedBy: 'event' };
  }
  return next;
}
