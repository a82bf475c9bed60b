import { markApologies, markDeputy, markPresent, withRememberedRoles } from '../../domain/meetings/attendance';
import { parseAttendees, parseDeputy, type AttendanceContext } from '../../domain/meetings/attendanceCommand';
import type { Series } from '../../domain/types';
import { changeMeeting } from '../../services/meetingService';
import type { BotDeps } from '../botDeps';
import { seriesWithMembers } from '../chatRoster';
import { attendanceReply } from '../meetings/attendanceReply';
import type { TurnInfo } from '../turnInfo';
import type { CommandHandler } from './handlerTypes';

/** `/present [people]`: marks people present (no one named: the sender), with roles remembered from earlier meetings. */
export const handlePresent: CommandHandler = async (context, deps, info, args) => {
  const series = await seriesWithMembers(context, deps, info);
  const parsed = args.trim() === '' ? { kind: 'ok' as const, people: [{ person: info.speaker }] } : parseAttendees(args, contextOf(series, info));
  if (parsed.kind === 'invalid') return void (await context.sendActivity(parsed.message));
  const people = await remembered(deps, series, parsed.people);
  const meeting = await changeMeeting(deps.meetings, series, info.now, (current) => markPresent(current, people));
  await context.sendActivity(attendanceReply(series, meeting, 'Present', people));
};

/** `/apologies <people>`: records apologies from the people named. */
export const handleApologies: CommandHandler = async (context, deps, info, args) => {
  const series = await seriesWithMembers(context, deps, info);
  const parsed = parseAttendees(args, contextOf(series, info));
  if (parsed.kind === 'invalid') return void (await context.sendActivity(parsed.message));
  if (parsed.people.length === 0) return void (await context.sendActivity('Whose apologies? e.g. /apologies KD (District Councils), @Nathan Travis'));
  const people = await remembered(deps, series, parsed.people);
  const meeting = await changeMeeting(deps.meetings, series, info.now, (current) => markApologies(current, people));
  await context.sendActivity(attendanceReply(series, meeting, 'Apologies', people));
};

/** `/deputy <who> for <whom>`: marks someone present deputising for an absent member. */
export const handleDeputy: CommandHandler = async (context, deps, info, args) => {
  const series = await seriesWithMembers(context, deps, info);
  const parsed = parseDeputy(args, contextOf(series, info));
  if (parsed.kind === 'invalid') return void (await context.sendActivity(parsed.message));
  const [deputy] = await remembered(deps, series, [parsed.deputy]);
  const meeting = await changeMeeting(deps.meetings, series, info.now, (current) => markDeputy(current, deputy ?? parsed.deputy, parsed.absent));
  await context.sendActivity(`${attendanceReply(series, meeting, 'Present', [deputy ?? parsed.deputy])} Deputising for ${parsed.absent.person.name}.`);
};

function contextOf(series: Series, info: TurnInfo): AttendanceContext {
  return { mentions: info.mentions, members: series.members };
}

async function remembered(deps: BotDeps, series: Series, people: Parameters<typeof withRememberedRoles>[0]) {
  return withRememberedRoles(people, await deps.meetings.listMeetings(series));
}
