import { chatActionsPage } from '../lists/listPages';
import type { CommandHandler } from '../turn';

/** `/actions`: the chat's open actions grouped by owner, overdue first, a page at a time. */
export const handleListActions: CommandHandler = async (turn) => {
  await turn.reply.sendCard(await chatActionsPage(turn));
};
