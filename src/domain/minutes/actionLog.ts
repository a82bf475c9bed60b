/**
 * The action log ("matters arising"): every action from earlier meetings that was still open at the
 * meeting, or was closed since the previous one, with the updates made in between, written the way
 * the seed minutes write them: "2.5 … (EF). Update: … Action closed." Overdue ones come first, so the
 * chair takes them first. The same list serves the meeting's opening post, the minutes and the
 * chair's digest.
 */
import { formatActionRef } from '../actionRef';
import { formatDueDate, localDate } from '../dateFormat';
import { sentence } from '../sentence';
import { initialsOf } from '../series';
import type { Action, ActionEvent, Series } from '../types';
import type { Meeting } from '../meetings/meetingTypes';

/** One line of the action log. */
export interface ActionLogEntry {
  ref: string;
  number: number;
  itemNumber?: string;
  text: string;
  /** Owners' initials, as the minutes' Action column gives them. */
  owners: string[];
  /** Status as it stood at `asOf`. */
  status: Action['status'];
  overdue: boolean;
  due?: string;
  /** Update and closing notes made since the previous meeting, oldest first. */
  updates: string[];
  /** The whole entry as the minutes print it. */
  line: string;
}

/** What the log is built from: the series' actions and the meeting it is for. */
export interface ActionLogInput {
  series: Series;
  actions: readonly Action[];
  /** The meeting whose matters arising these are. */
  meeting: Meeting;
  /** The meeting before it, if any: actions closed before it were reported then. */
  previous?: Meeting;
  /** The instant the log describes: the meeting's end for its minutes, now while it is open. */
  asOf: string;
}

/** Builds the action log for a meeting: overdue first, then by action number. */
export function buildActionLog(input: ActionLogInput): ActionLogEntry[] {
  const since = input.previous ? (input.previous.endedAt ?? input.previous.startedAt) : undefined;
  const today = localDate(input.asOf, input.series.timeZone);
  return input.actions
    .filter((action) => isFromEarlierMeeting(action, input.meeting))
    .map((action) => ({ action, events: action.history.filter((event) => event.at <= input.asOf) }))
    .filter(({ events }) => events.length > 0)
    .filter(({ events }) => {
      if (statusFrom(events) === 'open') return true;
      const closedAt = events.filter((event) => event.kind === 'closed').at(-1)?.at;
      return since === undefined || (closedAt !== undefined && closedAt > since);
    })
    .map(({ action, events }) => entryFor(input.series, action, events, since, today))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.number - b.number);
}

/** Captured before this meeting began and not in it: a matter arising, not a new action. */
export function isFromEarlierMeeting(action: Action, meeting: Meeting): boolean {
  if (action.meetingId === meeting.id) return false;
  return action.meetingId ? action.createdAt < meeting.startedAt : action.meetingDate < meeting.date;
}

function entryFor(series: Series, action: Action, events: readonly ActionEvent[], since: string | undefined, today: string): ActionLogEntry {
  const status = statusFrom(events);
  const overdue = status === 'open' && action.due !== undefined && action.due < today;
  const updates = events.filter((event) => since === undefined || event.at > since).flatMap(updateText);
  const owners = action.owners.map((owner) => initialsOf(series, owner));
  const head = `${action.item ? `${action.item.number} ` : ''}${sentence(action.text)}`.replace(/\.$/, '');
  const update = updates.length > 0 ? ` Update: ${updates.join(' ')}` : '';
  const state = status === 'closed' ? 'Action closed.' : `Action open${action.due ? `, due ${formatDueDate(action.due, 'en-GB')}` : ''}${overdue ? ' (overdue)' : ''}.`;
  return {
    ref: formatActionRef(action.number),
    number: action.number,
    ...(action.item ? { itemNumber: action.item.number } : {}),
    text: action.text,
    owners,
    status,
    overdue,
    ...(action.due ? { due: action.due } : {}),
    updates,
    line: `${head} (${owners.join(', ')}).${update} ${state}`,
  };
}

/** Open or closed as the history stood: the last close or reopen decides. */
function statusFrom(events: readonly ActionEvent[]): Action['status'] {
  const last = events.filter((event) => event.kind === 'closed' || event.kind === 'reopened').at(-1);
  return last?.kind === 'closed' ? 'closed' : 'open';
}

function updateText(event: ActionEvent): string[] {
  switch (event.kind) {
    case 'update':
    case 'closed':
      return event.note ? [sentence(event.note)] : [];
    case 'reassigned':
      return event.detail ? [`Reassigned to ${event.detail}.`] : [];
    case 'dueChanged':
      return event.detail ? [event.detail === 'none' ? 'Due date removed.' : `Due date changed to ${formatDueDate(event.detail, 'en-GB')}.`] : [];
    default:
      return [];
  }
}
