import { TeamsInfo, type TurnContext } from 'botbuilder';
import { withChair, withMembers } from '../domain/series';
import type { Person, Series } from '../domain/types';
import { scheduleChairDigest } from '../scheduler/chairDigestSync';
import { changeSeries, loadSeries } from '../services/seriesService';
import type { BotDeps } from './botDeps';
import { personFrom, type TurnInfo } from './turnInfo';

/** How long a read of the chat's members is trusted before it is read again. */
const MEMBERS_FRESH_MS = 60 * 60 * 1000;

/** Loads the turn's series, creating it for a new chat. */
export async function seriesOf(deps: BotDeps, info: TurnInfo): Promise<Series> {
  return loadSeries(deps.store, info.key, { timeZone: info.timeZone ?? deps.defaultTimeZone, now: info.now });
}

/**
 * Loads the series with a member list fit for resolving owners: re-read from Teams when it is old,
 * or when someone mentioned is not on it (they joined since).
 */
export async function seriesWithMembers(context: TurnContext, deps: BotDeps, info: TurnInfo): Promise<Series> {
  const series = await seriesOf(deps, info);
  const age = series.membersReadAt ? Date.parse(info.now) - Date.parse(series.membersReadAt) : Infinity;
  const unknownMention = info.mentions.some((mention) => !series.members.some((member) => member.teamsId === mention.person.teamsId));
  if (age < MEMBERS_FRESH_MS && !unknownMention) return series;
  return refreshChat(context, deps, info);
}

/**
 * Re-reads the chat's members (for initials and the owner picker) and, in a meeting chat, the
 * organizer (the default chair). Teams refusing either is logged and the series kept as it was:
 * a capture should not fail because the roster could not be read.
 */
export async function refreshChat(context: TurnContext, deps: BotDeps, info: TurnInfo): Promise<Series> {
  const people = await readMembers(context, deps);
  const meeting = info.meetingId ? await readMeeting(context, deps, info.meetingId) : undefined;
  const series = await changeSeries(deps.store, info.key, { timeZone: info.timeZone ?? deps.defaultTimeZone, now: info.now }, (series) => {
    let next = series;
    if (people) next = withMembers(next, people, info.now);
    if (meeting?.organizer) next = withChair(next, meeting.organizer, 'organizer');
    if (meeting?.title && next.title !== meeting.title) next = { ...next, title: meeting.title };
    // Teams' scheduled start sets the next meeting unless one still to come is already known (from /next).
    const start = meeting?.start;
    if (start && start > info.now && !(next.nextMeetingAt && next.nextMeetingAt > info.now)) next = { ...next, nextMeetingAt: start };
    if (info.meetingId && next.meetingId !== info.meetingId) next = { ...next, meetingId: info.meetingId };
    if (next.serviceUrl !== info.serviceUrl) next = { ...next, serviceUrl: info.serviceUrl };
    return next;
  });
  if (series.nextMeetingAt && series.nextMeetingAt > info.now) await scheduleChairDigest(deps.schedule, series, deps.chairDigestLeadHours, info.now);
  return series;
}

async function readMembers(context: TurnContext, deps: BotDeps): Promise<Person[] | undefined> {
  if (context.activity.conversation?.conversationType === 'personal') return undefined;
  try {
    const people: Person[] = [];
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(context, 500, token);
      people.push(...page.members.map((member) => personFrom(member)));
      token = page.continuationToken;
    } while (token);
    return people;
  } catch (error) {
    deps.logger.warn({ err: error, conversation: context.activity.conversation?.id }, 'could not read the chat members');
    return undefined;
  }
}

async function readMeeting(context: TurnContext, deps: BotDeps, meetingId: string): Promise<{ organizer?: Person; title?: string; start?: string } | undefined> {
  try {
    const meeting = await TeamsInfo.getMeetingInfo(context, meetingId);
    const start = meeting.details?.scheduledStartTime ? new Date(meeting.details.scheduledStartTime).toISOString() : undefined;
    return {
      ...(meeting.organizer?.id ? { organizer: personFrom(meeting.organizer) } : {}),
      ...(meeting.details?.title ? { title: meeting.details.title } : {}),
      ...(start ? { start } : {}),
    };
  } catch (error) {
    deps.logger.warn({ err: error, meetingId }, 'could not read the meeting details');
    return undefined;
  }
}
