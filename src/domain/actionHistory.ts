import type { Action, ActionEvent, ActionHistoryPage } from './types';

/** An action record holds at most this many events before the older ones move to a page. */
export const HISTORY_LIMIT = 100;
/** Events moved to a page at a time, oldest first; the record keeps the rest (and never fewer than the card shows). */
export const HISTORY_PAGE_SIZE = 50;

/**
 * Keeps an action's record small whatever its trail: past `HISTORY_LIMIT` events, the oldest
 * `HISTORY_PAGE_SIZE` move to a page of their own (written with the action in one batch). The
 * `created` event and the latest close or reopen stay in the record, so its status, and its place in
 * a meeting's action log, read from the record alone; everything stays in order across the pages.
 */
export function pageOutHistory(action: Action): { action: Action; page?: ActionHistoryPage } {
  if (action.history.length <= HISTORY_LIMIT) return { action };
  const pinned = new Set(pinnedEvents(action.history));
  const moved: ActionEvent[] = [];
  const kept: ActionEvent[] = [];
  for (const event of action.history) {
    if (moved.length < HISTORY_PAGE_SIZE && !pinned.has(event)) moved.push(event);
    else kept.push(event);
  }
  const number = action.archivedPages ?? 0;
  const page: ActionHistoryPage = {
    id: historyPageId(action.id, number),
    seriesId: action.seriesId,
    tenantId: action.tenantId,
    conversationId: action.conversationId,
    actionId: action.id,
    number: action.number,
    page: number,
    events: moved,
  };
  return { action: { ...action, history: kept, archivedPages: number + 1 }, page };
}

/** The action with its whole trail: its pages' events and its own, oldest first (what the minutes need). */
export function withWholeHistory(action: Action, pages: readonly ActionHistoryPage[]): Action {
  if (!action.archivedPages) return action;
  const own = pages.filter((page) => page.actionId === action.id).sort((a, b) => a.page - b.page);
  const events = [...own.flatMap((page) => page.events), ...action.history];
  return { ...action, history: events.sort((a, b) => a.at.localeCompare(b.at)) };
}

/** The id of an action's history page: ordered by page within the action. */
export function historyPageId(actionId: string, page: number): string {
  return `${actionId}|history|${String(page).padStart(6, '0')}`;
}

function pinnedEvents(history: readonly ActionEvent[]): ActionEvent[] {
  const created = history.find((event) => event.kind === 'created');
  const lastStatus = history.filter((event) => event.kind === 'closed' || event.kind === 'reopened').at(-1);
  return [created, lastStatus].filter((event): event is ActionEvent => event !== undefined);
}
