/**
 * One occurrence of a series and what its minutes are made of: who came, who sent apologies, who
 * deputised for whom, the items taken, notes of the discussion and approval of the last minutes.
 * Plain data, like `../types.ts`, so each store keeps it as JSON.
 */
import type { MeetingSuggestions } from '../suggestions/suggestionTypes';
import type { AgendaItem, Person, SeriesKey } from '../types';

/** What opened a meeting: Teams' `meetingStart` event, `/meeting start`, or the first capture of the day. */
export type MeetingOpenedBy = 'event' | 'command' | 'capture';

/** What closed it: Teams' `meetingEnd`, `/meeting end`, or the next meeting opening while it was still open. */
export type MeetingClosedBy = 'event' | 'command' | 'nextMeeting';

/** Someone at the meeting, with the role the minutes give them. */
export interface Attendee {
  person: Person;
  /** "WSCB Independent Chair", "Minutes": as the minute-taker writes it. */
  role?: string;
  /** The absent member this person stands in for ("deputising for"). */
  deputisingFor?: Person;
}

/** Someone who sent apologies. */
export interface Apology {
  person: Person;
  role?: string;
}

/** The meeting's approval of the previous meeting's minutes (`/approve minutes …`). */
export interface MinutesApproval {
  /** The meeting whose minutes were approved, when the bot kept it. */
  previousMeetingId?: string;
  /** Its local date (yyyy-MM-dd), printed as "Minutes of meeting held on 5.12.2018". */
  previousDate?: string;
  /** The amendment the approval is pending on, if any. */
  amendment?: string;
  /** The item current when it was approved (the seed files it under 2.1 Minutes and Matters Arising). */
  item?: AgendaItem;
  by: Person;
  at: string;
}

/** One occurrence of a series: keyed on when it started, since occurrences of a recurring Teams meeting share one join URL. */
export interface Meeting extends SeriesKey {
  /** Store id (see `meetingIdFor`). */
  id: string;
  seriesId: string;
  /** ISO instant it started: Teams' start time, else when the command or first capture opened it. */
  startedAt: string;
  /** Its local calendar date (yyyy-MM-dd) in the series' zone. */
  date: string;
  /** Which of the day's meetings this is (1 for the first), part of the id so two openers racing name the same record. */
  ordinal: number;
  status: 'open' | 'closed';
  openedBy: MeetingOpenedBy;
  endedAt?: string;
  closedBy?: MeetingClosedBy;
  /** The Teams meeting's title, when Teams said. */
  title?: string;
  /** Teams meeting id, when the chat belongs to one. */
  teamsMeetingId?: string;
  present: Attendee[];
  apologies: Apology[];
  /** Items in the order the meeting took them. */
  items: AgendaItem[];
  approval?: MinutesApproval;
  /** When attendance was last taken from Teams' attendance report (ISO instant), and how many it listed. */
  teamsAttendance?: { takenAt: string; attendees: number };
  /** The action items of Copilot's recap of this meeting, offered for people to accept (`COPILOT_INSIGHTS=on`). */
  suggestions?: MeetingSuggestions;
  createdAt: string;
}

/** A line of discussion (`/note`), filed under the item current when it was typed. */
export interface MeetingNote extends SeriesKey {
  /** Store id, derived from the activity that carried it. */
  id: string;
  seriesId: string;
  meetingId: string;
  item?: AgendaItem;
  text: string;
  by: Person;
  at: string;
}
