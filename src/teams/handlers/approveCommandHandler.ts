import { parseApproval } from '../../domain/meetings/meetingCommands';
import { approvalSentence } from '../../domain/minutes/minutes';
import type { CommandHandler } from '../turn';

/** `/approve minutes [amendment]`: records that the meeting approved the previous minutes, with any amendment. */
export const handleApproveCommand: CommandHandler = async (turn, args) => {
  const { facts, room } = turn;
  const parsed = parseApproval(args);
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  const chat = await room.useCases.chats.load(facts);
  const { meeting, previous } = await room.useCases.meetings.approvePrevious(chat, facts.now, {
    ...(parsed.amendment ? { amendment: parsed.amendment } : {}),
    ...(chat.value.currentItem ? { item: chat.value.currentItem } : {}),
    by: facts.speaker,
    at: facts.now,
  });
  await turn.reply.say(`Recorded: ${meeting.approval ? approvalSentence(meeting.approval, previous) : ''}`);
};
