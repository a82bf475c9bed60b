import { postMattersArising } from '../meetings/mattersArising';
import { triggerOf } from '../meetings/meetingTrigger';
import type { CommandHandler } from '../turn';

/** `/matters`: posts the action log for the meeting (opening it if none is open). */
export const handleMattersCommand: CommandHandler = async (turn) => {
  const { facts, room } = turn;
  const chat = await room.useCases.chats.load(facts);
  const { meeting, series } = await room.useCases.meetings.open(chat, triggerOf(facts, 'command'));
  await postMattersArising(turn, series.value, meeting.value);
};
