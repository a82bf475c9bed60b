import { parseApproval } from '../../domain/meetings/meetingCommands';
import { previousMeeting } from '../../domain/meetings/meetingLifecycle';
import { approvalSentence } from '../../domain/minutes/minutes';
import { changeMeeting } from '../../services/meetingService';
import { seriesOf } from '../chatRoster';
import type { CommandHandler } from './handlerTypes';

/** `/approve minutes [amendment]`: records that the meeting approved the previous minutes, with any amendment. */
export const handleApproveCommand: CommandHandler = async (context, deps, info, args) => {
  const parsed = parseApproval(args);
  if (parsed.kind === 'invalid') return void (await context.sendActivity(parsed.message));
  const series = await seriesOf(deps, info);
  const meetings = await deps.meetings.listMeetings(series);
  const meeting = await changeMeeting(deps.meetings, series, info.now, (current) => {
    const previous = previousMeeting(meetings, current);
    return {
      ...current,
      approval: {
        ...(previous ? { previousMeetingId: previous.id, previousDate: previous.date } : {}),
        ...(parsed.amendment ? { amendment: parsed.amendment } : {}),
        ...(series.currentItem ? { item: series.currentItem } : {}),
        by: info.speaker,
        at: info.now,
      },
    };
  });
  const previous = previousMeeting(meetings, meeting);
  await context.sendActivity(`Recorded: ${meeting.approval ? approvalSentence(meeting.approval, previous) : ''}`);
};
