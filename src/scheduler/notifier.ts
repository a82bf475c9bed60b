import type { AdaptiveCardJson } from '../cards/render';
import type { Person, SeriesKey } from '../domain/types';

/** Where a notification ended up, so the caller can record the card copy. */
export interface Delivery {
  /** `personal`: the person's 1:1 chat; `chat`: the meeting chat with an @mention; `nowhere`: neither could be reached. */
  where: 'personal' | 'chat' | 'nowhere';
  conversationId?: string;
  activityId?: string;
  serviceUrl?: string;
}

/**
 * Sends proactive messages. The scheduler depends on this port; the Teams implementation lives in
 * src/teams/, so scheduling rules never touch botbuilder.
 */
export interface Notifier {
  /**
   * Sends a card to a person in their 1:1 chat with the bot (opening one if needed); where that is
   * impossible, posts it in the meeting chat with an @mention of them.
   */
  notifyPerson(target: { tenantId: string; person: Person; chat?: { key: SeriesKey; serviceUrl: string } }, card: AdaptiveCardJson, summary: string): Promise<Delivery>;
  /** Posts a card in a chat. */
  postToChat(chat: { key: SeriesKey; serviceUrl: string }, card: AdaptiveCardJson): Promise<Delivery>;
}
