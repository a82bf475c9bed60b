import { openMeeting } from '../../services/meetingService';
import { seriesOf } from '../chatRoster';
import { postMattersArising } from '../meetings/mattersArising';
import { triggerOf } from '../meetings/meetingTrigger';
import type { CommandHandler } from './handlerTypes';

/** `/matters`: posts the action log for the meeting (opening it if none is open). */
export const handleMattersCommand: CommandHandler = async (context, deps, info) => {
  const series = await seriesOf(deps, info);
  const { meeting } = await openMeeting(deps.meetings, series, triggerOf(info, 'command'));
  await postMattersArising(context, deps, series, meeting.value, info.now);
};
