import { latestMeeting, previousMeeting } from '../domain/meetings/meetingLifecycle';
import type { Meeting } from '../domain/meetings/meetingTypes';
import { buildMinutes, type Minutes } from '../domain/minutes/minutes';
import type { Series } from '../domain/types';
import type { MeetingStore } from '../store/meetingStore';
import type { Store } from '../store/store';

/** Which meeting's minutes: the current one (open, else the latest) or the last finished one. */
export type MinutesChoice = 'current' | 'last';

/** Picks the meeting `/minutes` or `/minutes last` means, from a series' meetings. */
export function chooseMeeting(meetings: readonly Meeting[], which: MinutesChoice): Meeting | undefined {
  const open = [...meetings].reverse().find((meeting) => meeting.status === 'open');
  if (which === 'current') return open ?? latestMeeting(meetings);
  return open ? previousMeeting(meetings, open) : latestMeeting(meetings.filter((meeting) => meeting.status === 'closed'));
}

/** Reads what a meeting's minutes are made of and assembles them. */
export async function loadMinutes(chats: Store, meetingStore: MeetingStore, series: Series, meeting: Meeting, now: string): Promise<Minutes> {
  const [meetings, actions, decisions, notes] = await Promise.all([
    meetingStore.listMeetings(series),
    chats.listActions(series),
    chats.listDecisions(series),
    meetingStore.listNotes(series, meeting.id),
  ]);
  const previous = previousMeeting(meetings, meeting);
  return buildMinutes({ series, meeting, ...(previous ? { previous } : {}), actions, decisions, notes, now });
}

/** Whether a person may have a series' minutes: a member of its chat, or its chair. */
export function mayReadMinutes(series: Series, personId: string): boolean {
  return series.chair?.id === personId || series.members.some((member) => member.id === personId);
}
