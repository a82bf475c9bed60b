/**
 * How an action looks as a Planner task: its title, due date and the link back to its card. The
 * title is also the task's marker: a create whose answer was lost is found again by it, so a retry
 * does not make a twin.
 */
import { DateTime } from 'luxon';
import { formatActionRef } from '../actionRef';
import type { Action } from '../types';

/** Planner refuses longer titles. */
const TITLE_MAX = 255;

/** "A-12 Draft letter to the National Panel": the action's reference and text, cut to Planner's limit. */
export function plannerTaskTitle(action: Pick<Action, 'number' | 'text'>): string {
  const title = `${formatActionRef(action.number)} ${action.text.replace(/\s+/gu, ' ').trim()}`;
  return title.length <= TITLE_MAX ? title : `${title.slice(0, TITLE_MAX - 1)}…`;
}

/**
 * The instant Planner is given for a due date kept as a calendar day in the series' zone: noon that
 * day there, so Planner shows the same day to everyone within eleven hours of the series' zone.
 */
export function plannerDueDateTime(due: string, zone: string): string {
  return DateTime.fromISO(`${due}T12:00:00`, { zone }).toUTC().toISO({ suppressMilliseconds: true }) ?? `${due}T12:00:00Z`;
}

/**
 * The Teams link back from the task: to the action's card in the meeting chat when it was posted
 * (Teams' deep link to a chat message), else to the chat.
 */
export function teamsLinkTo(action: Pick<Action, 'conversationId' | 'cards'>): string {
  const card = action.cards.find((copy) => copy.conversationId === action.conversationId);
  if (card) return `https://teams.microsoft.com/l/message/${action.conversationId}/${card.activityId}?context=${encodeURIComponent('{"contextType":"chat"}')}`;
  return `https://teams.microsoft.com/l/chat/${action.conversationId}/conversations`;
}
