import { digestPage } from '../lists/listPages';
import type { CommandHandler } from '../turn';

/** `/digest`: the action log the chair gets before the next meeting, posted in the chat now. */
export const handleChairDigestCommand: CommandHandler = async (turn) => {
  const series = (await turn.room.useCases.chats.load(turn.facts)).value;
  await turn.reply.sendCard(await digestPage(turn, series));
};
