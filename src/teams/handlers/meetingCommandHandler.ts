import { parseMeetingVerb } from '../../domain/meetings/meetingCommands';
import { formatMinutesTime } from '../../domain/minutes/minutesDates';
import { endMeeting, openMeeting } from '../../services/meetingService';
import { seriesOf } from '../chatRoster';
import { postMattersArising } from '../meetings/mattersArising';
import { triggerOf } from '../meetings/meetingTrigger';
import type { CommandHandler } from './handlerTypes';

/** `/meeting start|end`: opens the meeting (and posts matters arising) or closes it, for when Teams' events do not come. */
export const handleMeetingCommand: CommandHandler = async (context, deps, info, args) => {
  const verb = parseMeetingVerb(args);
  if (verb.kind === 'invalid') {
    await context.sendActivity(verb.message);
    return;
  }
  const series = await seriesOf(deps, info);
  if (verb.kind === 'end') {
    const closed = await endMeeting(deps.meetings, info.key, 'command', info.now);
    await context.sendActivity(
      closed
        ? `Meeting closed at ${formatMinutesTime(info.now, series.timeZone)}. Type /minutes for its minutes.`
        : 'No meeting is open. /meeting start opens one (so does the first action or decision of the day).',
    );
    return;
  }
  const { meeting, opened, openedBefore } = await openMeeting(deps.meetings, series, triggerOf(info, 'command'));
  const since = formatMinutesTime(meeting.value.startedAt, series.timeZone);
  if (!opened && openedBefore !== 'capture') {
    await context.sendActivity(`The meeting is already open (since ${since}). /matters shows the action log again.`);
    return;
  }
  await context.sendActivity(`Meeting open (since ${since}). Actions, decisions and notes from now on go in its minutes.`);
  await postMattersArising(context, deps, series, meeting.value, info.now);
};
