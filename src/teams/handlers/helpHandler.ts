import { renderHelpCard } from '../../cards/helpCard';
import { sendCard } from '../cardReplies';
import type { CommandHandler } from './handlerTypes';

/** `/help`: every command with an example, and the limits. */
export const handleHelp: CommandHandler = async (context) => {
  await sendCard(context, renderHelpCard());
};
