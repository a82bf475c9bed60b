import { renderHelpCard } from '../../cards/helpCard';
import type { CommandHandler } from '../turn';

/** `/help`: every command with an example, and the limits. */
export const handleHelp: CommandHandler = async (turn) => {
  await turn.reply.sendCard(renderHelpCard());
};
