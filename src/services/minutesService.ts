import { withWholeHistory } from '../domain/actionHistory';
import { latestMeeting, previousMeeting } from '../domain/meetings/meetingLifecycle';
import type { Meeting } from '../domain/meetings/meetingTypes';
import { buildMinutes, type Minutes } from '../domain/minutes/minutes';
import { isMemberOrChair } from '../domain/series';
import type { Series, SeriesKey } from '../domain/types';
import type { ChatRecords } from '../store/chatRecords';

/** Which meeting's minutes: the current one (open, else the latest) or the last finished one. */
export type MinutesChoice = 'current' | 'last';

/** Picks the meeting `/minutes` or `/minutes last` means, from a series' meetings. */
export function chooseMeeting(meetings: readonly Meeting[], which: MinutesChoice): Meeting | undefined {
  const open = [...meetings].reverse().find((meeting) => meeting.status === 'open');
  if (which === 'current') return open ?? latestMeeting(meetings);
  return open ? previousMeeting(meetings, open) : latestMeeting(meetings.filter((meeting) => meeting.status === 'closed'));
}

/** Whether a person may have a series' minutes: a member of its chat, or its chair. */
export function mayReadMinutes(series: Series, personId: string): boolean {
  return isMemberOrChair(series, personId);
}

/** What a request for one meeting's minutes comes to. */
export type MinutesForReader = { kind: 'minutes'; minutes: Minutes } | { kind: 'notMember' } | { kind: 'noMeeting' };

/** Assembles meetings' minutes from what the chat keeps. */
export class MinutesService {
  constructor(private readonly chats: ChatRecords) {}

  /**
   * Reads what a meeting's minutes are made of and assembles them, with each action's whole trail
   * (its older pages too), so the action log reports every update made between the meetings.
   */
  async load(series: Series, meeting: Meeting, now: string): Promise<Minutes> {
    const [meetings, stored, decisions, notes] = await Promise.all([
      this.chats.listMeetings(series),
      this.chats.listActions(series),
      this.chats.listDecisions(series),
      this.chats.listNotes(series, meeting.id),
    ]);
    const pages = stored.some((action) => action.archivedPages) ? await this.chats.listActionHistory(series) : [];
    const actions = stored.map((action) => withWholeHistory(action, pages));
    const previous = previousMeeting(meetings, meeting);
    return buildMinutes({ series, meeting, ...(previous ? { previous } : {}), actions, decisions, notes, now });
  }

  /** The minutes of one meeting for someone holding a link: only while they are still in the chat. */
  async forReader(key: SeriesKey, meetingId: string, readerId: string, now: string): Promise<MinutesForReader> {
    const series = (await this.chats.getSeries(key))?.value;
    if (!series || !mayReadMinutes(series, readerId)) return { kind: 'notMember' };
    const meeting = (await this.chats.getMeeting(key, meetingId))?.value;
    if (!meeting) return { kind: 'noMeeting' };
    return { kind: 'minutes', minutes: await this.load(series, meeting, now) };
  }
}
