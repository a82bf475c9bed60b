import type { AgendaItem } from '../types';
import type { Meeting } from './meetingTypes';

/**
 * Records that the meeting took an item, keeping the order items were first taken in (the minutes'
 * order). Going back to an item already taken changes nothing; a new title for it is kept.
 */
export function withItemTaken(meeting: Meeting, item: AgendaItem): Meeting {
  const index = meeting.items.findIndex((taken) => taken.number === item.number);
  if (index === -1) return { ...meeting, items: [...meeting.items, item] };
  if (meeting.items[index]?.title === item.title || !item.title) return meeting;
  return { ...meeting, items: meeting.items.map((taken, at) => (at === index ? item : taken)) };
}
