import { formatAgendaItem, parseAgendaItem } from '../../domain/agendaItem';
import { withItemTaken } from '../../domain/meetings/meetingItems';
import { changeMeeting } from '../../services/meetingService';
import { changeSeries } from '../../services/seriesService';
import type { CommandHandler } from './handlerTypes';

/** `/item 2.2 Title`: sets the agenda item that following captures belong to. */
export const handleItemCommand: CommandHandler = async (context, deps, info, args) => {
  const parsed = parseAgendaItem(args);
  if (parsed.kind === 'invalid') {
    await context.sendActivity(parsed.message);
    return;
  }
  const series = await changeSeries(deps.store, info.key, { timeZone: info.timeZone ?? deps.defaultTimeZone, now: info.now }, (current) => ({
    ...current,
    currentItem: parsed.item,
  }));
  // The meeting keeps the order items were taken in: the minutes' order.
  await changeMeeting(deps.meetings, series, info.now, (meeting) => withItemTaken(meeting, parsed.item));
  await context.sendActivity(`Now on item ${formatAgendaItem(parsed.item)}. Actions and decisions from here on are filed under it.`);
};
