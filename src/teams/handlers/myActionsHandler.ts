import { myActionsPage } from '../lists/listPages';
import type { CommandHandler } from '../turn';

/** `/actions` in the 1:1 chat: your open actions across every meeting, like the weekly digest. */
export const handleMyActions: CommandHandler = async (turn) => {
  await turn.reply.sendCard(await myActionsPage(turn));
};
