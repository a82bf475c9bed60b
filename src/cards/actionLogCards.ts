import { formatDueDate, localDate } from '../domain/dateFormat';
import type { Meeting } from '../domain/meetings/meetingTypes';
import type { ActionLogEntry } from '../domain/minutes/actionLog';
import { formatMinutesDate } from '../domain/minutes/minutesDates';
import type { ChairDigest } from '../domain/scheduling/chairDigest';
import type { Series } from '../domain/types';
import { renderActionLogCard } from './actionLogCard';
import type { AdaptiveCardJson } from './render';

/** The action logs a "Show more" can ask for again, each named in its button's data. */
export const ACTION_LOG_LISTS = {
  /** The matters arising posted when a meeting opens (or on `/matters`); the button carries the meeting's id. */
  matters: 'matters',
  /** `/digest` in the meeting chat. */
  digest: 'digest',
  /** The chair's pre-meeting digest in their 1:1 chat; the button carries the chat and the meeting's start. */
  chairDigest: 'chairDigest',
} as const;

/** The matters arising of `meeting`: actions from earlier meetings still open, or closed since `previous`. */
export function renderMattersArisingCard(series: Series, meeting: Meeting, previous: Meeting | undefined, entries: readonly ActionLogEntry[], from = 0): AdaptiveCardJson {
  return renderActionLogCard({
    title: `Matters arising: ${formatMinutesDate(meeting.startedAt, series.timeZone)}`,
    subtitle: previous
      ? `Actions from earlier meetings still open, or closed since ${formatMinutesDate(previous.startedAt, series.timeZone)}. Owners: /update A-1 <note> or /close A-1 <note>.`
      : 'Actions from earlier meetings. Owners: /update A-1 <note> or /close A-1 <note>.',
    entries,
    list: { list: ACTION_LOG_LISTS.matters, meetingId: meeting.id },
    from,
  });
}

/** `/digest`: the action log the chair gets before the next meeting, shown in the chat. */
export function renderDigestCard(digest: ChairDigest, locale: string, from = 0): AdaptiveCardJson {
  return renderActionLogCard({
    title: 'Action log',
    subtitle: digest.lastMeetingDate
      ? `Every action open, or closed since the meeting of ${formatDueDate(digest.lastMeetingDate, locale)}, overdue first.`
      : 'Every open action, overdue first.',
    entries: digest.entries,
    decisions: digest.decisions,
    decisionsHeading: 'Decisions of the last meeting',
    list: { list: ACTION_LOG_LISTS.digest },
    from,
  });
}

/** The chair's pre-meeting digest as it reaches them before the meeting at `meetingAt`. */
export function renderChairDigestCard(series: Series, digest: ChairDigest, meetingAt: string, locale: string, from = 0): AdaptiveCardJson {
  return renderActionLogCard({
    title: `Before your meeting on ${formatDueDate(localDate(meetingAt, series.timeZone), locale)}`,
    subtitle: `${series.title ?? 'Your meeting chat'}: the action log for "Matters arising"${digest.lastMeetingDate ? `, since the meeting of ${formatDueDate(digest.lastMeetingDate, locale)}` : ''}.`,
    entries: digest.entries,
    decisions: digest.decisions,
    decisionsHeading: 'Decisions of the last meeting',
    list: { list: ACTION_LOG_LISTS.chairDigest, seriesId: series.id, conversationId: series.conversationId, meetingAt },
    from,
  });
}
