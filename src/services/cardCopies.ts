import type { Action, CardCopy, SeriesKey, Versioned } from '../domain/types';
import type { ChatRecords } from '../store/chatRecords';
import { ConcurrencyError } from '../store/storeErrors';
import { retryOnConflict } from './retryOnConflict';

/**
 * Remembers where a copy of an action's card was posted, so later changes can redraw it. Written
 * with the etag the caller holds (one round trip); if the action changed meanwhile it is read again
 * and the copy added to the newer version. A copy already known is not added twice. The write does
 * not wait for the disk (`soon`): the action itself was saved durably before its card went out, and
 * losing only this record to a power cut leaves that copy of the card as it was drawn.
 */
export async function recordCardCopy(chats: ChatRecords, action: Versioned<Action>, copy: CardCopy): Promise<Action> {
  if (knows(action.value, copy)) return action.value;
  try {
    return (await chats.replaceAction(withCopy(action.value, copy), action.etag, 'soon')).value;
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    return (await addCardCopy(chats, action.value, action.value.id, copy)) ?? action.value;
  }
}

/** Adds a card copy to an action read afresh (the scheduler's reminders); undefined if the action is gone. */
export async function addCardCopy(chats: ChatRecords, key: SeriesKey, actionId: string, copy: CardCopy): Promise<Action | undefined> {
  return retryOnConflict(async () => {
    const current = await chats.getAction(key, actionId);
    if (!current) return undefined;
    if (knows(current.value, copy)) return current.value;
    return (await chats.replaceAction(withCopy(current.value, copy), current.etag, 'soon')).value;
  });
}

function knows(action: Action, copy: CardCopy): boolean {
  return action.cards.some((card) => card.conversationId === copy.conversationId && card.activityId === copy.activityId);
}

function withCopy(action: Action, copy: CardCopy): Action {
  return { ...action, cards: [...action.cards, copy] };
}
