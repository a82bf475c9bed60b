import type { TurnContext } from 'botbuilder';
import type { TeamsEvent } from '../turn';

/** What Teams sends with `meetingStart`/`meetingEnd`: PascalCase on the wire, though teams-ai types it camelCase. */
interface MeetingEventValue {
  Id?: string;
  Title?: string;
  StartTime?: string;
  EndTime?: string;
  id?: string;
  title?: string;
  startTime?: string | Date;
  endTime?: string | Date;
}

/** Reads a meeting start or end event; a time that cannot be read is left out (the handler uses the turn's own). */
export function readMeetingEvent(context: TurnContext, kind: 'meetingStart' | 'meetingEnd'): TeamsEvent {
  const value = (context.activity.value ?? {}) as MeetingEventValue;
  if (kind === 'meetingEnd') {
    const endedAt = instant(value.EndTime ?? value.endTime);
    return { kind, ...(endedAt ? { endedAt } : {}) };
  }
  const startedAt = instant(value.StartTime ?? value.startTime);
  const title = value.Title ?? value.title;
  const teamsMeetingId = value.Id ?? value.id;
  return { kind, ...(startedAt ? { startedAt } : {}), ...(title ? { title } : {}), ...(teamsMeetingId ? { teamsMeetingId } : {}) };
}

/** The Teams accounts a `meetingParticipantsJoin` event reports. */
export function readParticipants(context: TurnContext): Array<{ id: string; name?: string; aadObjectId?: string }> {
  const members = ((context.activity.value ?? {}) as { members?: Array<{ user?: { id?: string; name?: string; aadObjectId?: string } }> }).members ?? [];
  return members.flatMap((member) => (member.user?.id ? [{ id: member.user.id, ...(member.user.name ? { name: member.user.name } : {}), ...(member.user.aadObjectId ? { aadObjectId: member.user.aadObjectId } : {}) }] : []));
}

function instant(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
