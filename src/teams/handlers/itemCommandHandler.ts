import { formatAgendaItem, parseAgendaItem } from '../../domain/agendaItem';
import { withItemTaken } from '../../domain/meetings/meetingItems';
import type { CommandHandler } from '../turn';

/** `/item 2.2 Title`: sets the agenda item that following captures belong to. */
export const handleItemCommand: CommandHandler = async (turn, args) => {
  const { facts, room } = turn;
  const parsed = parseAgendaItem(args);
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  const chat = await room.useCases.chats.change(facts, (current) => ({ ...current, currentItem: parsed.item }));
  // The meeting keeps the order items were taken in: the minutes' order.
  await room.useCases.meetings.change(chat, facts.now, (meeting) => withItemTaken(meeting, parsed.item));
  await turn.reply.say(`Now on item ${formatAgendaItem(parsed.item)}. Actions and decisions from here on are filed under it.`);
};
