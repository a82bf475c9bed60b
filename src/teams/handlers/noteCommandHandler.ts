import { formatAgendaItem } from '../../domain/agendaItem';
import { parseNote } from '../../domain/meetings/meetingCommands';
import { triggerOf } from '../meetings/meetingTrigger';
import type { CommandHandler } from '../turn';

/** `/note <text>`: adds a line of discussion to the current item of the open meeting. */
export const handleNoteCommand: CommandHandler = async (turn, args) => {
  const { facts, room } = turn;
  const parsed = parseNote(args);
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  const chat = await room.useCases.chats.load(facts);
  const { created, note } = await room.useCases.meetings.addNote(chat, triggerOf(facts, 'capture'), { sourceId: facts.activityId, by: facts.speaker }, parsed.text);
  // A redelivered /note was answered the first time.
  if (created) await turn.reply.say(`Noted under ${formatAgendaItem(note.item)}.`);
};
