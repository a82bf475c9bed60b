import { renderMinutesCard } from '../../cards/minutesCard';
import { parseMinutesRequest } from '../../domain/meetings/meetingCommands';
import { chooseMeeting, mayReadMinutes } from '../../services/minutesService';
import type { CommandHandler } from '../turn';

/**
 * `/minutes [last]`: the meeting's minutes as a summary card with signed links to the documents.
 * Only a member of this chat (or its chair) gets links; the member list is re-read once before refusing,
 * in case they joined since it was last read.
 */
export const handleMinutesCommand: CommandHandler = async (turn, args) => {
  const { facts, room } = turn;
  const parsed = parseMinutesRequest(args);
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  const chats = room.useCases.chats;
  let series = (await chats.loadWithMembers(facts, turn.directory, facts.mentions.map((mention) => mention.person))).value;
  if (!mayReadMinutes(series, facts.speaker.id)) series = (await chats.refresh(facts, turn.directory)).value;
  if (!mayReadMinutes(series, facts.speaker.id)) return turn.reply.say("Minutes are only for members of this meeting's chat.");
  const meeting = chooseMeeting(await room.useCases.meetings.list(series), parsed.which);
  if (!meeting) {
    return turn.reply.say(
      parsed.which === 'last' ? 'There is no earlier meeting with minutes in this chat yet.' : 'No meeting has been held in this chat yet. /meeting start opens one.',
    );
  }
  const minutes = await room.useCases.minutes.load(series, meeting, facts.now);
  const claims = { tenantId: facts.key.tenantId, conversationId: facts.key.conversationId, meetingId: meeting.id, requesterId: facts.speaker.id };
  await turn.reply.sendCard(
    renderMinutesCard(minutes, {
      docx: room.minutesLinks.urlFor(claims, 'docx', facts.now),
      markdown: room.minutesLinks.urlFor(claims, 'md', facts.now),
    }),
  );
};
