import { renderActionListCard } from '../../cards/actionListCard';
import { sendCard } from '../cardReplies';
import { seriesOf } from '../chatRoster';
import type { CommandHandler } from './handlerTypes';

/** `/actions`: the chat's open actions grouped by owner, overdue first. */
export const handleListActions: CommandHandler = async (context, deps, info) => {
  const series = await seriesOf(deps, info);
  const open = await deps.store.listActions(info.key, { status: 'open' });
  await sendCard(context, renderActionListCard(open, series, info.locale, info.now));
};
