import { localDate } from '../dateFormat';
import type { Meeting } from '../meetings/meetingTypes';
import { buildActionLog, type ActionLogEntry } from '../minutes/actionLog';
import type { Action, Decision, Series } from '../types';

/** The chair's pre-meeting digest: the action log and the last meeting's decisions. */
export interface ChairDigest {
  entries: ActionLogEntry[];
  decisions: Decision[];
  /** The last meeting day the bot recorded anything on, if any. */
  lastMeetingDate?: string;
}

/**
 * Builds the chair's digest for the meeting at `meetingAt` from what the chat captured. The last
 * meeting is the latest day before it with captures; its decisions are listed, and actions closed
 * since it are reported with the open ones, exactly as the minutes' action log will.
 */
export function buildChairDigest(input: { series: Series; actions: readonly Action[]; decisions: readonly Decision[]; meetingAt: string; now: string }): ChairDigest {
  const meetingDate = localDate(input.meetingAt, input.series.timeZone);
  const days = [...input.actions.map((action) => action.meetingDate), ...input.decisions.map((decision) => decision.meetingDate)].filter((day) => day < meetingDate);
  const lastMeetingDate = days.sort().at(-1);
  const upcoming = meetingOn(input.series, meetingDate, input.meetingAt);
  const previous = lastMeetingDate ? meetingOn(input.series, lastMeetingDate, `${lastMeetingDate}T00:00:00.000Z`, `${lastMeetingDate}T23:59:59.999Z`) : undefined;
  return {
    entries: buildActionLog({ series: input.series, actions: input.actions, meeting: upcoming, ...(previous ? { previous } : {}), asOf: input.now }),
    decisions: input.decisions.filter((decision) => decision.meetingDate === lastMeetingDate),
    ...(lastMeetingDate ? { lastMeetingDate } : {}),
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
