import type { CardCopy, Person } from '../domain/types';

/** An Adaptive Card as `src/cards` renders it; services pass it on without looking inside. */
export type CardPayload = object;

/** A conversation the bot can post to outside a turn. */
export interface ConversationAddress {
  serviceUrl: string;
  conversationId: string;
  /** A group or meeting chat (true) or a 1:1 chat (false). */
  isGroup: boolean;
}

/** A card to post, with the line of text and the @mention a group chat needs to reach one person. */
export interface OutgoingCard {
  card: CardPayload;
  text?: string;
  /** Someone to @mention in `text` (as `<at>name</at>`), so Teams notifies them. */
  mention?: Person;
}

/**
 * Teams would not deliver to that conversation or person (the app was blocked or removed, or may
 * not open a chat with them): retrying will not help, so callers fall back or give up.
 */
export class DeliveryRefused extends Error {
  constructor(readonly status: number, message = `Teams refused the message (${status})`) {
    super(message);
    this.name = 'DeliveryRefused';
  }
}

/**
 * Sends outside a turn, through Teams. The adapter paces each conversation inside Teams' rate limits
 * and retries what Teams asks to be retried; what it cannot deliver for good throws `DeliveryRefused`.
 */
export interface Messenger {
  /** Posts a card in a conversation; returns the new message's id when Teams gives one. */
  post(to: ConversationAddress, message: OutgoingCard): Promise<string | undefined>;
  /** Opens (or finds) the bot's 1:1 chat with a person and returns its conversation id. */
  openPersonalChat(tenantId: string, teamsId: string, serviceUrl: string): Promise<string>;
  /** Replaces a card posted earlier (a copy of an action's card, after a change). */
  update(copy: CardCopy, card: CardPayload): Promise<void>;
}
