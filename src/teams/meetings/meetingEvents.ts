import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { markPresent, withRememberedRoles } from '../../domain/meetings/attendance';
import { changeMeeting, endMeeting, openMeeting } from '../../services/meetingService';
import type { BotDeps } from '../botDeps';
import { seriesOf, seriesWithMembers } from '../chatRoster';
import { personFrom, readTurn } from '../turnInfo';
import { postMattersArising } from './mattersArising';

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

/**
 * Opens the meeting on Teams' `meetingStart` (posting the matters arising, unless `/meeting start`
 * already did), marks people present as Teams reports them joining, and closes it on `meetingEnd`. Both can be late or missing, which the meeting rules
 * allow for; a time Teams sends that cannot be read falls back to the turn's own time.
 */
export function registerMeetingEvents(app: Application<TurnState>, deps: BotDeps): void {
  app.meetings.start(async (context) => {
    const info = readTurn(context, deps.clock.now());
    const value = eventValue(context);
    const series = await seriesOf(deps, info);
    const startedAt = instant(value.StartTime ?? value.startTime) ?? info.now;
    const title = value.Title ?? value.title;
    const teamsMeetingId = value.Id ?? value.id ?? info.meetingId;
    const { meeting, opened, openedBefore } = await openMeeting(deps.meetings, series, {
      by: 'event',
      at: info.now,
      startedAt,
      ...(title ? { title } : {}),
      ...(teamsMeetingId ? { teamsMeetingId } : {}),
    });
    deps.logger.info({ conversation: info.key.conversationId, meeting: meeting.value.id, opened }, 'meeting started');
    if (opened || openedBefore === 'capture') await postMattersArising(context, deps, series, meeting.value, info.now);
  });
  app.meetings.participantsJoin(async (context, _state, details) => {
    const info = readTurn(context, deps.clock.now());
    const joined = (details?.members ?? []).flatMap((member) => (member.user?.id ? [personFrom(member.user)] : []));
    if (joined.length === 0) return;
    const series = await seriesWithMembers(context, deps, info);
    // Participants come with their Azure AD id; the chat's member list gives the same person the same id as /present does.
    const people = joined.map((person) => ({ person: series.members.find((member) => member.id === person.id || member.teamsId === person.teamsId) ?? person }));
    const withRoles = withRememberedRoles(people, await deps.meetings.listMeetings(series));
    const meeting = await changeMeeting(deps.meetings, series, info.now, (current) => markPresent(current, withRoles));
    deps.logger.info({ conversation: info.key.conversationId, meeting: meeting.id, joined: joined.length }, 'participants joined');
  });
  app.meetings.end(async (context) => {
    const info = readTurn(context, deps.clock.now());
    const value = eventValue(context);
    const closed = await endMeeting(deps.meetings, info.key, 'event', instant(value.EndTime ?? value.endTime) ?? info.now);
    deps.logger.info({ conversation: info.key.conversationId, meeting: closed?.id }, 'meeting ended');
  });
}

function eventValue(context: TurnContext): MeetingEventValue {
  return (context.activity.value ?? {}) as MeetingEventValue;
}

function instant(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
