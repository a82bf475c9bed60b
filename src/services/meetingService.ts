import { closeMeeting, latestMeeting, planMeeting, type OpenTrigger } from '../domain/meetings/meetingLifecycle';
import type { Meeting, MeetingClosedBy } from '../domain/meetings/meetingTypes';
import { localDate } from '../domain/dateFormat';
import type { Series, SeriesKey, Versioned } from '../domain/types';
import type { MeetingStore } from '../store/meetingStore';
import { retryOnConflict } from './retryOnConflict';

/** The meeting a turn works in, and whether this turn opened it (then it is news to the chat). */
export interface MeetingInUse {
  meeting: Versioned<Meeting>;
  opened: boolean;
  /** How it had been opened before this turn, when it already existed. */
  openedBefore?: Meeting['openedBy'];
}

/**
 * Finds or opens the meeting a trigger belongs to (see `planMeeting`). Two instances opening the
 * same meeting at once compute the same id; the loser's create fails and its retry finds the winner's.
 */
export async function openMeeting(meetings: MeetingStore, series: Series, trigger: OpenTrigger): Promise<MeetingInUse> {
  return retryOnConflict(async () => {
    // The usual case, a meeting already open today, costs one query.
    const open = await meetings.getOpenMeeting(series);
    const latest = open && open.value.date === localDate(trigger.at, series.timeZone) ? open : await latestVersioned(meetings, series);
    const plan = planMeeting(series, latest?.value, trigger);
    if (plan.kind === 'existing' && latest) {
      const base = { opened: false, openedBefore: latest.value.openedBy };
      return { meeting: plan.changed ? await meetings.putMeeting(plan.meeting, latest.etag) : latest, ...base };
    }
    if (plan.kind === 'new' && plan.closeFirst && latest) await meetings.putMeeting(plan.closeFirst, latest.etag);
    return { meeting: await meetings.putMeeting(plan.meeting), opened: true };
  });
}

/** Applies a change to the meeting a capture belongs to, opening it first if need be; re-applied on a lost race. */
export async function changeMeeting(meetings: MeetingStore, series: Series, at: string, change: (meeting: Meeting) => Meeting): Promise<Meeting> {
  return retryOnConflict(async () => {
    const { meeting } = await openMeeting(meetings, series, { by: 'capture', at });
    const next = change(meeting.value);
    if (next === meeting.value) return next;
    return (await meetings.putMeeting(next, meeting.etag)).value;
  });
}

/** Closes the series' open meeting; undefined when none is open. */
export async function endMeeting(meetings: MeetingStore, key: SeriesKey, by: MeetingClosedBy, at: string): Promise<Meeting | undefined> {
  return retryOnConflict(async () => {
    const open = await meetings.getOpenMeeting(key);
    if (!open) return undefined;
    return (await meetings.putMeeting(closeMeeting(open.value, by, at), open.etag)).value;
  });
}

async function latestVersioned(meetings: MeetingStore, key: SeriesKey): Promise<Versioned<Meeting> | undefined> {
  const latest = latestMeeting(await meetings.listMeetings(key));
  return latest && meetings.getMeeting(key, latest.id);
}
