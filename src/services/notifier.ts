import type { CardCopy, Person, SeriesKey } from '../domain/types';
import type { CardPayload } from './messenger';

/** Where a notification ended up, so the caller can record the card copy. */
export interface Delivery {
  /** `personal`: the person's 1:1 chat; `chat`: the meeting chat with an @mention; `nowhere`: neither could be reached. */
  where: 'personal' | 'chat' | 'nowhere';
  conversationId?: string;
  activityId?: string;
  serviceUrl?: string;
}

/** A meeting chat to fall back to, and how to reach it. */
export interface ChatAddress {
  key: SeriesKey;
  serviceUrl: string;
}

/**
 * Sends the scheduler's messages to people: privately where possible, in the meeting chat where not.
 * The scheduler depends on this port; `PersonalDelivery` implements it over the Teams messenger.
 */
export interface Notifier {
  /**
   * Sends a card to a person in their 1:1 chat with the bot (opening one if needed); where that is
   * impossible, posts it in the meeting chat with an @mention of them and `summary`.
   */
  notifyPerson(target: { tenantId: string; person: Person; chat?: ChatAddress }, card: CardPayload, summary: string): Promise<Delivery>;
  /** Posts a card in a chat. */
  postToChat(chat: ChatAddress, card: CardPayload): Promise<Delivery>;
  /**
   * Redraws posted copies of a card (an action closed from Planner). A copy that cannot be updated
   * is logged and skipped: the change behind it is saved.
   */
  redraw(copies: readonly CardCopy[], card: CardPayload): Promise<void>;
}
