import { formatAgendaItem } from '../../domain/agendaItem';
import { parseNote } from '../../domain/meetings/meetingCommands';
import { recordIdFromSource } from '../../domain/seriesId';
import { openMeeting } from '../../services/meetingService';
import { seriesOf } from '../chatRoster';
import { triggerOf } from '../meetings/meetingTrigger';
import type { CommandHandler } from './handlerTypes';

/** `/note <text>`: adds a line of discussion to the current item of the open meeting. */
export const handleNoteCommand: CommandHandler = async (context, deps, info, args) => {
  const parsed = parseNote(args);
  if (parsed.kind === 'invalid') return void (await context.sendActivity(parsed.message));
  const series = await seriesOf(deps, info);
  const { meeting } = await openMeeting(deps.meetings, series, triggerOf(info, 'capture'));
  const { created } = await deps.meetings.insertNote({
    id: recordIdFromSource('note', info.key, info.activityId),
    seriesId: series.id,
    tenantId: info.key.tenantId,
    conversationId: info.key.conversationId,
    meetingId: meeting.value.id,
    ...(series.currentItem ? { item: series.currentItem } : {}),
    text: parsed.text,
    by: info.speaker,
    at: info.now,
  });
  // A redelivered /note was answered the first time.
  if (created) await context.sendActivity(`Noted under ${formatAgendaItem(series.currentItem)}.`);
};
