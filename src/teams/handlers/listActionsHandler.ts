import { renderActionListCard } from '../../cards/actionListCard';
import type { CommandHandler } from '../turn';

/** `/actions`: the chat's open actions grouped by owner, overdue first (one query in a known chat). */
export const handleListActions: CommandHandler = async (turn) => {
  const { facts, room } = turn;
  const open = await room.useCases.digests.openActions(facts.key);
  const series = open.series ?? (await room.useCases.chats.load(facts)).value;
  await turn.reply.sendCard(renderActionListCard(open.actions, series, facts.locale, facts.now));
};
