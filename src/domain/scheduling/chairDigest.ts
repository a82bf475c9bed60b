import { localDate } from '../dateFormat';
import type { Meeting } from '../meetings/meetingTypes';
import { buildActionLog, type ActionLogEntry } from '../minutes/actionLog';
import type { Action, Decision, Series } from '../types';

/** The chair's pre-meeting digest: the action log and the last meeting's decisions. */
export interface ChairDigest {
  entries: ActionLogEntry[];
  decisions: Decision[];
  /** The date of the last meeting (kept, or the last day with captures), if any. */
  lastMeetingDate?: string;
}

/**
 * Builds the chair's digest for the meeting at `meetingAt`. The last meeting is the latest kept
 * meeting that started before it; without meeting records (a chat that never opened one) it is the
 * latest day with captures. Its decisions are listed, and actions closed since it are reported with
 * the open ones, exactly as the minutes' action log will.
 */
export function buildChairDigest(input: {
  series: Series;
  actions: readonly Action[];
  decisions: readonly Decision[];
  meetings?: readonly Meeting[];
  meetingAt: string;
  now: string;
}): ChairDigest {
  const meetingDate = localDate(input.meetingAt, input.series.timeZone);
  const upcoming = meetingOn(input.series, meetingDate, input.meetingAt);
  const kept = (input.meetings ?? []).filter((meeting) => meeting.startedAt < input.meetingAt && meeting.date < meetingDate).at(-1);
  const days = [...input.actions.map((action) => action.meetingDate), ...input.decisions.map((decision) => decision.meetingDate)].filter((day) => day < meetingDate);
  const lastDay = days.sort().at(-1);
  const previous = kept ?? (lastDay ? meetingOn(input.series, lastDay, `${lastDay}T00:00:00.000Z`, `${lastDay}T23:59:59.999Z`) : undefined);
  const decisions = previous
    ? input.decisions.filter((decision) => (decision.meetingId && kept ? decision.meetingId === kept.id : decision.meetingDate === previous.date))
    : [];
  return {
    entries: buildActionLog({ series: input.series, actions: input.actions, meeting: upcoming, ...(previous ? { previous } : {}), asOf: input.now }),
    decisions,
    ...(previous ? { lastMeetingDate: previous.date } : {}),
  };
}

/** A meeting as the action log needs it, for a day known only from its captures. */
function meetingOn(series: Series, date: string, startedAt: string, endedAt?: string): Meeting {
  return {
    id: `day-${date}`,
    seriesId: series.id,
    tenantId: series.tenantId,
    conversationId: series.conversationId,
    startedAt,
    date,
    ordinal: 1,
    status: endedAt ? 'closed' : 'open',
    openedBy: 'capture',
    ...(endedAt ? { endedAt } : {}),
    present: [],
    apologies: [],
    items: [],
    createdAt: startedAt,
  };
}
