import type { Actor, ChangeRequest, TransitionResult } from '../domain/actionTransitions';
import { formatActionRef } from '../domain/actionRef';
import { isChair } from '../domain/series';
import type { Action, CardCopy, Person, Series, SeriesKey } from '../domain/types';
import type { Store } from '../store/store';
import { retryOnConflict } from './retryOnConflict';

/** How to find the action a request is about: by store id (cards) or typed number (commands). */
export type ActionLocator = { id: string } | { number: number };

/** The outcome of asking for a change: the transition's result, or no such action in this chat. */
export type ChangeOutcome = (TransitionResult & { previous?: Action }) | { kind: 'notFound'; reason: string };

/**
 * Applies a transition to an action and saves it with the etag it read. When someone else saved
 * first, the action is read again and the transition re-applied to their version, so both changes
 * survive; a transition that no longer applies (already closed) reports that instead.
 */
export async function changeAction(
  store: Store,
  series: Series,
  locator: ActionLocator,
  request: { eventId: string; at: string; person: Person },
  transition: (action: Action, change: ChangeRequest) => TransitionResult,
): Promise<ChangeOutcome> {
  const actor: Actor = { person: request.person, isChair: isChair(series, request.person.id) };
  const change: ChangeRequest = { eventId: request.eventId, at: request.at, actor };
  return retryOnConflict(async () => {
    const current = await readAction(store, series, locator);
    if (!current) return { kind: 'notFound', reason: notFoundReason(locator) };
    const result = transition(current.value, change);
    if (result.kind !== 'changed') return result;
    const saved = await store.replaceAction(result.action, current.etag);
    return { ...result, action: saved.value, previous: current.value };
  });
}

/** Remembers where a copy of the action's card was posted, so later changes can update it. */
export async function rememberCardCopy(store: Store, key: SeriesKey, actionId: string, copy: CardCopy): Promise<Action | undefined> {
  return retryOnConflict(async () => {
    const current = await store.getAction(key, actionId);
    if (!current) return undefined;
    const known = current.value.cards.some((card) => card.conversationId === copy.conversationId && card.activityId === copy.activityId);
    if (known) return current.value;
    const saved = await store.replaceAction({ ...current.value, cards: [...current.value.cards, copy] }, current.etag);
    return saved.value;
  });
}

async function readAction(store: Store, key: SeriesKey, locator: ActionLocator) {
  return 'id' in locator ? store.getAction(key, locator.id) : store.getActionByNumber(key, locator.number);
}

function notFoundReason(locator: ActionLocator): string {
  if ('number' in locator) return `There is no action ${formatActionRef(locator.number)} in this chat. Type /actions to see this chat's open actions.`;
  return 'That action is not in this chat, or no longer exists.';
}
